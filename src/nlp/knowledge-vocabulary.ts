import type { Thesaurus } from '../domain/knowledge/thesaurus';
import { Decompounder } from './decompounder';
import { FuzzyVocabulary } from './fuzzy-vocabulary';
import type { GermanAnalyzer, WordToken } from './german-analyzer';
import { ThesaurusMatcher } from './thesaurus-matcher';

const MIN_WORD = 3;
const MIN_STEM_PART = 4;
const MIN_HYPHEN_PART = 2;

/**
 * The words of the loaded knowledge (and thesaurus): what decompounding splits against and what
 * typo tolerance corrects to. Built once per load from all entry texts.
 */
export class KnowledgeVocabulary {
  private readonly words = new Map<string, number>();
  private readonly stems = new Set<string>();
  readonly decompounder: Decompounder;
  readonly thesaurus: ThesaurusMatcher;
  readonly fuzzy = new FuzzyVocabulary();
  private readonly partStemCache = new Map<WordToken, readonly string[]>();

  constructor(
    readonly analyzer: GermanAnalyzer,
    thesaurus: Thesaurus,
  ) {
    this.thesaurus = new ThesaurusMatcher(thesaurus, analyzer);
    for (const word of this.thesaurus.words) this.addWord(word);
    this.decompounder = new Decompounder({ isKnownPart: (word) => this.isKnownPart(word) });
  }

  /** Adds the words of one text (first pass of a load); returns its content tokens for the second pass. */
  addText(text: string): WordToken[] {
    const content = this.analyzer.tokenize(text).filter((token) => !token.stop);
    for (const token of content) {
      this.addWord(token.word);
      for (const part of token.hyphenParts) if (part.length >= MIN_HYPHEN_PART) this.addWord(part);
    }
    return content;
  }

  /** Finishes the first pass: fills the typo-tolerance lookup. */
  seal(): void {
    for (const [word, count] of this.words) this.fuzzy.add(word, count);
  }

  hasWord(word: string): boolean {
    return this.words.has(word);
  }

  /**
   * Compound parts of a token at every level (without the token itself): hyphen parts and the split
   * of the joined word and of each hyphen part into known words.
   */
  partsOf(token: WordToken): string[] {
    const parts = new Set<string>();
    for (const part of token.hyphenParts) {
      if (part.length < MIN_HYPHEN_PART || /^[0-9]+$/.test(part)) continue;
      parts.add(part);
      const split = this.decompounder.split(part);
      if (split) for (const p of split.allParts) parts.add(p);
    }
    const split = this.decompounder.split(token.word);
    if (split) for (const p of split.allParts) parts.add(p);
    parts.delete(token.word);
    return [...parts];
  }

  /** Distinct stems of {@link partsOf} without the token's own stem (cached per analysed token). */
  partStemsOf(token: WordToken): readonly string[] {
    let stems = this.partStemCache.get(token);
    if (!stems) {
      const distinct = new Set(this.partsOf(token).map((part) => this.analyzer.stem(part)));
      distinct.delete(token.stem);
      stems = [...distinct];
      if (this.partStemCache.size > 200_000) this.partStemCache.clear();
      this.partStemCache.set(token, stems);
    }
    return stems;
  }

  private addWord(word: string): void {
    if (word.length < MIN_WORD) return;
    this.words.set(word, (this.words.get(word) ?? 0) + 1);
    this.stems.add(this.analyzer.stem(word));
  }

  private isKnownPart(word: string): boolean {
    return this.words.has(word) || (word.length >= MIN_STEM_PART && this.stems.has(word));
  }
}
