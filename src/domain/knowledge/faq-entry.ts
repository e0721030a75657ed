/** Editorial state of an FAQ entry; only `published` entries are answered. */
export type FaqStatus = 'draft' | 'published' | 'retired';

/** One curated FAQ entry as the answer engine and the bot see it. */
export interface FaqEntry {
  /** Stable id, e.g. `kb-017`. */
  readonly id: string;
  readonly question: string;
  /** Other phrasings of the same question (QnA Maker's "alternative questions"). */
  readonly alternativeQuestions: readonly string[];
  /** Answer in the Markdown subset Teams renders (paragraphs, **bold**, lists, links). */
  readonly answer: string;
  readonly category: string;
  readonly tags: readonly string[];
  /** Where the answer comes from (law, guideline, the cooperation's own material). */
  readonly source: string;
  /** Who keeps the entry correct (a team of the cooperation, never a person's name). */
  readonly owner: string;
  /** ISO date (YYYY-MM-DD) by which the entry must be reviewed again. */
  readonly reviewDate: string;
  readonly status: FaqStatus;
}

/**
 * The editorial fields of an entry in the order of the file format (and of the editor, the CSV and
 * the content hash). Bookkeeping fields of stored entries (version, updatedAt, importHash, …) are not among them.
 */
export const FAQ_ENTRY_FIELDS = [
  'id',
  'question',
  'alternativeQuestions',
  'answer',
  'category',
  'tags',
  'source',
  'owner',
  'reviewDate',
  'status',
] as const satisfies readonly (keyof FaqEntry)[];
