/**
 * The curated domain thesaurus: groups of terms an editor considers interchangeable for search
 * (synonyms, abbreviations and their long forms). Terms may be multi-word ("elektronische akte").
 */
export interface Thesaurus {
  readonly groups: readonly ThesaurusGroup[];
}

export interface ThesaurusGroup {
  /** All terms of the group; the first is the preferred term. */
  readonly terms: readonly string[];
}
