/**
 * Every text a user sees from Lotse, in German (formal "Sie") and English. Dialogs and cards take
 * their wording from here only, so that editors find all of it in one file.
 */

/** The languages Lotse speaks. */
export type Lang = 'de' | 'en';

/** The locale assumed when a channel sends none. */
export const DEFAULT_LOCALE = 'de-DE';

/** Questions longer than this are refused (and not searched). */
export const MAX_QUESTION_LENGTH = 4000;

export interface BotTexts {
  readonly welcome: string;
  /** Posted once when Lotse is added to a team channel or group chat. */
  readonly groupIntro: string;
  readonly askForQuestion: string;
  readonly tooLong: string;
  readonly attachmentsOnly: string;
  readonly greeting: string;
  readonly thanks: string;
  readonly help: string;
  readonly goodbye: string;
  readonly noAnswer: string;
  readonly categoryLabel: string;
  readonly sourceLabel: string;
  readonly helpfulQuestion: string;
  readonly yes: string;
  readonly no: string;
  readonly helpfulPlainPrompt: string;
  readonly choicesTitle: string;
  readonly choicesHint: string;
  readonly choicesPlainPrompt: (count: number) => string;
  readonly chooseTooltip: string;
  readonly feedbackThanks: string;
  readonly feedbackNegativeFollowUp: string;
  readonly submitNotRecognised: string;
  readonly entryUnavailable: string;
  readonly turnError: string;
}

const DE: BotTexts = {
  welcome: [
    'Guten Tag! Ich bin **Lotse**, der digitale Ansprechpartner der E-Government-Kooperation.',
    'Ich beantworte Ihre Fragen rund um E-Government, IT-Sicherheit und Datenschutz aus unserer geprüften Wissensbasis und nenne Ihnen jeweils die Quelle.',
    'Fragen Sie zum Beispiel:\n\n- Wie können wir XRechnungen technisch empfangen?\n- Was brauchen wir für den Anschluss an die BundID?\n- Wie gehen wir beim IT-Grundschutz-Check vor?',
    'Schreiben Sie Ihre Frage einfach in einem Satz. Mit „Hilfe“ erfahren Sie jederzeit, was ich kann.',
  ].join('\n\n'),
  groupIntro:
    'Guten Tag! Ich bin **Lotse**, der digitale Ansprechpartner der E-Government-Kooperation. Erwähnen Sie mich mit @Lotse und Ihrer Frage, dann antworte ich aus unserer geprüften Wissensbasis – mit Quellenangabe.',
  askForQuestion: 'Bitte stellen Sie eine Frage, zum Beispiel: „Wie können wir XRechnungen empfangen?“',
  tooLong: `Ihre Nachricht ist leider zu lang für mich (höchstens ${MAX_QUESTION_LENGTH.toLocaleString('de-DE')} Zeichen). Bitte fassen Sie Ihre Frage kürzer – ein oder zwei Sätze genügen.`,
  attachmentsOnly:
    'Dateien und Bilder kann ich leider nicht auswerten. Bitte beschreiben Sie Ihr Anliegen in einer Textnachricht.',
  greeting: 'Guten Tag! Was möchten Sie wissen? Stellen Sie mir Ihre Frage zu E-Government, IT-Sicherheit oder Datenschutz.',
  thanks: 'Gern geschehen! Wenn Sie noch eine Frage haben, schreiben Sie mir einfach.',
  help: [
    'Ich beantworte Fragen zu E-Government, IT-Sicherheit und Datenschutz aus der geprüften Wissensbasis der Kooperation – mit Quellenangabe.',
    'So geht es:\n\n- Schreiben Sie Ihre Frage in einem Satz, z. B. „Wie können wir XRechnungen empfangen?“\n- Passen mehrere Einträge, biete ich Ihnen eine Auswahl an.\n- Sagen Sie mir nach einer Antwort, ob sie geholfen hat – so wird die Wissensbasis besser.',
  ].join('\n\n'),
  goodbye: 'Auf Wiedersehen! Sie können mir jederzeit wieder schreiben.',
  noAnswer: [
    'Dazu habe ich leider keine passende Antwort in meiner Wissensbasis.',
    'Tipps:\n\n- Formulieren Sie die Frage anders oder mit einem Fachbegriff (z. B. „XRechnung“ statt „elektronische Rechnung“).\n- Stellen Sie eine Frage pro Nachricht.\n- Für Anliegen, die die Wissensbasis nicht abdeckt, hilft Ihnen die Geschäftsstelle der Kooperation weiter.',
  ].join('\n\n'),
  categoryLabel: 'Kategorie',
  sourceLabel: 'Quelle',
  helpfulQuestion: 'Hat das geholfen?',
  yes: 'Ja',
  no: 'Nein',
  helpfulPlainPrompt: 'Hat das geholfen? Antworten Sie mit ja oder nein.',
  choicesTitle: 'Meinten Sie eine dieser Fragen?',
  choicesHint: 'Wählen Sie die passende Frage aus. Passt keine, formulieren Sie Ihre Frage gern anders.',
  choicesPlainPrompt: (count) => `Antworten Sie mit der Nummer (1 bis ${count}). Passt keine, formulieren Sie Ihre Frage gern anders.`,
  chooseTooltip: 'Antwort zu dieser Frage anzeigen',
  feedbackThanks: 'Danke für Ihre Rückmeldung!',
  feedbackNegativeFollowUp:
    'Versuchen Sie es gern mit einer anderen Formulierung. Wenn die Wissensbasis Ihre Frage nicht abdeckt, helfen Ihnen die Berater:innen der Geschäftsstelle der Kooperation weiter.',
  submitNotRecognised:
    'Diese Auswahl kann ich leider nicht zuordnen. Bitte stellen Sie Ihre Frage einfach noch einmal.',
  entryUnavailable:
    'Dieser Eintrag ist leider nicht mehr in der Wissensbasis. Bitte stellen Sie Ihre Frage noch einmal.',
  turnError:
    'Entschuldigung, dabei ist bei mir ein Fehler aufgetreten. Bitte versuchen Sie es gleich noch einmal.',
};

const EN: BotTexts = {
  welcome: [
    "Hello! I'm **Lotse**, the digital point of contact of the e-government cooperation.",
    'I answer your questions on e-government, IT security and data protection from our curated knowledge base and always tell you the source.',
    'For example, ask:\n\n- How can we receive XRechnung e-invoices?\n- What do we need to connect to BundID?\n- How do we run an IT-Grundschutz check?',
    'Just type your question in one sentence. Type "help" at any time to see what I can do.',
  ].join('\n\n'),
  groupIntro:
    "Hello! I'm **Lotse**, the digital point of contact of the e-government cooperation. Mention me with @Lotse and your question and I will answer from our curated knowledge base, with its source.",
  askForQuestion: 'Please ask a question, for example: "How can we receive XRechnung e-invoices?"',
  tooLong: `Your message is too long for me (at most ${MAX_QUESTION_LENGTH.toLocaleString('en-US')} characters). Please shorten your question – one or two sentences are enough.`,
  attachmentsOnly: "I can't read files or images. Please describe what you need in a text message.",
  greeting: 'Hello! What would you like to know? Ask me about e-government, IT security or data protection.',
  thanks: "You're welcome! If you have another question, just write to me.",
  help: [
    "I answer questions on e-government, IT security and data protection from the cooperation's curated knowledge base, with the source.",
    'How it works:\n\n- Type your question in one sentence, e.g. "How can we receive XRechnung e-invoices?"\n- If several entries fit, I offer you a choice.\n- After an answer, tell me whether it helped – this improves the knowledge base.',
  ].join('\n\n'),
  goodbye: 'Goodbye! You can write to me at any time.',
  noAnswer: [
    "Sorry, I don't have a matching answer in my knowledge base.",
    "Tips:\n\n- Rephrase the question or use a technical term (e.g. \"XRechnung\" instead of \"electronic invoice\").\n- Ask one question per message.\n- For topics the knowledge base does not cover, the cooperation's office (Geschäftsstelle) will help you.",
  ].join('\n\n'),
  categoryLabel: 'Category',
  sourceLabel: 'Source',
  helpfulQuestion: 'Did this help?',
  yes: 'Yes',
  no: 'No',
  helpfulPlainPrompt: 'Did this help? Reply with yes or no.',
  choicesTitle: 'Did you mean one of these questions?',
  choicesHint: 'Pick the matching question. If none fits, feel free to rephrase your question.',
  choicesPlainPrompt: (count) => `Reply with the number (1 to ${count}). If none fits, feel free to rephrase your question.`,
  chooseTooltip: 'Show the answer to this question',
  feedbackThanks: 'Thank you for your feedback!',
  feedbackNegativeFollowUp:
    "Feel free to try another wording. If the knowledge base does not cover your question, the advisors of the cooperation's office will help you.",
  submitNotRecognised: "Sorry, I can't match this selection. Please simply ask your question again.",
  entryUnavailable: 'Sorry, this entry is no longer in the knowledge base. Please ask your question again.',
  turnError: 'Sorry, something went wrong on my side. Please try again in a moment.',
};

/** The language for a channel locale: English for `en*`, German otherwise. */
export function langOf(locale: string | undefined): Lang {
  return locale?.trim().toLowerCase().startsWith('en') ? 'en' : 'de';
}

/** The texts for a channel locale (German unless the locale starts with `en`). */
export function textsFor(locale: string | undefined): BotTexts {
  return langOf(locale) === 'en' ? EN : DE;
}
