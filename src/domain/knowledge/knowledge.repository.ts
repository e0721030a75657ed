import type { FaqEntry } from './faq-entry';
import type { Thesaurus } from './thesaurus';

/** An FAQ entry as kept in the store, with its editorial bookkeeping. */
export interface StoredFaqEntry extends FaqEntry {
  /** Optimistic-concurrency version, starting at 1, incremented on every change. */
  readonly version: number;
  /** ISO timestamp of the last change. */
  readonly updatedAt: string;
  /** Who made the last change: `import` for the knowledge/ import, else a user id. */
  readonly updatedBy: string;
  /**
   * Content hash of the knowledge/ file version this entry was last imported from, or null if it
   * never came from an import. Compared with the hash of the stored content to detect edits made
   * in the store since the import.
   */
  readonly importHash: string | null;
}

/** Port of the FAQ store (implemented in src/storage over the document store). */
export interface KnowledgeRepository {
  listAll(): Promise<StoredFaqEntry[]>;
  get(id: string): Promise<StoredFaqEntry | null>;
  /** Inserts a new entry; throws AppError `DUPLICATE_KEY` when the id exists. */
  insert(entry: StoredFaqEntry): Promise<void>;
  /**
   * Replaces an entry if its stored version equals `expectedVersion` (the new entry carries
   * `expectedVersion + 1`). Returns false when the version did not match (or the id is unknown).
   */
  replace(entry: StoredFaqEntry, expectedVersion: number): Promise<boolean>;
  count(): Promise<number>;
  getThesaurus(): Promise<Thesaurus | null>;
  saveThesaurus(thesaurus: Thesaurus): Promise<void>;
}
