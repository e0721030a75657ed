import { AggressiveTokenizerDe } from 'natural/lib/natural/tokenizers';
import { PorterStemmerDe } from 'natural/lib/natural/stemmers';
import { foldGerman } from './german-normalizer';
import { STOP_WORDS } from './stop-words';
import { WEAK_WORDS } from './weak-words';

/** One word of a text after normalisation. */
export interface WordToken {
  /** Normalised surface form (lower-case, umlauts folded); hyphenated words joined without hyphen. */
  readonly word: string;
  /** Stem of `word` (PorterStemmerDe on the folded form). */
  readonly stem: string;
  /** Parts of a hyphenated word ("e-akte" -> ["e", "akte"]); empty otherwise. */
  readonly hyphenParts: readonly string[];
  /** Written with a capital letter somewhere else than at the start of the text (German nouns). */
  readonly capitalised: boolean;
  readonly stop: boolean;
  readonly weak: boolean;
}

const MAX_TEXT_LENGTH = 4000;

/**
 * Stems fixed by hand where the Snowball stem of a common word collides with an unrelated word
 * (a stemmer override list): "rechner"/"rechnern" would otherwise become "rechn", the stem of
 * "rechnung" after derivation conflation.
 */
const STEM_OVERRIDES: ReadonlyMap<string, string> = new Map([
  ['rechner', 'rechner'],
  ['rechnern', 'rechner'],
  ['rechners', 'rechner'],
]);
const MAX_WORD_LENGTH = 60;

/**
 * German tokeniser and stemmer on `natural` (AggressiveTokenizerDe, PorterStemmerDe), with a stem
 * cache. Folding happens before tokenising because the tokeniser knows no capital umlauts.
 */
export class GermanAnalyzer {
  private readonly tokenizer = new AggressiveTokenizerDe();
  private readonly stemCache = new Map<string, string>();
  /** Raw token (prefixed by its position class) -> analysed token; texts repeat words a lot. */
  private readonly tokenCache = new Map<string, WordToken | null>();
  /** The last text and its tokens: a message goes to the intent classifier, then to the answer engine. */
  private last: { readonly text: string; readonly tokens: readonly WordToken[] } | null = null;

  /** Splits a text into word tokens (stop words flagged, not removed). Do not change the array. */
  tokenize(text: string): readonly WordToken[] {
    if (this.last?.text === text) return this.last.tokens;
    const tokens = this.analyse(text);
    this.last = { text, tokens };
    return tokens;
  }

  private analyse(text: string): WordToken[] {
    const folded = foldGerman(text.length > MAX_TEXT_LENGTH ? text.slice(0, MAX_TEXT_LENGTH) : text)
      // s/mime, pdf/ua, und/oder: a slash between letters joins like a hyphen
      .replace(/([A-Za-z0-9])\/([A-Za-z0-9])/g, '$1-$2')
      .replace(/['’`]/g, '');
    const raw = this.tokenizer.tokenize(folded);
    const tokens: WordToken[] = [];
    for (let i = 0; i < raw.length; i += 1) {
      const token = this.cachedToken(raw[i] ?? '', i === 0);
      if (token) tokens.push(token);
    }
    return tokens;
  }

  private cachedToken(rawToken: string, first: boolean): WordToken | null {
    const key = first ? `^${rawToken}` : rawToken;
    let token = this.tokenCache.get(key);
    if (token === undefined) {
      token = this.toWordToken(rawToken, first);
      if (this.tokenCache.size > 200_000) this.tokenCache.clear();
      this.tokenCache.set(key, token);
    }
    return token;
  }

  /** Stem of a normalised word (cached). */
  stem(word: string): string {
    let stem = this.stemCache.get(word);
    if (stem === undefined) {
      stem = /^[0-9]+$/.test(word) ? word : (STEM_OVERRIDES.get(word) ?? conflateDerivations(word, PorterStemmerDe.stem(word)));
      if (this.stemCache.size > 200_000) this.stemCache.clear();
      this.stemCache.set(word, stem);
    }
    return stem;
  }

  private toWordToken(rawToken: string, first: boolean): WordToken | null {
    const trimmed = rawToken.replace(/^[-_]+|[-_]+$/g, '');
    if (trimmed.length === 0 || trimmed.length > MAX_WORD_LENGTH) return null;
    const lower = trimmed.toLowerCase();
    const hyphenParts = lower.includes('-') || lower.includes('_') ? lower.split(/[-_]+/).filter((p) => p.length > 0) : [];
    const word = hyphenParts.length > 0 ? hyphenParts.join('') : lower;
    if (word.length === 0 || (word.length === 1 && !/[0-9]/.test(word))) return null;
    const stop = hyphenParts.length === 0 && STOP_WORDS.has(word);
    return {
      word,
      stem: this.stem(word),
      hyphenParts,
      capitalised: !first && /^[A-Z]/.test(trimmed),
      stop,
      weak: !stop && WEAK_WORDS.has(word),
    };
  }
}

/**
 * Light conflation on top of the Snowball stem, which keeps participles and some nominalisations
 * apart from their verbs: "unterstuetzt"/"unterstuetz", "gemeldet"/"meld", "meldung"/"meld",
 * "digitalisiert"/"digitalisier"/"digitalisi". Applied to index and query alike.
 */
function conflateDerivations(word: string, stem: string): string {
  let result = stem;
  // Snowball leaves participles and 3rd-person forms ("gemeldet", "unterstuetzt") untouched
  const participle = stem === word && word.length >= 7 && /[^aeiou]e?t$/.test(word);
  if (participle && /[^aeiou]et$/.test(result)) result = result.slice(0, -2);
  // a final consonant + t is dropped on every form, so "projekt"/"projekte" and "vernichtet"/"vernichtung" agree
  if (result.length >= 5 && /[^aeiout]t$/.test(result)) result = result.slice(0, -1);
  if (result.length >= 7 && result.endsWith('ung')) result = result.slice(0, -3);
  if (result.length >= 8 && result.endsWith('ier')) result = result.slice(0, -3);
  else if (result.length >= 7 && result.endsWith('i')) result = result.slice(0, -1);
  if (participle && result.startsWith('ge') && result.length >= 6) result = result.slice(2);
  return result;
}

/**
 * The analyzer the answer engine and the intent classifier share, so that they share its caches
 * and a message is analysed once for both.
 */
export const sharedGermanAnalyzer = new GermanAnalyzer();
