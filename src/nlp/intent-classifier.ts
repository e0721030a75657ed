import { INTENTS, type Intent, type IntentClassifier, type IntentExamples, type IntentMatch } from '../domain/knowledge/intent';
import { boundedOsaDistance } from './fuzzy-vocabulary';
import { sharedGermanAnalyzer } from './german-analyzer';
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

/** Bound of the near-stem cache (as the analyzer's caches). */
const MAX_CACHED_STEMS = 200_000;
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
  private readonly analyzer = sharedGermanAnalyzer;
  private readonly examples: CompiledExample[] = [];
  private readonly vocabulary = new Map<Intent, Set<string>>();
  /** Every stem of every example, for computing a word's near-equal stems once per call. */
  private readonly allStems = new Set<string>();
  /** Example stems by length, in first-seen order (near-equal words differ in length by at most one). */
  private readonly stemsByLength = new Map<number, string[]>();
  /** Per example stem, the indexes (ascending) of the examples that contain it. */
  private readonly examplesByStem = new Map<string, number[]>();
  /** Per utterance stem, the example stems near-equal to it (they depend on the stem only). */
  private readonly nearStems = new Map<string, ReadonlySet<string>>();

  constructor(examples: IntentExamples) {
    for (const intent of INTENTS) {
      const vocabulary = new Set<string>();
      for (const language of ['de', 'en'] as const) {
        for (const utterance of examples[intent][language]) {
          const stems = this.stems(utterance);
          if (stems.length === 0) continue;
          const index = this.examples.push({ intent, language, stems }) - 1;
          for (const stem of stems) {
            vocabulary.add(stem);
            this.indexStem(stem, index);
          }
        }
      }
      this.vocabulary.set(intent, vocabulary);
    }
  }

  private indexStem(stem: string, example: number): void {
    if (!this.allStems.has(stem)) {
      this.allStems.add(stem);
      const sameLength = this.stemsByLength.get(stem.length);
      if (sameLength) sameLength.push(stem);
      else this.stemsByLength.set(stem.length, [stem]);
    }
    const examples = this.examplesByStem.get(stem);
    if (!examples) this.examplesByStem.set(stem, [example]);
    else if (examples[examples.length - 1] !== example) examples.push(example);
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
      // Only examples that share a (near-)equal word can reach a similarity above zero: score
      // those, in example order (the first best example wins, as in a scan of all examples).
      let best: { example: CompiledExample; similarity: number } | null = null;
      for (const index of this.candidates(similar)) {
        const example = this.examples[index]!;
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

  /** The indexes, ascending, of the examples containing one of the near-equal stems. */
  private candidates(similar: SimilarStems): number[] {
    const indexes = new Set<number>();
    for (const near of similar.values()) {
      for (const stem of near) for (const index of this.examplesByStem.get(stem) ?? []) indexes.add(index);
    }
    return [...indexes].sort((a, b) => a - b);
  }

  /** For each word of the utterance, the example stems it is near-equal to (one edit). */
  private similarStems(stems: readonly string[]): SimilarStems {
    const similar = new Map<string, ReadonlySet<string>>();
    for (const stem of stems) if (!similar.has(stem)) similar.set(stem, this.nearStemsOf(stem));
    return similar;
  }

  /**
   * The example stems near-equal to `stem`, in the order of {@link allStems} (computed once per
   * stem); only stems within one letter of its length can be.
   */
  private nearStemsOf(stem: string): ReadonlySet<string> {
    let near = this.nearStems.get(stem);
    if (near) return near;
    const found = new Set<string>();
    if (stem.length < 5) {
      if (this.allStems.has(stem)) found.add(stem);
    } else {
      for (let length = stem.length - 1; length <= stem.length + 1; length += 1) {
        for (const known of this.stemsByLength.get(length) ?? []) if (similarWord(stem, known)) found.add(known);
      }
    }
    near = found;
    if (this.nearStems.size >= MAX_CACHED_STEMS) this.nearStems.clear();
    this.nearStems.set(stem, near);
    return near;
  }

  /** Stop words as they are, other words stemmed (punctuation separates words in the tokeniser). */
  private stems(text: string): string[] {
    return this.analyzer.tokenize(text).map((token) => (token.stop ? token.word : token.stem));
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
  // Optimal string alignment within a budget of one edit (equal to natural's restricted
  // Damerau-Levenshtein there, see the fuzzy-vocabulary unit test).
  return boundedOsaDistance(a, b, 1) <= 1;
}

