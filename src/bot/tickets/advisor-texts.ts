import type { SlaState } from '../../domain/tickets/sla-policy';
import type { TicketAction, TicketPriority, TicketStatus } from '../../domain/tickets/ticket';
import { langOf, type Lang } from '../texts';

/**
 * Every text of the advisors' side of tickets (the ticket card, card actions, channel commands,
 * reminders) and of the proactive messages to requesters, in German (formal "Sie") and English.
 */

/** Verbs of the card's text areas and choice sets (besides the status actions). */
export type FormVerb = 'reply' | 'note' | 'priority' | 'route';

export interface AdvisorTexts {
  readonly status: Readonly<Record<TicketStatus, string>>;
  readonly priority: Readonly<Record<TicketPriority, string>>;
  readonly sla: Readonly<Record<SlaState, string>>;
  readonly actions: Readonly<Record<TicketAction, string>>;
  readonly forms: Readonly<Record<FormVerb, { readonly open: string; readonly label: string; readonly submit: string }>>;
  readonly refresh: string;
  readonly fact: {
    readonly requester: string;
    readonly category: string;
    readonly priority: string;
    readonly status: string;
    readonly group: string;
    readonly firstResponse: string;
    readonly resolution: string;
    readonly created: string;
  };
  readonly unassigned: string;
  readonly assignedTo: (status: string, name: string) => string;
  readonly slaRunning: (state: string, due: string) => string;
  readonly slaStopped: (state: SlaState, at: string, due: string) => string;
  readonly originalQuestion: string;
  readonly description: string;
  readonly suggestions: string;
  readonly noSuggestions: string;
  readonly suggestion: (title: string, entryId: string, percent: number) => string;
  readonly entryGone: string;
  readonly history: string;
  readonly noMessages: string;
  readonly olderMessages: (count: number) => string;
  readonly publicMessage: (author: string, role: 'requester' | 'advisor', at: string) => string;
  readonly internalNote: (author: string, at: string) => string;
  readonly textRequired: string;
  readonly readOnly: (group: string) => string;
  readonly routedAway: (group: string) => string;
  readonly notice: {
    readonly alreadyClaimed: (name: string) => string;
    readonly claimedByYou: string;
    readonly versionConflict: string;
    readonly notInStatus: (status: string) => string;
    readonly claimFirst: string;
    readonly emptyText: string;
    readonly textTooLong: string;
    readonly unknownGroup: string;
    readonly invalidInput: string;
    readonly replySent: string;
    readonly noteSaved: string;
    readonly routed: (group: string) => string;
  };
  readonly refusal: {
    readonly notMember: (group: string) => string;
    readonly noChannel: (group: string) => string;
    readonly unidentified: string;
    readonly forbidden: string;
    readonly ticketNotFound: string;
    readonly badAction: string;
    readonly failed: string;
  };
  readonly channel: {
    readonly registered: (group: string, moved: boolean) => string;
    readonly moveRefused: (group: string) => string;
    readonly unknownGroup: (wanted: string, groups: string) => string;
    readonly groupLine: (name: string, id: string, where: 'here' | 'elsewhere' | 'none') => string;
    readonly groupsList: (lines: string) => string;
    readonly channelOnly: string;
  };
  readonly reminder: {
    readonly dueSoon: (number: string, due: string) => string;
    readonly breached: (number: string, due: string) => string;
  };
  readonly requester: {
    readonly claimed: (number: string, name: string | null) => string;
    readonly waiting: (number: string) => string;
    readonly closed: (number: string) => string;
    readonly reopened: (number: string) => string;
    readonly resumed: (number: string) => string;
  };
}

const MAX_TEXT = '5.000';

const DE: AdvisorTexts = {
  status: { new: 'Neu', assigned: 'In Bearbeitung', waiting_for_requester: 'Wartet auf Rückmeldung', resolved: 'Gelöst', closed: 'Geschlossen' },
  priority: { low: 'Niedrig', normal: 'Normal', high: 'Hoch', urgent: 'Dringend' },
  sla: { ok: 'im Plan', due_soon: 'bald fällig', breached: 'überschritten' },
  actions: {
    claim: 'Übernehmen',
    wait_for_requester: 'Warten auf Rückmeldung',
    resume: 'Weiter bearbeiten',
    resolve: 'Gelöst',
    close: 'Schließen',
    reopen: 'Wieder öffnen',
  },
  forms: {
    reply: { open: 'Antworten', label: 'Antwort an die anfragende Person', submit: 'Antwort senden' },
    note: { open: 'Interne Notiz', label: 'Interne Notiz (nur für Berater:innen sichtbar)', submit: 'Notiz speichern' },
    priority: { open: 'Priorität', label: 'Neue Priorität', submit: 'Priorität setzen' },
    route: { open: 'Weiterleiten', label: 'An Gruppe weiterleiten', submit: 'Weiterleiten' },
  },
  refresh: 'Aktualisieren',
  fact: {
    requester: 'Anfragende Person',
    category: 'Kategorie',
    priority: 'Priorität',
    status: 'Status',
    group: 'Gruppe',
    firstResponse: 'Erstantwort',
    resolution: 'Lösung',
    created: 'Eingegangen',
  },
  unassigned: 'Neu – noch nicht übernommen',
  assignedTo: (status, name) => `${status} – ${name}`,
  slaRunning: (state, due) => `${state} (fällig ${due})`,
  slaStopped: (state, at, due) => (state === 'breached' ? `verspätet erledigt am ${at} (fällig war ${due})` : `erledigt am ${at}`),
  originalQuestion: 'Ursprüngliche Frage',
  description: 'Beschreibung',
  suggestions: 'Vorschläge von Lotse',
  noSuggestions: 'Lotse hatte keinen passenden Eintrag.',
  suggestion: (title, entryId, percent) => `${title} (${entryId}) – Treffsicherheit ${percent} %`,
  entryGone: 'Eintrag nicht mehr veröffentlicht',
  history: 'Verlauf',
  noMessages: 'Noch keine Nachrichten.',
  olderMessages: (count) => (count === 1 ? '1 ältere Nachricht ist ausgeblendet.' : `${count} ältere Nachrichten sind ausgeblendet.`),
  publicMessage: (author, role, at) => `**${author}** (${role === 'advisor' ? 'Antwort' : 'Anfragende Person'}, ${at})`,
  internalNote: (author, at) => `🔒 **Interne Notiz** von ${author} (${at})`,
  textRequired: 'Bitte geben Sie einen Text ein.',
  readOnly: (group) => `Nur Mitglieder der Beratergruppe „${group}“ können dieses Ticket bearbeiten.`,
  routedAway: (group) => `Dieses Ticket wurde an die Gruppe „${group}“ weitergeleitet und wird dort bearbeitet.`,
  notice: {
    alreadyClaimed: (name) => `Bereits von ${name} übernommen.`,
    claimedByYou: 'Sie haben dieses Ticket bereits übernommen.',
    versionConflict: 'Das Ticket wurde inzwischen geändert – hier ist der aktuelle Stand.',
    notInStatus: (status) => `Das ist im Status „${status}“ nicht möglich.`,
    claimFirst: 'Bitte übernehmen Sie das Ticket, bevor Sie antworten.',
    emptyText: 'Bitte geben Sie einen Text ein.',
    textTooLong: `Der Text ist zu lang (höchstens ${MAX_TEXT} Zeichen).`,
    unknownGroup: 'Diese Beratergruppe gibt es nicht (mehr).',
    invalidInput: 'Die Eingabe ist ungültig.',
    replySent: 'Ihre Antwort wurde an die anfragende Person gesendet.',
    noteSaved: 'Die interne Notiz wurde gespeichert.',
    routed: (group) => `An die Gruppe „${group}“ weitergeleitet.`,
  },
  refusal: {
    notMember: (group) =>
      `Diese Aktion ist nur für Mitglieder der Beratergruppe „${group}“ möglich. Wenn Sie Zugang brauchen, wenden Sie sich bitte an die Geschäftsstelle.`,
    noChannel: (group) =>
      `Für die Beratergruppe „${group}“ ist noch kein Kanal registriert, daher kann ich Ihre Berechtigung nicht prüfen. Bitte registrieren Sie den Kanal mit „@Lotse Tickets für ${group} hier“.`,
    unidentified: 'Ich kann Ihr Konto leider nicht erkennen. Bitte verwenden Sie Microsoft Teams mit Ihrem Dienstkonto.',
    forbidden: 'Diese Aktion ist für Sie nicht möglich.',
    ticketNotFound: 'Dieses Ticket gibt es nicht (mehr).',
    badAction: 'Diese Kartenaktion ist ungültig. Bitte laden Sie die Karte neu.',
    failed: 'Die Aktion konnte gerade nicht ausgeführt werden. Bitte versuchen Sie es gleich noch einmal.',
  },
  channel: {
    registered: (group, moved) =>
      `Erledigt: Neue Tickets der Gruppe „${group}“ erscheinen ab jetzt in diesem Kanal.${moved ? ' (Bisher gingen sie in einen anderen Kanal.)' : ''}`,
    moveRefused: (group) =>
      `Die Tickets der Gruppe „${group}“ gehen bereits in den Kanal eines anderen Teams. Verlegen kann sie nur ein Mitglied jenes Teams.`,
    unknownGroup: (wanted, groups) =>
      `Eine Beratergruppe „${wanted}“ kenne ich nicht. Diese Gruppen gibt es:\n\n${groups}\n\nBeispiel: @Lotse Tickets für Datenschutz hier`,
    groupLine: (name, id, where) =>
      `- ${name} (${id}): ${where === 'here' ? 'dieser Kanal' : where === 'elsewhere' ? 'ein anderer Kanal' : 'noch kein Kanal'}`,
    groupsList: (lines) => `Beratergruppen und ihre Kanäle:\n\n${lines}\n\nRegistrieren: @Lotse Tickets für <Gruppe> hier`,
    channelOnly: 'Das geht nur in einem Kanal eines Teams: Erwähnen Sie mich dort mit „@Lotse Tickets für <Gruppe> hier“.',
  },
  reminder: {
    dueSoon: (number, due) => `Erinnerung: Die Erstantwort zu ${number} ist bald fällig (bis ${due}).`,
    breached: (number, due) => `Erinnerung: Die Erstantwort zu ${number} ist überschritten (fällig war ${due}).`,
  },
  requester: {
    claimed: (number, name) => (name ? `Ihre Anfrage ${number} wird jetzt von ${name} bearbeitet.` : `Ihre Anfrage ${number} wird jetzt bearbeitet.`),
    waiting: (number) => `Ihre Anfrage ${number} benötigt eine Rückmeldung von Ihnen. Antworten Sie einfach hier im Chat.`,
    closed: (number) => `Ihre Anfrage ${number} wurde geschlossen.`,
    reopened: (number) => `Ihre Anfrage ${number} wurde wieder geöffnet.`,
    resumed: (number) => `Ihre Anfrage ${number} ist wieder in Bearbeitung.`,
  },
};

const EN: AdvisorTexts = {
  status: { new: 'New', assigned: 'In progress', waiting_for_requester: 'Waiting for reply', resolved: 'Resolved', closed: 'Closed' },
  priority: { low: 'Low', normal: 'Normal', high: 'High', urgent: 'Urgent' },
  sla: { ok: 'on track', due_soon: 'due soon', breached: 'overdue' },
  actions: {
    claim: 'Claim',
    wait_for_requester: 'Wait for reply',
    resume: 'Resume',
    resolve: 'Resolved',
    close: 'Close',
    reopen: 'Reopen',
  },
  forms: {
    reply: { open: 'Reply', label: 'Reply to the requester', submit: 'Send reply' },
    note: { open: 'Internal note', label: 'Internal note (advisors only)', submit: 'Save note' },
    priority: { open: 'Priority', label: 'New priority', submit: 'Set priority' },
    route: { open: 'Forward', label: 'Forward to group', submit: 'Forward' },
  },
  refresh: 'Refresh',
  fact: {
    requester: 'Requester',
    category: 'Category',
    priority: 'Priority',
    status: 'Status',
    group: 'Group',
    firstResponse: 'First response',
    resolution: 'Resolution',
    created: 'Received',
  },
  unassigned: 'New – not claimed yet',
  assignedTo: (status, name) => `${status} – ${name}`,
  slaRunning: (state, due) => `${state} (due ${due})`,
  slaStopped: (state, at, due) => (state === 'breached' ? `done late on ${at} (was due ${due})` : `done on ${at}`),
  originalQuestion: 'Original question',
  description: 'Description',
  suggestions: "Lotse's suggestions",
  noSuggestions: 'Lotse had no matching entry.',
  suggestion: (title, entryId, percent) => `${title} (${entryId}) – confidence ${percent} %`,
  entryGone: 'entry no longer published',
  history: 'History',
  noMessages: 'No messages yet.',
  olderMessages: (count) => (count === 1 ? '1 older message is hidden.' : `${count} older messages are hidden.`),
  publicMessage: (author, role, at) => `**${author}** (${role === 'advisor' ? 'reply' : 'requester'}, ${at})`,
  internalNote: (author, at) => `🔒 **Internal note** by ${author} (${at})`,
  textRequired: 'Please enter a text.',
  readOnly: (group) => `Only members of the advisor group "${group}" can work on this ticket.`,
  routedAway: (group) => `This ticket was forwarded to the group "${group}" and is handled there.`,
  notice: {
    alreadyClaimed: (name) => `Already claimed by ${name}.`,
    claimedByYou: 'You have already claimed this ticket.',
    versionConflict: 'The ticket has changed meanwhile – this is its current state.',
    notInStatus: (status) => `This is not possible in status "${status}".`,
    claimFirst: 'Please claim the ticket before you reply.',
    emptyText: 'Please enter a text.',
    textTooLong: 'The text is too long (at most 5,000 characters).',
    unknownGroup: 'This advisor group does not exist (any more).',
    invalidInput: 'The input is invalid.',
    replySent: 'Your reply was sent to the requester.',
    noteSaved: 'The internal note was saved.',
    routed: (group) => `Forwarded to the group "${group}".`,
  },
  refusal: {
    notMember: (group) =>
      `Only members of the advisor group "${group}" can do this. If you need access, please contact the cooperation's office.`,
    noChannel: (group) =>
      `No channel is registered for the advisor group "${group}" yet, so I cannot check your permission. Please register it with "@Lotse tickets for ${group} here".`,
    unidentified: 'Sorry, I cannot identify your account. Please use Microsoft Teams with your work account.',
    forbidden: 'You cannot do this.',
    ticketNotFound: 'This ticket does not exist (any more).',
    badAction: 'This card action is invalid. Please reload the card.',
    failed: 'The action could not be carried out right now. Please try again in a moment.',
  },
  channel: {
    registered: (group, moved) =>
      `Done: new tickets of the group "${group}" now appear in this channel.${moved ? ' (Until now they went to another channel.)' : ''}`,
    moveRefused: (group) => `The tickets of the group "${group}" already go to a channel of another team. Only a member of that team can move them.`,
    unknownGroup: (wanted, groups) =>
      `I don't know an advisor group "${wanted}". These groups exist:\n\n${groups}\n\nExample: @Lotse tickets for Datenschutz here`,
    groupLine: (name, id, where) => `- ${name} (${id}): ${where === 'here' ? 'this channel' : where === 'elsewhere' ? 'another channel' : 'no channel yet'}`,
    groupsList: (lines) => `Advisor groups and their channels:\n\n${lines}\n\nTo register: @Lotse tickets for <group> here`,
    channelOnly: 'This only works in a channel of a team: mention me there with "@Lotse tickets for <group> here".',
  },
  reminder: {
    dueSoon: (number, due) => `Reminder: the first response to ${number} is due soon (by ${due}).`,
    breached: (number, due) => `Reminder: the first response to ${number} is overdue (was due ${due}).`,
  },
  requester: {
    claimed: (number, name) => (name ? `Your request ${number} is now being handled by ${name}.` : `Your request ${number} is now being handled.`),
    waiting: (number) => `Your request ${number} needs a reply from you. Just answer here in the chat.`,
    closed: (number) => `Your request ${number} was closed.`,
    reopened: (number) => `Your request ${number} was reopened.`,
    resumed: (number) => `Your request ${number} is being worked on again.`,
  },
};

/** The advisor-side texts for a locale (English for `en*`, German otherwise). */
export function advisorTextsFor(locale: string | undefined): AdvisorTexts {
  return langOf(locale) === 'en' ? EN : DE;
}

/** The texts of a language. */
export function advisorTexts(lang: Lang): AdvisorTexts {
  return lang === 'en' ? EN : DE;
}
