import type { TicketPriority, TicketStatus } from '../../domain/tickets/ticket';
import { langOf, type Lang } from '../texts';
import type { TicketField } from './ticket-fields';

/**
 * Every text a requester sees about tickets — forwarding a question, the create-ticket dialog,
 * "Meine Anfragen", replies and the rating — in German (formal "Sie") and English.
 */
export interface RequesterTexts {
  readonly handoffButton: string;
  readonly handoffOffer: string;
  readonly handoffOfferPlain: string;
  /** Tickets are not configured: where to turn instead. */
  readonly handoffUnavailable: string;
  /** Tickets are personal: in a channel or group chat Lotse points to the personal chat. */
  readonly personalChatOnly: string;
  readonly formTitle: string;
  readonly formIntro: string;
  readonly textIntro: string;
  readonly labels: Readonly<Record<TicketField, string>>;
  readonly placeholders: Readonly<Record<'subject' | 'description' | 'municipality', string>>;
  /** What is wrong with a field, on the form and in the plain-text dialog. */
  readonly fieldErrors: Readonly<Record<TicketField, string>>;
  readonly formInvalid: string;
  readonly urgencyNames: Readonly<Record<TicketPriority, string>>;
  /** How "Sonstiges" is shown (its value stays `Sonstiges`). */
  readonly otherCategory: string;
  readonly continueButton: string;
  readonly cancelButton: string;
  readonly suggestionsTitle: string;
  readonly suggestionsHint: string;
  readonly suggestionsPlainHint: string;
  readonly summaryTitle: string;
  readonly summaryHint: string;
  readonly submitButton: string;
  readonly editButton: string;
  readonly summaryPlainPrompt: string;
  /** The form was sent again while its summary waits (double click, retry). */
  readonly summaryPending: string;
  readonly noDescription: string;
  readonly askSubject: string;
  readonly askDescription: string;
  readonly askCategory: (list: string) => string;
  readonly askUrgency: (list: string) => string;
  readonly askMunicipality: (suggestion: string | null) => string;
  readonly keepHint: (value: string) => string;
  readonly numberExpected: (count: number) => string;
  readonly cancelled: string;
  readonly created: (number: string) => string;
  readonly storeFailed: string;
  readonly storeFailedPlain: string;
  readonly alreadySubmitted: (number: string) => string;
  readonly draftInactive: string;
  readonly formFirst: string;
  readonly myTicketsTitle: string;
  readonly noTickets: string;
  readonly myTicketsHint: string;
  readonly statusLabel: string;
  readonly lastActivityLabel: string;
  readonly createdLabel: string;
  readonly assigneeLabel: string;
  readonly unassigned: string;
  readonly lastReplyLabel: (at: string) => string;
  readonly statusNames: Readonly<Record<TicketStatus, string>>;
  readonly ticketNotFound: (number: string) => string;
  readonly ticketsUnavailable: string;
  readonly replyAdded: (number: string) => string;
  readonly replyEmpty: string;
  readonly replyTooLong: string;
  readonly replyNotPossible: (number: string, status: string) => string;
  readonly replyFailed: string;
  readonly replyFailedKept: string;
  readonly replyFailedKeptPlain: string;
  readonly retryButton: string;
  readonly chooseTicketTitle: string;
  readonly chooseTicketHint: string;
  readonly chooseTicketPlainPrompt: (count: number) => string;
  readonly noneOfThese: string;
  readonly keptReplyMissing: string;
  readonly advisorReplyTitle: (number: string) => string;
  readonly advisorReplyFrom: (name: string) => string;
  readonly waitingForYou: string;
  readonly waitingForYouPlain: string;
  readonly replyLabel: string;
  readonly replyButton: string;
  readonly resolvedTitle: (number: string) => string;
  readonly resolvedQuestion: string;
  readonly confirmResolvedButton: string;
  readonly reopenButton: string;
  readonly resolvedPlainPrompt: string;
  readonly closedThanks: (number: string) => string;
  readonly reopened: (number: string) => string;
  readonly reopenedAddInfo: string;
  readonly statusNow: (number: string, status: string) => string;
  readonly actionFailed: string;
  readonly ratingTitle: string;
  readonly ratingLabel: string;
  readonly ratingChoices: readonly [string, string, string, string, string];
  readonly ratingCommentLabel: string;
  readonly ratingButton: string;
  readonly ratingPlainPrompt: string;
  readonly ratingThanks: string;
  readonly alreadyRated: string;
  readonly ratingInvalid: string;
  readonly ratingNotYet: (number: string) => string;
}

const DE: RequesterTexts = {
  handoffButton: 'An die Berater:innen weitergeben',
  handoffOffer: 'Soll sich ein Mensch darum kümmern? Ich gebe Ihre Frage gern an die Berater:innen der Kooperation weiter.',
  handoffOfferPlain: 'Möchten Sie die Frage an die Berater:innen der Kooperation weitergeben? Antworten Sie mit „ja“.',
  handoffUnavailable:
    'Die Weitergabe Ihres Anliegens an die Berater:innen der Kooperation direkt über Lotse wird gerade eingerichtet. Bis dahin wenden Sie sich bitte direkt an die Geschäftsstelle der Kooperation.',
  personalChatOnly:
    'Anfragen an die Berater:innen und ihren Stand bespreche ich zum Schutz Ihrer Daten nur im persönlichen Chat. Schreiben Sie mir dort einfach „Ticket eröffnen“ oder „Meine Anfragen“.',
  formTitle: 'Anfrage an die Berater:innen',
  formIntro: 'Beschreiben Sie Ihr Anliegen. Die Berater:innen der Kooperation antworten Ihnen hier im Chat.',
  textIntro: 'Gern gebe ich Ihr Anliegen an die Berater:innen der Kooperation weiter. Mit „abbrechen“ können Sie jederzeit abbrechen.',
  labels: { subject: 'Betreff', description: 'Beschreibung', category: 'Kategorie', urgency: 'Dringlichkeit', municipality: 'Ihre Kommune' },
  placeholders: {
    subject: 'Worum geht es? (höchstens 200 Zeichen)',
    description: 'Was ist passiert, was haben Sie schon versucht? (optional)',
    municipality: 'z. B. Musterstadt',
  },
  fieldErrors: {
    subject: 'Bitte geben Sie einen Betreff mit höchstens 200 Zeichen an.',
    description: 'Die Beschreibung darf höchstens 5.000 Zeichen lang sein.',
    category: 'Bitte wählen Sie eine Kategorie aus der Liste.',
    urgency: 'Bitte wählen Sie eine Dringlichkeit aus der Liste.',
    municipality: 'Bitte nennen Sie Ihre Kommune (höchstens 200 Zeichen).',
  },
  formInvalid: 'Ihre Angaben sind leider noch nicht vollständig. Bitte prüfen Sie:',
  urgencyNames: { low: 'niedrig', normal: 'normal', high: 'hoch', urgent: 'dringend' },
  otherCategory: 'Sonstiges',
  continueButton: 'Weiter',
  cancelButton: 'Abbrechen',
  suggestionsTitle: 'Vielleicht hilft das schon:',
  suggestionsHint: 'Tippen Sie auf eine Frage, um die Antwort zu sehen. Hilft sie Ihnen, können Sie die Anfrage abbrechen.',
  suggestionsPlainHint: 'Hilft Ihnen eine dieser Antworten, antworten Sie mit „abbrechen“.',
  summaryTitle: 'Bitte prüfen Sie Ihre Anfrage',
  summaryHint: 'Mit „Absenden“ geht sie an die Berater:innen der Kooperation.',
  submitButton: 'Absenden',
  editButton: 'Ändern',
  summaryPlainPrompt: 'Antworten Sie mit „absenden“, „ändern“ oder „abbrechen“.',
  summaryPending: 'Ihre Angaben sind übernommen. Bitte prüfen Sie die Zusammenfassung und klicken Sie auf „Absenden“ – oder auf „Ändern“, um etwas anzupassen.',
  noDescription: '(keine)',
  askSubject: 'Worum geht es? Bitte nennen Sie einen kurzen Betreff (höchstens 200 Zeichen).',
  askDescription: 'Beschreiben Sie Ihr Anliegen genauer: Was ist passiert, was haben Sie schon versucht? Antworten Sie mit „-“, wenn der Betreff genügt.',
  askCategory: (list) => `Zu welchem Thema gehört Ihr Anliegen? Antworten Sie mit der Nummer:\n\n${list}`,
  askUrgency: (list) => `Wie dringend ist es? Antworten Sie mit der Nummer:\n\n${list}`,
  askMunicipality: (suggestion) =>
    suggestion ? `Für welche Kommune arbeiten Sie? Antworten Sie mit „ja“, wenn es ${suggestion} ist.` : 'Für welche Kommune arbeiten Sie?',
  keepHint: (value) => `Bisher: „${value}“ – antworten Sie mit „weiter“, um das zu übernehmen.`,
  numberExpected: (count) => `Bitte antworten Sie mit einer Nummer von 1 bis ${count}.`,
  cancelled: 'Gut, ich habe die Anfrage verworfen. Sie können mir jederzeit eine neue Frage stellen.',
  created: (number) =>
    `Vielen Dank! Ihre Anfrage ist unter der Nummer ${number} eingegangen.\n\nSo geht es weiter:\n\n- Die Berater:innen der zuständigen Gruppe sind benachrichtigt.\n- Sie antworten Ihnen hier im Chat.\n- Mit „Meine Anfragen“ sehen Sie jederzeit den Stand.`,
  storeFailed: 'Ihre Anfrage konnte gerade nicht gespeichert werden. Ihre Angaben bleiben erhalten: Bitte klicken Sie gleich erneut auf „Absenden“.',
  storeFailedPlain: 'Ihre Anfrage konnte gerade nicht gespeichert werden. Ihre Angaben bleiben erhalten: Bitte antworten Sie gleich erneut mit „absenden“.',
  alreadySubmitted: (number) => `Diese Anfrage ist bereits unter der Nummer ${number} eingegangen.`,
  draftInactive: 'Dieses Formular ist nicht mehr aktiv. Schreiben Sie „Ticket eröffnen“, um eine neue Anfrage zu beginnen.',
  formFirst: 'Bitte füllen Sie zuerst das Formular aus und klicken Sie auf „Weiter“.',
  myTicketsTitle: 'Ihre Anfragen',
  noTickets: 'Sie haben noch keine Anfragen an die Berater:innen gestellt. Wenn ich eine Frage nicht beantworten kann, gebe ich sie gern weiter.',
  myTicketsHint: 'Schreiben Sie eine Nummer, z. B. LOT-2026-000042, um Einzelheiten zu sehen.',
  statusLabel: 'Status',
  lastActivityLabel: 'Letzte Aktivität',
  createdLabel: 'Eingegangen am',
  assigneeLabel: 'Bearbeitet von',
  unassigned: 'noch niemandem zugewiesen',
  lastReplyLabel: (at) => `Letzte Antwort der Berater:innen (${at}):`,
  statusNames: {
    new: 'Eingegangen',
    assigned: 'In Bearbeitung',
    waiting_for_requester: 'Wartet auf Ihre Antwort',
    resolved: 'Gelöst',
    closed: 'Abgeschlossen',
  },
  ticketNotFound: (number) =>
    `Eine Anfrage ${number} finde ich unter Ihren Anfragen nicht. Bitte prüfen Sie die Nummer – „Meine Anfragen“ zeigt alle Ihre Anfragen.`,
  ticketsUnavailable: 'Ihre Anfragen können gerade nicht abgerufen werden. Bitte versuchen Sie es gleich noch einmal.',
  replyAdded: (number) => `Ihre Antwort wurde zu ${number} hinzugefügt. Die Berater:innen sind informiert.`,
  replyEmpty: 'Bitte schreiben Sie Ihre Antwort in das Textfeld.',
  replyTooLong: 'Ihre Antwort ist zu lang (höchstens 5.000 Zeichen). Bitte kürzen Sie sie.',
  replyNotPossible: (number, status) =>
    `Zu ${number} kann ich nichts mehr hinzufügen (Status: ${status}). Besteht Ihr Anliegen weiter, schreiben Sie „Ticket eröffnen“.`,
  replyFailed: 'Ihre Antwort konnte gerade nicht gespeichert werden. Bitte senden Sie sie gleich noch einmal.',
  replyFailedKept: 'Ihre Antwort konnte gerade nicht gespeichert werden. Ich habe sie mir gemerkt – klicken Sie gleich auf „Erneut senden“.',
  replyFailedKeptPlain: 'Ihre Antwort konnte gerade nicht gespeichert werden. Ich habe sie mir gemerkt – antworten Sie gleich mit „ja“, um sie erneut zu senden.',
  retryButton: 'Erneut senden',
  chooseTicketTitle: 'Zu welcher Anfrage gehört Ihre Nachricht?',
  chooseTicketHint: 'Die Berater:innen warten bei mehreren Anfragen auf Ihre Antwort.',
  chooseTicketPlainPrompt: (count) => `Antworten Sie mit der Nummer (1 bis ${count}) – oder mit „0“, wenn es eine neue Frage ist.`,
  noneOfThese: 'Keine davon – es ist eine neue Frage',
  keptReplyMissing: 'Ihre Nachricht liegt mir leider nicht mehr vor. Bitte schreiben Sie sie noch einmal.',
  advisorReplyTitle: (number) => `Antwort zu Ihrer Anfrage ${number}`,
  advisorReplyFrom: (name) => `${name} schreibt:`,
  waitingForYou: 'Die Berater:innen warten auf Ihre Antwort – schreiben Sie sie einfach hier in den Chat oder in das Feld.',
  waitingForYouPlain: 'Die Berater:innen warten auf Ihre Antwort – schreiben Sie sie einfach hier in den Chat.',
  replyLabel: 'Ihre Antwort',
  replyButton: 'Antworten',
  resolvedTitle: (number) => `Ihre Anfrage ${number} wurde als gelöst markiert.`,
  resolvedQuestion: 'Ist Ihre Frage damit beantwortet?',
  confirmResolvedButton: 'Ja, erledigt',
  reopenButton: 'Nein, wieder öffnen',
  resolvedPlainPrompt: 'Antworten Sie mit ja oder nein.',
  closedThanks: (number) => `Vielen Dank für Ihre Rückmeldung! ${number} ist damit abgeschlossen.`,
  reopened: (number) => `${number} ist wieder geöffnet. Die Berater:innen kümmern sich weiter darum.`,
  reopenedAddInfo: 'Was fehlt Ihnen noch? Schreiben Sie es den Berater:innen hier:',
  statusNow: (number, status) => `${number} hat inzwischen den Status „${status}“.`,
  actionFailed: 'Das konnte ich gerade nicht speichern. Bitte versuchen Sie es gleich noch einmal.',
  ratingTitle: 'Wie zufrieden sind Sie mit der Bearbeitung Ihrer Anfrage?',
  ratingLabel: 'Ihre Bewertung',
  ratingChoices: ['1 – sehr unzufrieden', '2 – unzufrieden', '3 – teils, teils', '4 – zufrieden', '5 – sehr zufrieden'],
  ratingCommentLabel: 'Kommentar (optional)',
  ratingButton: 'Bewertung senden',
  ratingPlainPrompt:
    'Antworten Sie mit einer Zahl von 1 (sehr unzufrieden) bis 5 (sehr zufrieden) – gern mit einem Kommentar dahinter, z. B. „5 schnelle Hilfe“.',
  ratingThanks: 'Vielen Dank für Ihre Bewertung!',
  alreadyRated: 'Sie haben diese Anfrage bereits bewertet – vielen Dank!',
  ratingInvalid: 'Bitte wählen Sie eine Bewertung von 1 bis 5 (der Kommentar darf höchstens 1.000 Zeichen lang sein).',
  ratingNotYet: (number) => `${number} kann erst nach dem Abschluss bewertet werden.`,
};

const EN: RequesterTexts = {
  handoffButton: 'Forward to the advisors',
  handoffOffer: "Should a person look into this? I'm happy to forward your question to the cooperation's advisors.",
  handoffOfferPlain: 'Would you like to forward the question to the advisors of the cooperation? Reply with "yes".',
  handoffUnavailable:
    "Forwarding your request to the cooperation's advisors directly through Lotse is being set up. Until then, please contact the cooperation's office (Geschäftsstelle) directly.",
  personalChatOnly:
    'To protect your data I only handle requests to the advisors and their status in our personal chat. Simply write "open a ticket" or "my requests" to me there.',
  formTitle: 'Request to the advisors',
  formIntro: "Describe what you need. The cooperation's advisors will answer you here in the chat.",
  textIntro: 'I\'ll gladly forward your request to the advisors of the cooperation. Type "cancel" at any time to stop.',
  labels: { subject: 'Subject', description: 'Description', category: 'Category', urgency: 'Urgency', municipality: 'Your municipality' },
  placeholders: {
    subject: 'What is it about? (at most 200 characters)',
    description: 'What happened, what have you tried? (optional)',
    municipality: 'e.g. Musterstadt',
  },
  fieldErrors: {
    subject: 'Please enter a subject of at most 200 characters.',
    description: 'The description may be at most 5,000 characters long.',
    category: 'Please pick a category from the list.',
    urgency: 'Please pick an urgency from the list.',
    municipality: 'Please name your municipality (at most 200 characters).',
  },
  formInvalid: 'Some details are still missing. Please check:',
  urgencyNames: { low: 'low', normal: 'normal', high: 'high', urgent: 'urgent' },
  otherCategory: 'Other',
  continueButton: 'Continue',
  cancelButton: 'Cancel',
  suggestionsTitle: 'Maybe this already helps:',
  suggestionsHint: 'Tap a question to see its answer. If it helps, you can cancel the request.',
  suggestionsPlainHint: 'If one of these answers helps, reply with "cancel".',
  summaryTitle: 'Please check your request',
  summaryHint: "\"Submit\" sends it to the cooperation's advisors.",
  submitButton: 'Submit',
  editButton: 'Edit',
  summaryPlainPrompt: 'Reply with "submit", "edit" or "cancel".',
  summaryPending: 'Your details have been taken over. Please check the summary and click "Submit" – or "Edit" to change something.',
  noDescription: '(none)',
  askSubject: 'What is it about? Please give a short subject (at most 200 characters).',
  askDescription: 'Please describe your request: what happened, what have you tried? Reply with "-" if the subject says it all.',
  askCategory: (list) => `Which topic does it belong to? Reply with the number:\n\n${list}`,
  askUrgency: (list) => `How urgent is it? Reply with the number:\n\n${list}`,
  askMunicipality: (suggestion) =>
    suggestion ? `Which municipality do you work for? Reply with "yes" if it is ${suggestion}.` : 'Which municipality do you work for?',
  keepHint: (value) => `So far: "${value}" – reply with "next" to keep it.`,
  numberExpected: (count) => `Please reply with a number from 1 to ${count}.`,
  cancelled: 'All right, I discarded the request. You can ask me a new question at any time.',
  created: (number) =>
    `Thank you! Your request has been received as ${number}.\n\nWhat happens next:\n\n- The advisors of the responsible group have been notified.\n- They will answer you here in the chat.\n- "My requests" shows the status at any time.`,
  storeFailed: 'Your request could not be saved just now. Your details are kept: please click "Submit" again in a moment.',
  storeFailedPlain: 'Your request could not be saved just now. Your details are kept: please reply "submit" again in a moment.',
  alreadySubmitted: (number) => `This request has already been received as ${number}.`,
  draftInactive: 'This form is no longer active. Type "open a ticket" to start a new request.',
  formFirst: 'Please fill in the form first and click "Continue".',
  myTicketsTitle: 'Your requests',
  noTickets: "You haven't sent any requests to the advisors yet. If I can't answer a question, I'll gladly forward it.",
  myTicketsHint: 'Type a number such as LOT-2026-000042 to see the details.',
  statusLabel: 'Status',
  lastActivityLabel: 'Last activity',
  createdLabel: 'Received on',
  assigneeLabel: 'Handled by',
  unassigned: 'not assigned yet',
  lastReplyLabel: (at) => `Latest reply from the advisors (${at}):`,
  statusNames: {
    new: 'Received',
    assigned: 'In progress',
    waiting_for_requester: 'Waiting for your reply',
    resolved: 'Resolved',
    closed: 'Closed',
  },
  ticketNotFound: (number) => `I can't find a request ${number} among your requests. Please check the number – "My requests" lists all of them.`,
  ticketsUnavailable: "Your requests can't be retrieved just now. Please try again in a moment.",
  replyAdded: (number) => `Your reply has been added to ${number}. The advisors have been informed.`,
  replyEmpty: 'Please write your reply in the text field.',
  replyTooLong: 'Your reply is too long (at most 5,000 characters). Please shorten it.',
  replyNotPossible: (number, status) => `I can't add anything to ${number} any more (status: ${status}). If you still need help, type "open a ticket".`,
  replyFailed: 'Your reply could not be saved just now. Please send it again in a moment.',
  replyFailedKept: 'Your reply could not be saved just now. I kept it – click "Send again" in a moment.',
  replyFailedKeptPlain: 'Your reply could not be saved just now. I kept it – reply "yes" in a moment to send it again.',
  retryButton: 'Send again',
  chooseTicketTitle: 'Which request does your message belong to?',
  chooseTicketHint: 'The advisors are waiting for your reply on several requests.',
  chooseTicketPlainPrompt: (count) => `Reply with the number (1 to ${count}) – or with "0" if it is a new question.`,
  noneOfThese: "None of them – it's a new question",
  keptReplyMissing: "Sorry, I no longer have your message. Please write it again.",
  advisorReplyTitle: (number) => `Reply to your request ${number}`,
  advisorReplyFrom: (name) => `${name} writes:`,
  waitingForYou: 'The advisors are waiting for your reply – simply write it here in the chat or in the field.',
  waitingForYouPlain: 'The advisors are waiting for your reply – simply write it here in the chat.',
  replyLabel: 'Your reply',
  replyButton: 'Reply',
  resolvedTitle: (number) => `Your request ${number} has been marked as resolved.`,
  resolvedQuestion: 'Does this answer your question?',
  confirmResolvedButton: 'Yes, done',
  reopenButton: 'No, reopen',
  resolvedPlainPrompt: 'Reply with yes or no.',
  closedThanks: (number) => `Thank you for your feedback! ${number} is now closed.`,
  reopened: (number) => `${number} has been reopened. The advisors will continue to look into it.`,
  reopenedAddInfo: 'What is still missing? Write it to the advisors here:',
  statusNow: (number, status) => `${number} now has the status "${status}".`,
  actionFailed: "I couldn't save that just now. Please try again in a moment.",
  ratingTitle: 'How satisfied are you with how your request was handled?',
  ratingLabel: 'Your rating',
  ratingChoices: ['1 – very dissatisfied', '2 – dissatisfied', '3 – neutral', '4 – satisfied', '5 – very satisfied'],
  ratingCommentLabel: 'Comment (optional)',
  ratingButton: 'Send rating',
  ratingPlainPrompt: 'Reply with a number from 1 (very dissatisfied) to 5 (very satisfied) – a comment after it is welcome, e.g. "5 quick help".',
  ratingThanks: 'Thank you for your rating!',
  alreadyRated: 'You have already rated this request – thank you!',
  ratingInvalid: 'Please pick a rating from 1 to 5 (the comment may be at most 1,000 characters long).',
  ratingNotYet: (number) => `${number} can only be rated once it is closed.`,
};

/** The time zone in which requesters see ticket dates. */
export const TICKET_TIME_ZONE = 'Europe/Berlin';

const DATE_TIME: Readonly<Record<Lang, Intl.DateTimeFormat>> = {
  de: dateTimeFormat('de-DE'),
  en: dateTimeFormat('en-GB'),
};

/** The requester texts for a language or a channel locale (German unless it starts with `en`). */
export function requesterTextsFor(langOrLocale: Lang | string | undefined): RequesterTexts {
  return langOf(langOrLocale) === 'en' ? EN : DE;
}

/** An ISO timestamp as date and time in Berlin, e.g. `09.03.2026, 09:00` (English: `09/03/2026, 09:00`). */
export function formatTicketTime(iso: string, lang: Lang): string {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? '' : DATE_TIME[lang].format(time);
}

function dateTimeFormat(locale: string): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat(locale, { timeZone: TICKET_TIME_ZONE, day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' });
}
