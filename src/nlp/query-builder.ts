import type { InvertedIndex, PostingList } from './inverted-index';
import type { KnowledgeVocabulary } from './knowledge-vocabulary';
import type { WordToken } from './german-analyzer';

/** One index term a query word expands to, with its share of the word's weight. */
export interface QueryTerm {
  readonly term: string;
  readonly weight: number;
  /** The term's posting list (every term of a query is indexed), looked up once. */
  readonly list: PostingList;
}

/** One content word of the query and everything it expands to. */
export interface QueryGroup {
  readonly terms: QueryTerm[];
  /** Weight of the word in the query (topic words 1, weak words less). */
  readonly weight: number;
  /** Highest IDF among the word's terms, or the IDF of an unknown word when none is indexed. */
  idf: number;
  /** True when none of the word's terms is in the index (an unknown word). */
  unknown: boolean;
  /** Share of the parts of a hyphenated word that the knowledge does not know ("deutschland-stack": 0.5). */
  missingPartShare: number;
}

/** Weights of query expansions (fractions of the word's weight). */
export const EXPANSION_WEIGHTS = {
  /** Compound part when the whole word is indexed too. */
  part: 0.5,
  /** Compound part when the whole word is not indexed. */
  partOnly: 0.8,
  /** Known head or modifier of an otherwise unknown compound. */
  partialPart: 0.6,
  /** Word corrected by typo tolerance (edit distance 1; distance 2 gets 0.8 of it). */
  fuzzy: 0.85,
  /** Thesaurus concept of the word or phrase. */
  concept: 0.8,
  /** Thesaurus concept of a compound part. */
  partConcept: 0.4,
  /** Weak word (general verb, vague adverb). */
  weakWord: 0.3,
  /** Lower-case word in a query that otherwise capitalises its nouns (a verb or adjective). */
  lowerCaseWord: 0.75,
} as const;

/** What one query word expands to; depends on the word and the loaded knowledge only. */
interface WordExpansion {
  readonly terms: readonly QueryTerm[];
  readonly missingPartShare: number;
  /** The stem the word stands for in thesaurus phrases (the corrected one for a typo). */
  readonly stem: string;
}

/** Expansions kept per builder; texts repeat words a lot (as in the analyzer's caches). */
const MAX_EXPANSIONS = 200_000;

/**
 * Turns questions into weighted query groups against one loaded knowledge (vocabulary and index);
 * build a new one per load. The expansion of a word (stem, compound parts, typo correction,
 * thesaurus concepts of its parts) depends only on the word and that knowledge, so it is computed
 * once per distinct analysed word; only the word's weight depends on the rest of the question.
 */
export class QueryBuilder {
  private readonly expansions = new Map<WordToken, WordExpansion>();

  constructor(
    private readonly vocabulary: KnowledgeVocabulary,
    private readonly index: InvertedIndex,
  ) {}

  build(text: string): QueryGroup[] {
    const tokens = this.vocabulary.analyzer.tokenize(text).filter((token) => !token.stop);
    const nounCase = tokens.some((token) => token.capitalised);
    const groups: QueryGroup[] = [];
    const conceptStems: string[] = [];
    for (const token of tokens) {
      const expansion = this.expand(token);
      // The terms are copied: thesaurus phrases below add to a group's terms.
      groups.push({ terms: expansion.terms.slice(), weight: wordWeight(token, nounCase), idf: 0, unknown: false, missingPartShare: expansion.missingPartShare });
      conceptStems.push(expansion.stem);
    }
    for (const hit of this.vocabulary.thesaurus.find(conceptStems)) {
      const group = groups[hit.start];
      if (group) addIndexed(group, this.index, hit.concept, EXPANSION_WEIGHTS.concept);
    }
    for (const group of groups) finishGroup(group, this.index);
    return groups;
  }

  private expand(token: WordToken): WordExpansion {
    let expansion = this.expansions.get(token);
    if (!expansion) {
      expansion = expandWord(token, this.vocabulary, this.index);
      if (this.expansions.size >= MAX_EXPANSIONS) this.expansions.clear();
      this.expansions.set(token, expansion);
    }
    return expansion;
  }
}

function expandWord(token: WordToken, vocabulary: KnowledgeVocabulary, index: InvertedIndex): WordExpansion {
  const group = { terms: [] as QueryTerm[], missingPartShare: 0 };
  const analyzer = vocabulary.analyzer;
  let stem = token.stem;
  let found = addIndexed(group, index, stem, 1);
  let parts = vocabulary.partsOf(token);
  if (!found && parts.length === 0 && !vocabulary.hasWord(token.word)) {
    const corrected = vocabulary.fuzzy.nearest(token.word);
    if (corrected) {
      const correctedStem = analyzer.stem(corrected.word);
      const weight = EXPANSION_WEIGHTS.fuzzy * (corrected.distance === 1 ? 1 : 0.8);
      if (addIndexed(group, index, correctedStem, weight)) {
        stem = correctedStem;
        found = true;
      }
      parts = vocabulary.partsOf({ ...token, word: corrected.word, hyphenParts: [] });
    }
  }
  if (!found) parts = [...parts, ...correctUnknownParts(token, vocabulary)];
  if (!found) group.missingPartShare = missingPartShare(token, parts, vocabulary, index);
  // a hyphenated word of which only some parts are known matches only partly
  const partWeight = found ? EXPANSION_WEIGHTS.part : group.missingPartShare > 0 ? EXPANSION_WEIGHTS.partialPart : EXPANSION_WEIGHTS.partOnly;
  for (const part of parts) {
    const partStem = analyzer.stem(part);
    addIndexed(group, index, partStem, partWeight);
    for (const concept of vocabulary.thesaurus.conceptsOfStem(partStem)) addIndexed(group, index, concept, EXPANSION_WEIGHTS.partConcept);
  }
  if (group.terms.length === 0) {
    const known = vocabulary.decompounder.knownPartOf(token.word);
    if (known) addIndexed(group, index, analyzer.stem(known), EXPANSION_WEIGHTS.partialPart);
  }
  return { terms: group.terms, missingPartShare: group.missingPartShare, stem };
}

/** Share of the content parts of a hyphenated word with no indexed part stem among `parts` (0 for other words). */
function missingPartShare(token: WordToken, parts: readonly string[], vocabulary: KnowledgeVocabulary, index: InvertedIndex): number {
  const content = token.hyphenParts.filter((part) => part.length >= 2 && !/^[0-9]+$/.test(part));
  if (content.length < 2) return 0;
  const known = new Set(parts.map((part) => vocabulary.analyzer.stem(part)).filter((stem) => index.has(stem)));
  let missing = 0;
  for (const part of content) {
    const split = vocabulary.decompounder.split(part);
    const stems = [part, ...(split?.allParts ?? [])].map((p) => vocabulary.analyzer.stem(p));
    if (!stems.some((stem) => known.has(stem))) missing += 1;
  }
  return missing / content.length;
}

/** Typo correction of hyphen parts that are neither known nor compounds of known words ("IT-Notfalhandbuch"). */
function correctUnknownParts(token: WordToken, vocabulary: KnowledgeVocabulary): string[] {
  const corrected: string[] = [];
  for (const part of token.hyphenParts) {
    if (vocabulary.hasWord(part) || vocabulary.decompounder.split(part)) continue;
    const match = vocabulary.fuzzy.nearest(part);
    if (match) corrected.push(match.word);
  }
  return corrected;
}

function wordWeight(token: WordToken, nounCase: boolean): number {
  if (token.weak) return EXPANSION_WEIGHTS.weakWord;
  const special = token.hyphenParts.length > 0 || /[0-9]/.test(token.word);
  if (nounCase && !token.capitalised && !special) return EXPANSION_WEIGHTS.lowerCaseWord;
  return 1;
}

/** Adds `term` with `weight` (or raises its weight) when it is indexed; returns whether it is. */
function addIndexed(group: { terms: QueryTerm[] }, index: InvertedIndex, term: string, weight: number): boolean {
  const list = index.postingList(term);
  if (!list) return false;
  const existing = group.terms.findIndex((t) => t.term === term);
  if (existing === -1) group.terms.push({ term, weight, list });
  else if ((group.terms[existing]?.weight ?? 0) < weight) group.terms[existing] = { term, weight, list };
  return true;
}

function finishGroup(group: QueryGroup, index: InvertedIndex): void {
  let idf = 0;
  for (const { list } of group.terms) idf = Math.max(idf, list.idf);
  group.unknown = group.terms.length === 0;
  group.idf = group.unknown ? index.unknownIdf : idf;
}
