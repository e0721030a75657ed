
/** A vocabulary word close to a misspelt query word. */
export interface FuzzyMatch {
  readonly word: string;
  readonly distance: number;
}

/**
 * Typo tolerance against the knowledge vocabulary. Words are bucketed by first letter and length,
 * so a lookup compares only words of the same first letter within the allowed length difference,
 * after a cheap letter-count filter; a bounded Damerau-Levenshtein (optimal string alignment)
 * distance that stops as soon as the budget is exceeded confirms. The result equals natural's
 * `DamerauLevenshteinDistance(a, b, { restricted: true })` within the budget (see the unit test),
 * at a fraction of its cost (natural allocates an object per matrix cell).
 */
export class FuzzyVocabulary {
  private readonly buckets = new Map<string, Bucket>();
  private readonly rank = new Map<string, number>();
  /** Candidate comparisons of the last lookup (for tests and benchmarks). */
  lastComparisons = 0;

  /** Adds a word with a popularity rank used to break distance ties (higher wins). */
  add(word: string, popularity: number): void {
    if (word.length < MIN_LENGTH || this.rank.has(word)) {
      this.rank.set(word, Math.max(popularity, this.rank.get(word) ?? 0));
      return;
    }
    this.rank.set(word, popularity);
    const key = bucketKey(word[0] ?? '', word.length);
    let bucket = this.buckets.get(key);
    if (!bucket) {
      bucket = { words: [], masks: [] };
      this.buckets.set(key, bucket);
    }
    bucket.words.push(word);
    bucket.masks.push(letterMask(word));
  }

  /** The closest known word within the length-dependent edit budget, or null. */
  nearest(word: string): FuzzyMatch | null {
    this.lastComparisons = 0;
    const budget = maxDistance(word.length);
    if (budget === 0) return null;
    let best: FuzzyMatch | null = null;
    let bestRank = -1;
    const mask = letterMask(word);
    for (let length = word.length - budget; length <= word.length + budget; length += 1) {
      const bucket = this.buckets.get(bucketKey(word[0] ?? '', length));
      if (!bucket) continue;
      const { words, masks } = bucket;
      for (let i = 0; i < words.length; i += 1) {
        const candidate = words[i]!;
        // Letter classes in one word only: a lower bound of the letter difference, without counting.
        if (popCount(mask ^ masks[i]!) > 2 * budget) continue;
        if (letterDifference(word, candidate) > 2 * budget) continue;
        this.lastComparisons += 1;
        const distance = boundedOsaDistance(word, candidate, budget);
        if (distance > budget || distance === 0) continue;
        const rank = this.rank.get(candidate) ?? 0;
        if (!best || distance < best.distance || (distance === best.distance && rank > bestRank)) {
          best = { word: candidate, distance };
          bestRank = rank;
        }
      }
    }
    return best;
  }
}

const MIN_LENGTH = 5;

/** Words of one first letter and length, with their letter masks (see {@link letterMask}). */
interface Bucket {
  readonly words: string[];
  readonly masks: number[];
}

/**
 * The letters of a word as 32 bits (character code modulo 32). A bit set in one word's mask and not
 * in the other's stands for at least one letter missing in the other word, so the bits in which two
 * masks differ never exceed their {@link letterDifference}: a cheap filter before it.
 */
function letterMask(word: string): number {
  let mask = 0;
  for (let i = 0; i < word.length; i += 1) mask |= 1 << (word.charCodeAt(i) & 31);
  return mask;
}

function popCount(bits: number): number {
  let v = bits - ((bits >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** Edit budget by length: none below 5 letters, 1 up to 8, 2 from 9 letters on. */
function maxDistance(length: number): number {
  if (length < MIN_LENGTH) return 0;
  return length < 9 ? 1 : 2;
}

function bucketKey(first: string, length: number): string {
  return `${first}${length}`;
}

const letterCounts = new Int32Array(128);
let rows: [Int32Array, Int32Array, Int32Array] = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];

/**
 * Optimal-string-alignment distance (insert, delete, substitute, swap adjacent letters) between
 * `a` and `b`, or `budget + 1` as soon as it must exceed `budget`.
 */
export function boundedOsaDistance(a: string, b: string, budget: number): number {
  if (Math.abs(a.length - b.length) > budget) return budget + 1;
  if (b.length + 1 > (rows[0]?.length ?? 0)) rows = [new Int32Array(b.length + 1), new Int32Array(b.length + 1), new Int32Array(b.length + 1)];
  let [previous2, previous, current] = rows;
  for (let j = 0; j <= b.length; j += 1) previous[j] = j;
  for (let i = 1; i <= a.length; i += 1) {
    current[0] = i;
    let rowMinimum = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j += 1) {
      const cb = b.charCodeAt(j - 1);
      const cost = ca === cb ? 0 : 1;
      let value = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb) {
        value = Math.min(value, (previous2[j - 2] ?? 0) + 1);
      }
      current[j] = value;
      if (value < rowMinimum) rowMinimum = value;
    }
    if (rowMinimum > budget) return budget + 1;
    [previous2, previous, current] = [previous, current, previous2];
  }
  return previous[b.length] ?? budget + 1;
}

/** Letters of one word missing in the other, counted both ways (a cheap bound before the edit distance). */
function letterDifference(a: string, b: string): number {
  for (let i = 0; i < a.length; i += 1) {
    const code = a.charCodeAt(i) & 127;
    letterCounts[code] = (letterCounts[code] ?? 0) + 1;
  }
  for (let i = 0; i < b.length; i += 1) {
    const code = b.charCodeAt(i) & 127;
    letterCounts[code] = (letterCounts[code] ?? 0) - 1;
  }
  let diff = 0;
  for (let i = 0; i < a.length; i += 1) {
    const code = a.charCodeAt(i) & 127;
    diff += Math.abs(letterCounts[code] ?? 0);
    letterCounts[code] = 0;
  }
  for (let i = 0; i < b.length; i += 1) {
    const code = b.charCodeAt(i) & 127;
    diff += Math.abs(letterCounts[code] ?? 0);
    letterCounts[code] = 0;
  }
  return diff;
}
