import type { FaqEntry } from './faq-entry';

/** Who made a change: a dashboard user's id and display name. Personal data: never logged. */
export interface EditAuthor {
  readonly id: string;
  readonly name: string;
}

/**
 * Why a version exists: written in the editor (`created`, `updated`), an earlier version brought
 * back (`restored`), a dashboard file import (`imported`), or `baseline`: the state an entry had
 * before its first versioned change, written without a version record (by `npm run kb:import`).
 */
export type VersionChange = 'created' | 'updated' | 'restored' | 'imported' | 'baseline';

/** One version of an FAQ entry: its complete editorial content, who wrote it and when. */
export interface FaqEntryVersion {
  readonly entryId: string;
  /** The entry's `version` this content had (1 = first). */
  readonly version: number;
  readonly entry: FaqEntry;
  readonly author: EditAuthor;
  /** ISO timestamp of the change. */
  readonly at: string;
  readonly change: VersionChange;
  /** For `restored`: the version whose content was brought back; else null. */
  readonly restoredFrom: number | null;
}

/** Port of the version history (implemented in src/storage over the document store). */
export interface KnowledgeVersionRepository {
  /**
   * Records a version. Returns false and writes nothing when the entry already has a record of
   * that version (so recording the same version twice, also concurrently, is harmless).
   */
  record(version: FaqEntryVersion): Promise<boolean>;
  /** The recorded versions of an entry, newest first. */
  list(entryId: string): Promise<FaqEntryVersion[]>;
  get(entryId: string, version: number): Promise<FaqEntryVersion | null>;
}

/**
 * Port of the knowledge revision: one counter in the store, incremented after every change of the
 * FAQ. Every Lotse instance sharing the store polls it and reloads its answer engine when it moved.
 */
export interface KnowledgeRevision {
  /** The current revision; 0 before the first change. */
  current(): Promise<number>;
  /** Atomically increments the revision and returns the new value. */
  increment(): Promise<number>;
}
