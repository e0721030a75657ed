import type { Intent, IntentClassifier, IntentMatch } from '../../../src/domain/knowledge/intent';

const DEFAULT_KEYWORDS: Readonly<Record<string, Intent>> = {
  hallo: 'greeting',
  hello: 'greeting',
  danke: 'thanks',
  thanks: 'thanks',
  hilfe: 'help',
  help: 'help',
  tschüss: 'goodbye',
  bye: 'goodbye',
  ticket: 'open_ticket',
  anfragen: 'my_tickets',
  mensch: 'talk_to_human',
};

/**
 * Recognises an intent when a short message (at most 5 words) contains one of the keywords as a
 * word — enough to drive the dialogs, not a model of the real classifier. Remembers every text.
 */
export class KeywordIntentClassifier implements IntentClassifier {
  readonly classified: string[] = [];

  constructor(private readonly keywords: Readonly<Record<string, Intent>> = DEFAULT_KEYWORDS) {}

  classify(text: string): IntentMatch | null {
    this.classified.push(text);
    const words = text.toLowerCase().replace(/[.,!?;:]/g, ' ').split(/\s+/).filter(Boolean);
    if (words.length > 5) return null;
    for (const word of words) {
      const intent = this.keywords[word];
      if (intent) return { intent, confidence: 0.9 };
    }
    return null;
  }
}
