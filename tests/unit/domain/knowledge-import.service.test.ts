import { contentHash } from '../../../src/domain/knowledge/content-hash';
import type { FaqEntry } from '../../../src/domain/knowledge/faq-entry';
import { importKnowledge } from '../../../src/domain/knowledge/knowledge-import.service';
import type { KnowledgeRepository, StoredFaqEntry } from '../../../src/domain/knowledge/knowledge.repository';
import type { Thesaurus } from '../../../src/domain/knowledge/thesaurus';

/** An in-memory repository with the port's optimistic-version semantics. */
class InMemoryKnowledgeRepository implements KnowledgeRepository {
  readonly entries = new Map<string, StoredFaqEntry>();
  thesaurus: Thesaurus | null = null;
  async listAll() {
    return [...this.entries.values()];
  }
  async get(id: string) {
    return this.entries.get(id) ?? null;
  }
  async insert(entry: StoredFaqEntry) {
    if (this.entries.has(entry.id)) throw new Error('duplicate');
    this.entries.set(entry.id, entry);
  }
  async replace(entry: StoredFaqEntry, expectedVersion: number) {
    if (this.entries.get(entry.id)?.version !== expectedVersion) return false;
    this.entries.set(entry.id, entry);
    return true;
  }
  async count() {
    return this.entries.size;
  }
  async getThesaurus() {
    return this.thesaurus;
  }
  async saveThesaurus(thesaurus: Thesaurus) {
    this.thesaurus = thesaurus;
  }
}

function entry(id: string, answer = 'Eine sorgfältig geprüfte Antwort für Kommunen.'): FaqEntry {
  return {
    id,
    question: `Frage ${id}?`,
    alternativeQuestions: [],
    answer,
    category: 'Onlinezugang',
    tags: ['ozg'],
    source: 'Onlinezugangsgesetz (OZG)',
    owner: 'Team Onlinezugang',
    reviewDate: '2027-06-30',
    status: 'published',
  };
}

const THESAURUS: Thesaurus = { groups: [{ terms: ['ozg', 'onlinezugangsgesetz'] }] };

describe('importKnowledge', () => {
  it('creates entries in an empty store, then is idempotent', async () => {
    const sut = new InMemoryKnowledgeRepository();
    const first = await importKnowledge(sut, [entry('kb-001'), entry('kb-002')], THESAURUS);
    expect(first.created).toEqual(['kb-001', 'kb-002']);
    expect(sut.entries.get('kb-001')).toMatchObject({ version: 1, updatedBy: 'import', importHash: contentHash(entry('kb-001')) });
    expect(sut.thesaurus).toEqual(THESAURUS);

    const second = await importKnowledge(sut, [entry('kb-001'), entry('kb-002')], THESAURUS);
    expect(second).toMatchObject({ created: [], updated: [], unchanged: ['kb-001', 'kb-002'], keptStoreEdits: [] });
    expect(sut.entries.get('kb-001')?.version).toBe(1);
  });

  it('updates entries whose file content changed and that nobody edited in the store', async () => {
    const sut = new InMemoryKnowledgeRepository();
    await importKnowledge(sut, [entry('kb-001')], THESAURUS);
    const report = await importKnowledge(sut, [entry('kb-001', 'Eine neue, überarbeitete Antwort für Kommunen.')], THESAURUS);
    expect(report.updated).toEqual(['kb-001']);
    expect(sut.entries.get('kb-001')).toMatchObject({ version: 2, answer: 'Eine neue, überarbeitete Antwort für Kommunen.' });
  });

  it('never silently overwrites an entry edited in the store since its import, and reports it', async () => {
    const sut = new InMemoryKnowledgeRepository();
    await importKnowledge(sut, [entry('kb-001')], THESAURUS);
    const edited = { ...sut.entries.get('kb-001')!, answer: 'Im Dashboard redaktionell verbesserte Antwort.', version: 2, updatedBy: 'admin-1' };
    sut.entries.set('kb-001', edited);

    const report = await importKnowledge(sut, [entry('kb-001', 'Eine neue Fassung aus den Dateien für Kommunen.')], THESAURUS);
    expect(report.keptStoreEdits).toEqual(['kb-001']);
    expect(sut.entries.get('kb-001')?.answer).toBe('Im Dashboard redaktionell verbesserte Antwort.');
  });

  it('reports entries that exist only in the store and leaves them untouched', async () => {
    const sut = new InMemoryKnowledgeRepository();
    await importKnowledge(sut, [entry('kb-001'), entry('kb-900')], THESAURUS);
    const report = await importKnowledge(sut, [entry('kb-001')], THESAURUS);
    expect(report.notInFiles).toEqual(['kb-900']);
    expect(sut.entries.has('kb-900')).toBe(true);
  });
});
