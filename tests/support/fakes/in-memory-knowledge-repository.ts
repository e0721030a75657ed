import { AppError, ErrorCode } from '../../../src/domain/errors';
import type { FaqEntry } from '../../../src/domain/knowledge/faq-entry';
import type { KnowledgeRepository, StoredFaqEntry } from '../../../src/domain/knowledge/knowledge.repository';
import type { Thesaurus } from '../../../src/domain/knowledge/thesaurus';

/** An FAQ entry as stored, with neutral bookkeeping. */
export function stored(entry: FaqEntry): StoredFaqEntry {
  return { ...entry, version: 1, updatedAt: '2026-01-15T09:00:00.000Z', updatedBy: 'import', importHash: null };
}

/** A knowledge repository in memory. */
export class InMemoryKnowledgeRepository implements KnowledgeRepository {
  private readonly entries = new Map<string, StoredFaqEntry>();
  private thesaurus: Thesaurus | null = null;

  constructor(entries: readonly FaqEntry[] = []) {
    for (const entry of entries) this.entries.set(entry.id, stored(entry));
  }

  async listAll(): Promise<StoredFaqEntry[]> {
    return [...this.entries.values()];
  }

  async get(id: string): Promise<StoredFaqEntry | null> {
    return this.entries.get(id) ?? null;
  }

  async insert(entry: StoredFaqEntry): Promise<void> {
    if (this.entries.has(entry.id)) throw new AppError(ErrorCode.DuplicateKey, 'entry id exists');
    this.entries.set(entry.id, entry);
  }

  async replace(entry: StoredFaqEntry, expectedVersion: number): Promise<boolean> {
    const current = this.entries.get(entry.id);
    if (!current || current.version !== expectedVersion) return false;
    this.entries.set(entry.id, entry);
    return true;
  }

  async count(): Promise<number> {
    return this.entries.size;
  }

  async getThesaurus(): Promise<Thesaurus | null> {
    return this.thesaurus;
  }

  async saveThesaurus(thesaurus: Thesaurus): Promise<void> {
    this.thesaurus = thesaurus;
  }
}
