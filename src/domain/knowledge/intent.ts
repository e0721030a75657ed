/** Conversational intents recognised before FAQ search. The ticket issue extends the ticket ones. */
export const INTENTS = ['greeting', 'thanks', 'help', 'goodbye', 'open_ticket', 'my_tickets', 'talk_to_human'] as const;

export type Intent = (typeof INTENTS)[number];

/** Example utterances per intent, as curated data (knowledge/intents.json). */
export type IntentExamples = Readonly<Record<Intent, { readonly de: readonly string[]; readonly en: readonly string[] }>>;

export interface IntentMatch {
  readonly intent: Intent;
  readonly confidence: number;
}

/** Port of the intent classifier (implemented in `src/nlp`). */
export interface IntentClassifier {
  /** The recognised intent, or null when the text is a question for the FAQ (or anything else). */
  classify(text: string): IntentMatch | null;
}
