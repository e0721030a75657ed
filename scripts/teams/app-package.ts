/**
 * Builds the Teams app package: manifest.json, the English localization file and the two icons at
 * the root of a zip file, after validating the manifest against the official schema offline.
 */
import { createWriteStream, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { ZipFile } from 'yazl';
import { AppError, ErrorCode } from '../../src/domain/errors';
import { validateAgainstSchema } from './manifest-schema';
import { decodePng, readPngHeader } from './png';
import type { ManifestSettings, TeamsManifest } from './teams-manifest';
import { buildEnglishLocalization, buildManifest, ENGLISH, ICON_FILES } from './teams-manifest';

/** Where the package goes by default, relative to the repository root. */
export const DEFAULT_PACKAGE_PATH = path.join('dist', 'teams', 'lotse-teams-app.zip');

/** Pixel sizes Teams requires. */
export const ICON_SIZES = { color: 192, outline: 32 } as const;

const GUID = /^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/;
/** Fixed entry time, so that the same input gives the same zip bytes. */
const ENTRY_TIME = new Date(2026, 0, 1);

export interface AppPackageInput extends ManifestSettings {
  /** Folder holding color.png and outline.png. */
  readonly iconsDir: string;
  readonly outFile: string;
}

export interface AppPackage {
  readonly outFile: string;
  readonly manifest: TeamsManifest;
  /** The entries at the zip root, in order. */
  readonly files: readonly string[];
}

/** Throws CONFIG_INVALID unless `appId` is the GUID of an Azure Bot (Microsoft App ID). */
export function checkAppId(appId: string): void {
  if (appId.trim().length === 0) {
    throw new AppError(
      ErrorCode.ConfigInvalid,
      'No bot app id configured: set MICROSOFT_APP_ID (the Microsoft App ID of the Azure Bot resource) in the environment or .env, or pass --app-id <guid>.',
    );
  }
  if (!GUID.test(appId)) {
    throw new AppError(ErrorCode.ConfigInvalid, `The bot app id must be a GUID (the Microsoft App ID of the Azure Bot resource), got "${appId}".`);
  }
}

/** Throws CONFIG_INVALID unless `version` is `major.minor.patch`, as Teams requires. */
export function checkVersion(version: string): void {
  if (!/^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/.test(version)) {
    throw new AppError(ErrorCode.ConfigInvalid, `The app version must look like 1.2.3 (Teams accepts no pre-release tags), got "${version}".`);
  }
}

function readIcon(iconsDir: string, kind: keyof typeof ICON_FILES): Buffer {
  const file = path.join(iconsDir, ICON_FILES[kind]);
  const png = readFileSync(file);
  const { width, height } = readPngHeader(png, file);
  const size = ICON_SIZES[kind];
  if (width !== size || height !== size) {
    throw new AppError(ErrorCode.ValidationFailed, `${file} must be ${size}x${size} pixels, is ${width}x${height}.`, { file });
  }
  if (kind === 'outline') checkOutline(png, file);
  return png;
}

/** Teams shows the outline icon on coloured backgrounds: it must be white on transparent. */
function checkOutline(png: Buffer, file: string): void {
  const { rgba } = decodePng(png, file);
  let transparent = 0;
  for (let offset = 0; offset < rgba.length; offset += 4) {
    if (rgba[offset + 3] === 0) {
      transparent += 1;
    } else if ([0, 1, 2].some((channel) => (rgba[offset + channel] ?? 0) < 0xf0)) {
      throw new AppError(ErrorCode.ValidationFailed, `${file} must be white on a transparent background; pixel ${offset / 4} is coloured.`, { file });
    }
  }
  if (transparent === 0) {
    throw new AppError(ErrorCode.ValidationFailed, `${file} must have a transparent background.`, { file });
  }
}

function toJson(value: unknown): Buffer {
  return Buffer.from(`${JSON.stringify(value, null, 2)}\n`, 'utf8');
}

async function writeZip(outFile: string, entries: readonly (readonly [string, Buffer])[]): Promise<void> {
  mkdirSync(path.dirname(outFile), { recursive: true });
  const zip = new ZipFile();
  for (const [name, content] of entries) zip.addBuffer(content, name, { mtime: ENTRY_TIME, compress: true });
  zip.end();
  await pipeline(zip.outputStream, createWriteStream(outFile));
}

/**
 * Builds and validates the manifest, checks the icons and writes the zip.
 * Throws CONFIG_INVALID for a missing or malformed app id or version, VALIDATION_FAILED when the
 * manifest breaks the schema or an icon is unfit — before anything is written.
 */
export async function buildTeamsAppPackage(input: AppPackageInput): Promise<AppPackage> {
  checkAppId(input.appId);
  checkVersion(input.version);
  const manifest = buildManifest(input);
  const english = buildEnglishLocalization();
  const problems = [
    ...validateAgainstSchema('manifest', manifest).map((problem) => `manifest.json: ${problem}`),
    ...validateAgainstSchema('localization', english).map((problem) => `${ENGLISH.file}: ${problem}`),
  ];
  if (problems.length > 0) {
    throw new AppError(ErrorCode.ValidationFailed, `The Teams manifest breaks the official schema:\n- ${problems.join('\n- ')}`, { problems });
  }
  const entries = [
    ['manifest.json', toJson(manifest)],
    [ENGLISH.file, toJson(english)],
    [ICON_FILES.color, readIcon(input.iconsDir, 'color')],
    [ICON_FILES.outline, readIcon(input.iconsDir, 'outline')],
  ] as const;
  await writeZip(input.outFile, entries);
  return { outFile: input.outFile, manifest, files: entries.map(([name]) => name) };
}
