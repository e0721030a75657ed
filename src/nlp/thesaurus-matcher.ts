import type { Thesaurus } from '../domain/knowledge/thesaurus';
import type { GermanAnalyzer } from './german-analyzer';

/** A thesaurus term found in a token sequence. */
export interface ConceptHit {
  /** Index term of the group ("~12"), shared by every term of the group. */
  readonly concept: string;
  /** Position of the first token of the match in the sequence. */
  readonly start: number;
  readonly length: number;
}

interface CompiledTerm {
  readonly stems: readonly string[];
  readonly concept: string;
}

/**
 * Recognises thesaurus terms (single- and multi-word) in stem sequences. Every group becomes one
 * concept term that is indexed next to the words, so "DSFA" in a question meets
 * "Datenschutz-Folgenabschätzung" in an entry — on both sides by the same analysis.
 */
export class ThesaurusMatcher {
  private readonly byFirstStem = new Map<string, CompiledTerm[]>();
  /** Normalised words of all thesaurus terms (vocabulary for decompounding and typo tolerance). */
  readonly words = new Set<string>();

  constructor(thesaurus: Thesaurus, analyzer: GermanAnalyzer) {
    thesaurus.groups.forEach((group, index) => {
      const concept = `~${index}`;
      for (const term of group.terms) {
        const tokens = analyzer.tokenize(term).filter((token) => !token.stop);
        const first = tokens[0];
        if (!first) continue;
        for (const token of tokens) this.words.add(token.word);
        const compiled: CompiledTerm = { stems: tokens.map((token) => token.stem), concept };
        const list = this.byFirstStem.get(first.stem);
        if (!list) this.byFirstStem.set(first.stem, [compiled]);
        else if (!list.some((c) => c.concept === concept && sameStems(c.stems, compiled.stems))) list.push(compiled);
      }
    });
  }

  /** All concept hits in a sequence of stems (overlapping hits allowed). */
  find(stems: readonly string[]): ConceptHit[] {
    const hits: ConceptHit[] = [];
    for (let start = 0; start < stems.length; start += 1) {
      const candidates = this.byFirstStem.get(stems[start] ?? '');
      if (!candidates) continue;
      for (const term of candidates) {
        if (matchesAt(stems, start, term.stems)) hits.push({ concept: term.concept, start, length: term.stems.length });
      }
    }
    return hits;
  }

  /** Concepts of which `stem` alone is a term (used for compound parts). */
  conceptsOfStem(stem: string): string[] {
    const candidates = this.byFirstStem.get(stem);
    if (!candidates) return [];
    return candidates.filter((term) => term.stems.length === 1).map((term) => term.concept);
  }
}

function matchesAt(stems: readonly string[], start: number, term: readonly string[]): boolean {
  if (start + term.length > stems.length) return false;
  for (let i = 0; i < term.length; i += 1) if (stems[start + i] !== term[i]) return false;
  return true;
}

function sameStems(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((stem, i) => stem === b[i]);
}
