import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buffer } from 'node:stream/consumers';
import * as yauzl from 'yauzl';
import { runTeamsPackage } from '../../../scripts/teams-package';
import { buildTeamsAppPackage } from '../../../scripts/teams/app-package';
import { validateAgainstSchema } from '../../../scripts/teams/manifest-schema';
import { encodePng } from '../../../scripts/teams/png';
import type { TeamsManifest } from '../../../scripts/teams/teams-manifest';
import { loadTeamsAppConfig } from '../../../src/config/config';
import { ErrorCode } from '../../../src/domain/errors';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const ICONS = path.join(ROOT, 'scripts', 'teams', 'icons');
const APP_ID = '2f1c7a52-9b1e-4c8a-a1b2-0123456789ab';
const OTHER_APP_ID = '9d4e0b11-7c3a-4f5e-8b6d-fedcba987654';

let dir: string;
let printed: string[];

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'lotse-teams-'));
  printed = [];
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Runs `npm run teams:package` in-process with the given environment, writing into the temp dir. */
async function packageWith(env: NodeJS.ProcessEnv, args: string[] = []): Promise<Map<string, Buffer>> {
  const outFile = path.join(dir, 'lotse-teams-app.zip');
  await runTeamsPackage(['--out', outFile, ...args], { root: ROOT, env, print: (line) => printed.push(line) });
  return unzip(outFile);
}

/** Reads every entry of a zip file back (yauzl, the reading counterpart of yazl). */
async function unzip(file: string): Promise<Map<string, Buffer>> {
  const zip = await yauzl.openPromise(file);
  const entries = new Map<string, Buffer>();
  try {
    for await (const entry of zip.eachEntry()) {
      entries.set(entry.fileName, await buffer(await zip.openReadStreamPromise(entry)));
    }
  } finally {
    zip.close();
  }
  return entries;
}

function json<T>(entries: Map<string, Buffer>, name: string): T {
  const content = entries.get(name);
  if (!content) throw new Error(`${name} is missing from the package`);
  return JSON.parse(content.toString('utf8')) as T;
}

/** Width, height and colour type straight from the IHDR chunk (bytes 16-25 of every PNG). */
function pngHeader(png: Buffer | undefined): { width: number; height: number; colorType: number } {
  if (!png || png.toString('latin1', 1, 4) !== 'PNG' || png.toString('latin1', 12, 16) !== 'IHDR') throw new Error('not a PNG');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20), colorType: png[25] ?? -1 };
}

function commandTitles(manifest: TeamsManifest, scope: string): string[] {
  const list = manifest.bots?.[0]?.commandLists?.find((candidate) => candidate.scopes.includes(scope as never));
  return (list?.commands ?? []).map((command) => command.title);
}

describe('npm run teams:package', () => {
  it('zips manifest.json, the English strings and both icons at the root, and the manifest passes the official schema', async () => {
    const entries = await packageWith({ MICROSOFT_APP_ID: APP_ID });

    expect([...entries.keys()].sort()).toEqual(['color.png', 'en.json', 'manifest.json', 'outline.png']);
    const manifest = json<TeamsManifest>(entries, 'manifest.json');
    expect(manifest.manifestVersion).toBe('1.24');
    expect(validateAgainstSchema('manifest', manifest)).toEqual([]);
    expect(validateAgainstSchema('localization', json(entries, 'en.json'))).toEqual([]);
    expect(manifest.version).toBe(JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version);
  });

  it('uses the configured bot id as bot and app id, and --app-id overrides it', async () => {
    const configured = json<TeamsManifest>(await packageWith({ MICROSOFT_APP_ID: APP_ID }), 'manifest.json');
    expect(configured.id).toBe(APP_ID);
    expect(configured.bots?.[0]?.botId).toBe(APP_ID);

    const overridden = json<TeamsManifest>(await packageWith({ MICROSOFT_APP_ID: APP_ID }, ['--app-id', OTHER_APP_ID]), 'manifest.json');
    expect(overridden.bots?.[0]?.botId).toBe(OTHER_APP_ID);
  });

  it('installs in personal chat, teams and group chats, with the commands of each scope', async () => {
    const manifest = json<TeamsManifest>(await packageWith({ MICROSOFT_APP_ID: APP_ID }), 'manifest.json');
    const bot = manifest.bots?.[0];

    expect(bot?.scopes).toEqual(['personal', 'team', 'groupChat']);
    expect(bot).toMatchObject({ supportsFiles: false, isNotificationOnly: false });
    expect(commandTitles(manifest, 'personal')).toEqual(['Meine Anfragen', 'Ticket eröffnen', 'Hilfe']);
    expect(commandTitles(manifest, 'team')).toEqual(['Tickets für <Gruppe> hier', 'Hilfe']);
    expect(commandTitles(manifest, 'groupChat')).toEqual(['Hilfe']);
    // Limits of the Teams command menu, stricter than the schema.
    for (const command of bot?.commandLists?.flatMap((list) => list.commands) ?? []) {
      expect(command.title.length).toBeLessThanOrEqual(32);
      expect(command.description.length).toBeLessThanOrEqual(128);
    }
  });

  it('is German by default and English for English clients, keeping the German command titles Lotse understands', async () => {
    const entries = await packageWith({ MICROSOFT_APP_ID: APP_ID });
    const manifest = json<TeamsManifest>(entries, 'manifest.json');
    const english = json<Record<string, string>>(entries, 'en.json');

    expect(manifest.localizationInfo).toEqual({ defaultLanguageTag: 'de', additionalLanguages: [{ languageTag: 'en', file: 'en.json' }] });
    expect(manifest.description.short).toMatch(/Ihre E-Government-Fragen/);
    expect(english['description.short']).toMatch(/your e-government questions/);
    expect(english['bots[0].commandLists[0].commands[0].title']).toBe('Meine Anfragen');
    expect(english['bots[0].commandLists[1].commands[0].description']).toMatch(/Registers this channel/);
  });

  it('ships a 192x192 colour icon and a 32x32 outline icon with an alpha channel', async () => {
    const entries = await packageWith({ MICROSOFT_APP_ID: APP_ID });

    expect(pngHeader(entries.get('color.png'))).toMatchObject({ width: 192, height: 192 });
    expect(pngHeader(entries.get('outline.png'))).toEqual({ width: 32, height: 32, colorType: 6 });
  });

  it('takes the developer details and valid domains from the TEAMS_APP_* variables and flags placeholders', async () => {
    const withDefaults = json<TeamsManifest>(await packageWith({ MICROSOFT_APP_ID: APP_ID }), 'manifest.json');
    expect(withDefaults.developer.privacyUrl).toBe('https://example.org/lotse/datenschutz');
    expect(printed.join('\n')).toMatch(/TEAMS_APP_PRIVACY_URL is still the placeholder/);

    printed = [];
    const configured = json<TeamsManifest>(
      await packageWith({
        MICROSOFT_APP_ID: APP_ID,
        TEAMS_APP_DEVELOPER_NAME: 'Zweckverband Digitale Kommune',
        TEAMS_APP_WEBSITE_URL: 'https://kooperation.example.de/lotse',
        TEAMS_APP_PRIVACY_URL: 'https://kooperation.example.de/datenschutz',
        TEAMS_APP_TERMS_OF_USE_URL: 'https://kooperation.example.de/nutzung',
        TEAMS_APP_VALID_DOMAINS: 'lotse.kooperation.example.de, *.kooperation.example.de',
      }),
      'manifest.json',
    );
    expect(configured.developer).toEqual({
      name: 'Zweckverband Digitale Kommune',
      websiteUrl: 'https://kooperation.example.de/lotse',
      privacyUrl: 'https://kooperation.example.de/datenschutz',
      termsOfUseUrl: 'https://kooperation.example.de/nutzung',
    });
    expect(configured.validDomains).toEqual(['lotse.kooperation.example.de', '*.kooperation.example.de']);
    expect(printed.join('\n')).not.toMatch(/placeholder/);
  });

  it('fails with a clear message and writes nothing when no app id is configured', async () => {
    const run = packageWith({ MICROSOFT_APP_PASSWORD: 'irrelevant' });

    await expect(run).rejects.toMatchObject({ code: ErrorCode.ConfigInvalid, message: expect.stringMatching(/MICROSOFT_APP_ID.*--app-id/) });
    expect(existsSync(path.join(dir, 'lotse-teams-app.zip'))).toBe(false);
  });

  it('refuses an app id that is not a GUID and unknown options', async () => {
    await expect(packageWith({ MICROSOFT_APP_ID: 'lotse-bot' })).rejects.toMatchObject({ code: ErrorCode.ConfigInvalid, message: expect.stringMatching(/GUID/) });
    await expect(packageWith({ MICROSOFT_APP_ID: APP_ID }, ['--appid', APP_ID])).rejects.toMatchObject({ code: ErrorCode.ConfigInvalid });
  });

  it('lists every invalid TEAMS_APP_* setting at once', () => {
    expect(() => loadTeamsAppConfig({ TEAMS_APP_WEBSITE_URL: 'http://kooperation.example.de', TEAMS_APP_VALID_DOMAINS: 'https://lotse.example.de/' })).toThrow(
      expect.objectContaining({
        code: ErrorCode.ConfigInvalid,
        details: { problems: [expect.stringMatching(/^TEAMS_APP_WEBSITE_URL: .*https/), expect.stringMatching(/^TEAMS_APP_VALID_DOMAINS/)] },
      }),
    );
  });
});

describe('the schema check and the icon checks', () => {
  const settings = {
    appId: APP_ID,
    version: '1.0.0',
    developer: { name: 'Kooperation', websiteUrl: 'https://a.example', privacyUrl: 'https://a.example/p', termsOfUseUrl: 'https://a.example/t' },
    validDomains: [],
  };

  it('reports what breaks the official schema', async () => {
    const entries = await packageWith({ MICROSOFT_APP_ID: APP_ID });
    const manifest = json<TeamsManifest>(entries, 'manifest.json');

    const problems = validateAgainstSchema('manifest', { ...manifest, accentColor: 'blau', name: { short: 'L'.repeat(31) } });
    expect(problems).toEqual(expect.arrayContaining([expect.stringMatching(/^\/accentColor/), expect.stringMatching(/^\/name\/short/)]));
  });

  it('refuses an icon of the wrong size', async () => {
    writeFileSync(path.join(dir, 'color.png'), readFileSync(path.join(ICONS, 'outline.png')));
    writeFileSync(path.join(dir, 'outline.png'), readFileSync(path.join(ICONS, 'outline.png')));

    await expect(buildTeamsAppPackage({ ...settings, iconsDir: dir, outFile: path.join(dir, 'x.zip') })).rejects.toMatchObject({
      code: ErrorCode.ValidationFailed,
      message: expect.stringMatching(/color\.png must be 192x192 pixels, is 32x32/),
    });
  });

  it('refuses an outline icon that is not white on transparent', async () => {
    const red = new Uint8Array(32 * 32 * 4).map((_, i) => (i % 4 === 1 || i % 4 === 2 ? 0 : 255));
    writeFileSync(path.join(dir, 'color.png'), readFileSync(path.join(ICONS, 'color.png')));
    writeFileSync(path.join(dir, 'outline.png'), encodePng({ width: 32, height: 32, rgba: red }));

    await expect(buildTeamsAppPackage({ ...settings, iconsDir: dir, outFile: path.join(dir, 'x.zip') })).rejects.toMatchObject({
      code: ErrorCode.ValidationFailed,
      message: expect.stringMatching(/outline\.png must be white on a transparent background/),
    });
  });
});
