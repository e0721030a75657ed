import type { WordToken } from './german-analyzer';
import type { KnowledgeVocabulary } from './knowledge-vocabulary';

/** Index weight of a compound part or hyphen part relative to the whole word. */
export const PART_TF = 0.5;

/**
 * The index terms of one field (its content tokens) with their weighted frequencies: stems of
 * content words, stems of their compound parts (weight {@link PART_TF}), and thesaurus concepts.
 */
export function extractDocumentTerms(content: readonly WordToken[], vocabulary: KnowledgeVocabulary): Map<string, number> {
  const terms = new Map<string, number>();
  const add = (term: string, tf: number): void => {
    terms.set(term, (terms.get(term) ?? 0) + tf);
  };
  const stems: string[] = [];
  for (const token of content) {
    add(token.stem, 1);
    stems.push(token.stem);
    for (const stem of vocabulary.partStemsOf(token)) {
      add(stem, PART_TF);
      for (const concept of vocabulary.thesaurus.conceptsOfStem(stem)) add(concept, PART_TF);
    }
  }
  for (const hit of vocabulary.thesaurus.find(stems)) add(hit.concept, 1);
  return terms;
}
