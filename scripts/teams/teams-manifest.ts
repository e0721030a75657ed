/**
 * The Teams app manifest of Lotse (German by default, with an English localization file), built
 * from the configured bot id, developer details and the app version.
 */
import type { CommandList, TeamsManifestV1D24 } from '@microsoft/app-manifest/build/generated-types/teams/TeamsManifestV1D24';
import { ACCENT_COLOR } from './draw-icons';

/**
 * The manifest schema version. 1.24 is generally available since late 2025 and offers everything
 * a conversational bot needs; the schema of this exact version ships in @microsoft/app-manifest,
 * so the package is validated offline against it.
 */
export const MANIFEST_VERSION = '1.24';
export const MANIFEST_SCHEMA_URL = `https://developer.microsoft.com/json-schemas/teams/v${MANIFEST_VERSION}/MicrosoftTeams.schema.json`;
export const LOCALIZATION_SCHEMA_URL = `https://developer.microsoft.com/json-schemas/teams/v${MANIFEST_VERSION}/MicrosoftTeams.Localization.schema.json`;

export type TeamsManifest = TeamsManifestV1D24;

/** A localization file: `$schema` plus the translated strings by manifest path (`name.short`, `bots[0]...`). */
export type LocalizationFile = Readonly<Record<string, string>>;

export const ICON_FILES = { color: 'color.png', outline: 'outline.png' } as const;
/** English for every `en-*` client (Teams falls back from `en-gb` or `en-us` to `en`). */
export const ENGLISH = { languageTag: 'en', file: 'en.json' } as const;

export interface ManifestSettings {
  /** The Azure Bot's Microsoft App ID; also the Teams app id. */
  readonly appId: string;
  /** Semantic version `x.y.z` of the app (from package.json). */
  readonly version: string;
  readonly developer: TeamsManifest['developer'];
  readonly validDomains: readonly string[];
}

interface Command {
  readonly title: string;
  readonly de: string;
  readonly en: string;
}

/**
 * The commands Teams offers in the compose box, per scope. Titles stay German in every language:
 * they are the text Lotse receives and understands.
 */
export const BOT_COMMANDS: Readonly<Record<'personal' | 'team' | 'groupChat', readonly Command[]>> = {
  personal: [
    { title: 'Meine Anfragen', de: 'Zeigt Ihre Tickets und deren aktuellen Stand.', en: 'Shows your tickets and their current status.' },
    { title: 'Ticket eröffnen', de: 'Eröffnet ein Ticket für die Beraterinnen und Berater der Kooperation.', en: "Opens a ticket for the cooperation's advisors." },
    { title: 'Hilfe', de: 'Zeigt, wobei Lotse Sie unterstützt.', en: 'Shows what Lotse can do for you.' },
  ],
  team: [
    {
      title: 'Tickets für <Gruppe> hier',
      de: 'Meldet diesen Kanal für die Tickets einer Beratungsgruppe an, z. B. „Tickets für Allgemeine Beratung hier“.',
      en: 'Registers this channel for the tickets of an advisor group, e.g. “Tickets für Allgemeine Beratung hier”.',
    },
    { title: 'Hilfe', de: 'Zeigt, wie Sie Lotse in diesem Team verwenden.', en: 'Shows how to use Lotse in this team.' },
  ],
  groupChat: [{ title: 'Hilfe', de: 'Zeigt, wie Sie Lotse in diesem Chat fragen.', en: 'Shows how to ask Lotse in this chat.' }],
};

const TEXTS = {
  de: {
    'name.short': 'Lotse',
    'name.full': 'Lotse – Helpdesk der E-Government-Kooperation',
    'description.short': 'Antworten auf Ihre E-Government-Fragen und Tickets an die Kooperation',
    'description.full':
      'Lotse ist die zentrale Anlaufstelle der interkommunalen E-Government-Kooperation in Microsoft Teams. ' +
      'Stellen Sie Ihre Fragen zu OZG, BundID, XRechnung, IT-Grundschutz, DSGVO, E-Akte, Fördermitteln und den ' +
      'Diensten der Kooperation in eigenen Worten: Lotse antwortet aus der gepflegten Wissensbasis und nennt die Quelle. ' +
      'Deckt die Wissensbasis Ihre Frage nicht ab, sagt Lotse das offen, und Sie können ein Ticket eröffnen. Die ' +
      'Beraterinnen und Berater der Kooperation bearbeiten es in ihrem Teams-Kanal; den Stand Ihrer Tickets sehen Sie ' +
      'jederzeit unter „Meine Anfragen“.',
  },
  en: {
    'name.short': 'Lotse',
    'name.full': 'Lotse – help desk of the e-government cooperation',
    'description.short': 'Answers to your e-government questions and tickets to the cooperation',
    'description.full':
      'Lotse is the central point of contact of the inter-municipal e-government cooperation in Microsoft Teams. ' +
      "Ask your questions about OZG, BundID, XRechnung, IT-Grundschutz, GDPR, electronic records, funding and the cooperation's " +
      'services in your own words: Lotse answers from the curated knowledge base and names the source. If the knowledge ' +
      "base does not cover your question, Lotse says so openly and you can open a ticket. The cooperation's advisors " +
      'handle it in their Teams channel; you can follow your tickets at any time with the command "Meine Anfragen". ' +
      'The commands are in German.',
  },
} as const;

const SCOPES = ['personal', 'team', 'groupChat'] as const;

function commandLists(): CommandList[] {
  return SCOPES.map((scope) => ({
    scopes: [scope],
    commands: BOT_COMMANDS[scope].map((command) => ({ title: command.title, description: command.de })),
  }));
}

/** The manifest.json content (German strings; see {@link buildEnglishLocalization} for English). */
export function buildManifest(settings: ManifestSettings): TeamsManifest {
  const de = TEXTS.de;
  return {
    $schema: MANIFEST_SCHEMA_URL,
    manifestVersion: MANIFEST_VERSION,
    version: settings.version,
    id: settings.appId,
    developer: { ...settings.developer },
    name: { short: de['name.short'], full: de['name.full'] },
    description: { short: de['description.short'], full: de['description.full'] },
    icons: { ...ICON_FILES },
    accentColor: ACCENT_COLOR,
    localizationInfo: { defaultLanguageTag: 'de', additionalLanguages: [{ ...ENGLISH }] },
    bots: [
      {
        botId: settings.appId,
        scopes: [...SCOPES],
        commandLists: commandLists(),
        supportsFiles: false,
        isNotificationOnly: false,
        supportsCalling: false,
        supportsVideo: false,
      },
    ],
    defaultInstallScope: 'personal',
    validDomains: [...settings.validDomains],
  };
}

/** The English localization file: names, descriptions and command descriptions (titles stay German). */
export function buildEnglishLocalization(): LocalizationFile {
  const commands: Record<string, string> = {};
  SCOPES.forEach((scope, list) => {
    BOT_COMMANDS[scope].forEach((command, index) => {
      commands[`bots[0].commandLists[${list}].commands[${index}].title`] = command.title;
      commands[`bots[0].commandLists[${list}].commands[${index}].description`] = command.en;
    });
  });
  return { $schema: LOCALIZATION_SCHEMA_URL, ...TEXTS.en, ...commands };
}
