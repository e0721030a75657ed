/**
 * `npm run teams:package [-- --app-id <guid>] [--out <file.zip>]`: builds the Teams app package
 * (manifest.json, en.json, color.png, outline.png) into dist/teams/lotse-teams-app.zip.
 *
 * The bot id comes from MICROSOFT_APP_ID (environment or .env) unless --app-id is given; the app
 * version from package.json; developer details from the TEAMS_APP_* variables (see .env.example).
 * No secrets are needed. The manifest is validated offline against the official schema.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadTeamsAppConfig } from '../src/config/config';
import { AppError, ErrorCode, isAppError } from '../src/domain/errors';
import type { AppPackage } from './teams/app-package';
import { buildTeamsAppPackage, DEFAULT_PACKAGE_PATH } from './teams/app-package';
import { MANIFEST_VERSION } from './teams/teams-manifest';

/** The developer URLs and the variables that set them; their defaults are placeholders on example.org. */
const URL_VARIABLES = { websiteUrl: 'TEAMS_APP_WEBSITE_URL', privacyUrl: 'TEAMS_APP_PRIVACY_URL', termsOfUseUrl: 'TEAMS_APP_TERMS_OF_USE_URL' } as const;

const USAGE = 'usage: npm run teams:package [-- --app-id <guid>] [--out <file.zip>]';

export interface TeamsPackageOptions {
  /** The repository root (package.json, scripts/teams/icons). */
  readonly root: string;
  /** Environment to read; defaults to process.env over .env. */
  readonly env?: NodeJS.ProcessEnv;
  readonly print: (line: string) => void;
}

function parseArguments(argv: readonly string[]): { appId?: string; out?: string } {
  try {
    const { values } = parseArgs({ args: [...argv], options: { 'app-id': { type: 'string' }, out: { type: 'string' } }, strict: true });
    return { appId: values['app-id'], out: values.out };
  } catch (error) {
    throw new AppError(ErrorCode.ConfigInvalid, `${(error as Error).message}\n${USAGE}`, {}, { cause: error });
  }
}

function readAppVersion(root: string): string {
  const packageJson = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version?: unknown };
  return typeof packageJson.version === 'string' ? packageJson.version : '';
}

/** Builds the package from the arguments and configuration; prints a summary and placeholder warnings. */
export async function runTeamsPackage(argv: readonly string[], options: TeamsPackageOptions): Promise<AppPackage> {
  const args = parseArguments(argv);
  const config = loadTeamsAppConfig(options.env);
  const result = await buildTeamsAppPackage({
    appId: (args.appId ?? config.appId).trim(),
    version: readAppVersion(options.root),
    developer: { ...config.developer },
    validDomains: config.validDomains,
    iconsDir: path.join(options.root, 'scripts', 'teams', 'icons'),
    outFile: args.out ? path.resolve(args.out) : path.join(options.root, DEFAULT_PACKAGE_PATH),
  });
  options.print(`Wrote ${path.relative(process.cwd(), result.outFile) || result.outFile}`);
  options.print(`  manifest ${MANIFEST_VERSION}, app version ${result.manifest.version}, bot ${result.manifest.id}`);
  options.print(`  files: ${result.files.join(', ')}`);
  for (const [field, variable] of Object.entries(URL_VARIABLES)) {
    const value = config.developer[field as keyof typeof URL_VARIABLES];
    if (/^https:\/\/example\.org\b/.test(value)) options.print(`  NOTE: ${variable} is still the placeholder ${value}; set the cooperation's page before rolling out.`);
  }
  return result;
}

if (require.main === module) {
  // dist/scripts/ -> repository root
  const root = path.basename(path.dirname(__dirname)) === 'dist' ? path.resolve(__dirname, '..', '..') : path.resolve(__dirname, '..');
  runTeamsPackage(process.argv.slice(2), { root, print: (line) => console.log(line) }).then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(isAppError(error) ? `${error.code}: ${error.message}` : error);
      process.exit(1);
    },
  );
}
