/**
 * Splits German compounds into parts known from the knowledge vocabulary
 * ("datenschutzfolgenabschaetzung" -> "datenschutz" + "folgenabschaetzung" -> "daten", "schutz", ...),
 * with linking elements (Fugen-s, -es, -n, -en, -e, -er, -ns). Words are in normalised form.
 */
export interface DecompounderVocabulary {
  /** True when `word` (or a word with the same stem) is a known word that may be a compound part. */
  isKnownPart(word: string): boolean;
}

const LINKING_ELEMENTS = ['', 's', 'es', 'n', 'en', 'e', 'er', 'ns'];
const MIN_PART = 3;
const MIN_COMPOUND = 7;
const MAX_COMPOUND = 48;

/** A split of one word: the tree of known parts, flattened (largest parts first). */
export interface CompoundSplit {
  /** Top-level parts (two or more), each a known word without its linking element. */
  readonly parts: readonly string[];
  /** All parts at every level of the split tree (includes `parts`). */
  readonly allParts: readonly string[];
}

export class Decompounder {
  private readonly cache = new Map<string, CompoundSplit | null>();

  constructor(private readonly vocabulary: DecompounderVocabulary) {}

  /** The split of a word into known parts, or null if it is not a compound of known words. */
  split(word: string): CompoundSplit | null {
    if (word.length < MIN_COMPOUND || word.length > MAX_COMPOUND || /[0-9]/.test(word)) return null;
    const cached = this.cache.get(word);
    if (cached !== undefined) return cached;
    const parts = this.bestSegmentation(word);
    let result: CompoundSplit | null = null;
    if (parts && parts.length >= 2) {
      const allParts = new Set<string>(parts);
      for (const part of parts) {
        const sub = this.split(part);
        if (sub) for (const p of sub.allParts) allParts.add(p);
      }
      result = { parts, allParts: [...allParts] };
    }
    if (this.cache.size > 100_000) this.cache.clear();
    this.cache.set(word, result);
    return result;
  }

  /**
   * A partial split for query words that are not fully known: a known head (>= 5 letters) after an
   * unknown modifier, or a known modifier (>= 5 letters) before an unknown head. Returns the known part.
   */
  knownPartOf(word: string): string | null {
    if (word.length < MIN_COMPOUND + 2 || word.length > MAX_COMPOUND) return null;
    for (let i = 3; i <= word.length - 5; i += 1) {
      const head = word.slice(i);
      if (this.vocabulary.isKnownPart(head)) return head;
    }
    for (let i = word.length - 4; i >= 5; i -= 1) {
      const modifier = this.stripLinking(word.slice(0, i));
      if (modifier) return modifier;
    }
    return null;
  }

  /** Fewest known parts covering the word; ties broken by the longest shortest part. */
  private bestSegmentation(word: string): string[] | null {
    const n = word.length;
    // best[i]: best segmentation of word.slice(i) into parts, the last part without linking element
    const best: (string[] | null)[] = new Array<string[] | null>(n + 1).fill(null);
    best[n] = [];
    for (let i = n - MIN_PART; i >= 0; i -= 1) {
      let chosen: string[] | null = null;
      for (let j = i + MIN_PART; j <= n; j += 1) {
        const rest = best[j];
        if (!rest || (i === 0 && j === n)) continue;
        const piece = word.slice(i, j);
        const part = j === n ? (this.vocabulary.isKnownPart(piece) ? piece : null) : this.stripLinking(piece);
        if (!part) continue;
        const candidate = [part, ...rest];
        if (!chosen || isBetter(candidate, chosen)) chosen = candidate;
      }
      best[i] = chosen;
    }
    return best[0] ?? null;
  }

  /** The known word inside a modifier piece, trying each linking element ("auftrags" -> "auftrag"). */
  private stripLinking(piece: string): string | null {
    for (const link of LINKING_ELEMENTS) {
      if (!piece.endsWith(link)) continue;
      const stem = piece.slice(0, piece.length - link.length);
      if (stem.length >= MIN_PART && this.vocabulary.isKnownPart(stem)) return stem;
    }
    return null;
  }
}

function isBetter(candidate: readonly string[], current: readonly string[]): boolean {
  if (candidate.length !== current.length) return candidate.length < current.length;
  return Math.min(...candidate.map((p) => p.length)) > Math.min(...current.map((p) => p.length));
}
