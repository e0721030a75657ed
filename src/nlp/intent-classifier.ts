import { DamerauLevenshteinDistance } from 'natural/lib/natural/distance';
import { INTENTS, type Intent, type IntentClassifier, type IntentExamples, type IntentMatch } from '../domain/knowledge/intent';
import { GermanAnalyzer } from './german-analyzer';
import { STOP_WORDS } from './stop-words';

/** An intent match with the language of the example it matched (the bot picks its texts). */
export interface LocalisedIntentMatch extends IntentMatch {
  readonly language: 'de' | 'en';
}

interface CompiledExample {
  readonly intent: Intent;
  readonly language: 'de' | 'en';
  readonly stems: readonly string[];
}

/** Utterances longer than this are questions, not small talk or commands. */
const MAX_TOKENS = 9;
/** Minimal Dice similarity to the best example. */
const MIN_SIMILARITY = 0.5;
/** Similarity from which an utterance counts as the example even with unexplained words. */
const NEAR_EXACT = 0.85;
/** Words that may surround an intent without changing it ("hallo lotse", "danke nochmal"). */
const FILLERS = new Set(['lotse', 'bot', 'nochmal', 'mal', 'bitte', 'gerne', 'ok', 'okay', 'jetzt', 'erstmal', 'please', 'again', 'so', 'much', 'liebe', 'lieber', 'ihr', 'euch', 'leute', 'team', 'zusammen']);

/**
 * Recognises greetings, thanks, help, goodbye and ticket commands by similarity to curated example
 * utterances (knowledge/intents.json), German and English. Conservative by design: an utterance is
 * an intent only when it is short and every content word is explained by the intent's examples, so
 * FAQ questions that mention "Hilfe" or "Ticket" still go to the answer engine.
 */
export class ExampleIntentClassifier implements IntentClassifier {
  private readonly analyzer = new GermanAnalyzer();
  private readonly examples: CompiledExample[] = [];
  private readonly vocabulary = new Map<Intent, Set<string>>();
  /** Every stem of every example, for computing a word's near-equal stems once per call. */
  private readonly allStems = new Set<string>();

  constructor(examples: IntentExamples) {
    for (const intent of INTENTS) {
      const vocabulary = new Set<string>();
      for (const language of ['de', 'en'] as const) {
        for (const utterance of examples[intent][language]) {
          const stems = this.stems(utterance);
          if (stems.length === 0) continue;
          this.examples.push({ intent, language, stems });
          for (const stem of stems) {
            vocabulary.add(stem);
            this.allStems.add(stem);
          }
        }
      }
      this.vocabulary.set(intent, vocabulary);
    }
  }

  classify(text: string): IntentMatch | null {
    const match = this.classifyWithLanguage(text);
    return match ? { intent: match.intent, confidence: match.confidence } : null;
  }

  /** Like {@link classify}, plus the language of the matched example. Never throws. */
  classifyWithLanguage(text: string): LocalisedIntentMatch | null {
    try {
      if (typeof text !== 'string' || text.length > 300) return null;
      const stems = this.stems(text);
      if (stems.length === 0 || stems.length > MAX_TOKENS) return null;
      const similar = this.similarStems(stems);
      let best: { example: CompiledExample; similarity: number } | null = null;
      for (const example of this.examples) {
        const similarity = dice(stems, example.stems, similar);
        if (!best || similarity > best.similarity) best = { example, similarity };
      }
      if (!best || best.similarity < MIN_SIMILARITY) return null;
      const { intent, language } = best.example;
      if (best.similarity < NEAR_EXACT && !this.explains(intent, stems, similar)) return null;
      return { intent, confidence: Math.round(best.similarity * 1000) / 1000, language };
    } catch {
      return null;
    }
  }

  /** True when every word is a stop word, a filler, or (nearly) a word of the intent's examples. */
  private explains(intent: Intent, stems: readonly string[], similar: SimilarStems): boolean {
    const vocabulary = this.vocabulary.get(intent) ?? new Set<string>();
    return stems.every(
      (stem) => STOP_WORDS.has(stem) || FILLERS.has(stem) || [...(similar.get(stem) ?? [])].some((known) => vocabulary.has(known)),
    );
  }

  /** For each word of the utterance, the example stems it is near-equal to (one edit), computed once. */
  private similarStems(stems: readonly string[]): SimilarStems {
    const similar = new Map<string, ReadonlySet<string>>();
    for (const stem of stems) {
      if (similar.has(stem)) continue;
      similar.set(stem, new Set([...this.allStems].filter((known) => similarWord(stem, known))));
    }
    return similar;
  }

  private stems(text: string): string[] {
    return this.analyzer.tokenize(text.replace(/[!?.,;:]+/g, ' ')).map((token) => (token.stop ? token.word : token.stem));
  }
}

/** Per word of an utterance: the example stems it counts as equal to. */
type SimilarStems = ReadonlyMap<string, ReadonlySet<string>>;

/** Dice similarity of an utterance's words and an example's, counting near-equal words (one typo) as equal. */
function dice(a: readonly string[], b: readonly string[], similar: SimilarStems): number {
  const unused = [...b];
  let matched = 0;
  for (const word of a) {
    const near = similar.get(word);
    const index = unused.findIndex((other) => near?.has(other) ?? word === other);
    if (index >= 0) {
      matched += 1;
      unused.splice(index, 1);
    }
  }
  return (2 * matched) / (a.length + b.length);
}

function similarWord(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.length < 5 || b.length < 5 || Math.abs(a.length - b.length) > 1) return false;
  // One edit in words of five or more letters leaves the first or the last letter in place.
  if (a[0] !== b[0] && a[a.length - 1] !== b[b.length - 1]) return false;
  return DamerauLevenshteinDistance(a, b, { restricted: true }) <= 1;
}

