import type { FaqEntryVersion, KnowledgeRevision, KnowledgeVersionRepository } from '../../../src/domain/knowledge/knowledge-version';

/** The version history in memory, with the port's "record once" semantics. */
export class InMemoryKnowledgeVersions implements KnowledgeVersionRepository {
  readonly versions = new Map<string, FaqEntryVersion>();

  async record(version: FaqEntryVersion): Promise<boolean> {
    const key = `${version.entryId}@${version.version}`;
    if (this.versions.has(key)) return false;
    this.versions.set(key, structuredClone(version));
    return true;
  }

  async list(entryId: string): Promise<FaqEntryVersion[]> {
    return [...this.versions.values()].filter((v) => v.entryId === entryId).sort((a, b) => b.version - a.version);
  }

  async get(entryId: string, version: number): Promise<FaqEntryVersion | null> {
    return this.versions.get(`${entryId}@${version}`) ?? null;
  }
}

/** The knowledge revision counter in memory. */
export class InMemoryKnowledgeRevision implements KnowledgeRevision {
  value = 0;

  async current(): Promise<number> {
    return this.value;
  }

  async increment(): Promise<number> {
    return ++this.value;
  }
}
