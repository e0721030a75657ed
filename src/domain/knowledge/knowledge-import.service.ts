import { contentHash } from './content-hash';
import type { FaqEntry } from './faq-entry';
import type { KnowledgeRepository, StoredFaqEntry } from './knowledge.repository';
import type { Thesaurus } from './thesaurus';

/** What an import did, by entry id. */
export interface ImportReport {
  readonly created: string[];
  readonly updated: string[];
  readonly unchanged: string[];
  /** Entries changed in the store since their last import: kept as they are, reported for review. */
  readonly keptStoreEdits: string[];
  /** Entries in the store that the import files do not contain (left untouched). */
  readonly notInFiles: string[];
}

const IMPORT_AUTHOR = 'import';

/**
 * Loads curated knowledge (from `knowledge/`) into the store idempotently. An entry whose stored
 * content differs from what was last imported has been edited in the store (e.g. in the dashboard):
 * it is never overwritten silently but reported in `keptStoreEdits`.
 */
export async function importKnowledge(
  repository: KnowledgeRepository,
  entries: readonly FaqEntry[],
  thesaurus: Thesaurus,
  now: () => Date = () => new Date(),
): Promise<ImportReport> {
  const report: ImportReport = { created: [], updated: [], unchanged: [], keptStoreEdits: [], notInFiles: [] };
  const stored = new Map((await repository.listAll()).map((entry) => [entry.id, entry]));

  for (const entry of entries) {
    const existing = stored.get(entry.id);
    stored.delete(entry.id);
    const fileHash = contentHash(entry);
    if (!existing) {
      await repository.insert(toStored(entry, fileHash, 1, now()));
      report.created.push(entry.id);
      continue;
    }
    const storedHash = contentHash(existing);
    if (storedHash === fileHash) {
      report.unchanged.push(entry.id);
    } else if (existing.importHash === storedHash) {
      const replaced = await repository.replace(toStored(entry, fileHash, existing.version + 1, now()), existing.version);
      (replaced ? report.updated : report.keptStoreEdits).push(entry.id);
    } else {
      report.keptStoreEdits.push(entry.id);
    }
  }
  report.notInFiles.push(...stored.keys());
  await repository.saveThesaurus(thesaurus);
  return report;
}

function toStored(entry: FaqEntry, importHash: string, version: number, at: Date): StoredFaqEntry {
  return {
    id: entry.id,
    question: entry.question,
    alternativeQuestions: [...entry.alternativeQuestions],
    answer: entry.answer,
    category: entry.category,
    tags: [...entry.tags],
    source: entry.source,
    owner: entry.owner,
    reviewDate: entry.reviewDate,
    status: entry.status,
    version,
    updatedAt: at.toISOString(),
    updatedBy: IMPORT_AUTHOR,
    importHash,
  };
}
