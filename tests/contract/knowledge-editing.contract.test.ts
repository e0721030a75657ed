import { ErrorCode } from '../../src/domain/errors';
import { KnowledgeEditorService } from '../../src/domain/knowledge/knowledge-editor.service';
import { importKnowledge } from '../../src/domain/knowledge/knowledge-import.service';
import { KnowledgeSync } from '../../src/domain/knowledge/knowledge-sync';
import type { FaqEntryVersion } from '../../src/domain/knowledge/knowledge-version';
import { KnowledgeService } from '../../src/domain/knowledge/knowledge.service';
import { DocumentKnowledgeRevision } from '../../src/storage/knowledge-revision.store';
import { DocumentKnowledgeVersionRepository } from '../../src/storage/knowledge-version.repository';
import { DocumentKnowledgeRepository } from '../../src/storage/knowledge.repository';
import { ADMIN_ANNA, ADMIN_BERND, faqEntry, faqFields } from '../support/factories/faq-entries';
import { ExactMatchAnswerEngine } from '../support/fakes/exact-match-answer-engine';
import type { TestStore } from '../support/test-stores';
import { storeBackendTable } from '../support/test-stores';

function version(entryId: string, number: number, question = `Frage ${number} zu ${entryId}?`): FaqEntryVersion {
  return {
    entryId,
    version: number,
    entry: faqEntry(entryId, { question }),
    author: ADMIN_ANNA,
    at: `2026-03-0${number}T10:00:00.000Z`,
    change: number === 1 ? 'created' : 'updated',
    restoredFrom: null,
  };
}

const injected = { $ne: null } as unknown as string;

describe.each(storeBackendTable)('knowledge editing over the document store (%s)', (_name, backend) => {
  let testStore: TestStore;

  beforeEach(async () => {
    testStore = await backend.open();
  });
  afterEach(() => testStore.cleanup());

  describe('DocumentKnowledgeVersionRepository', () => {
    it('records versions once and lists those of one entry, newest first', async () => {
      const sut = new DocumentKnowledgeVersionRepository(testStore.store);
      expect(await sut.record(version('kb-001', 1))).toBe(true);
      expect(await sut.record(version('kb-001', 2))).toBe(true);
      expect(await sut.record(version('kb-002', 1))).toBe(true);
      expect(await sut.record(version('kb-001', 2, 'Eine andere Fassung?'))).toBe(false);

      expect(await sut.list('kb-001')).toEqual([version('kb-001', 2), version('kb-001', 1)]);
      expect(await sut.get('kb-001', 2)).toEqual(version('kb-001', 2));
      expect(await sut.get('kb-001', 3)).toBeNull();
      expect(await sut.list('kb-404')).toEqual([]);
    });

    it('records a version exactly once when two record it at the same time', async () => {
      const sut = new DocumentKnowledgeVersionRepository(testStore.store);
      const results = await Promise.all([sut.record(version('kb-001', 1, 'Fassung A?')), sut.record(version('kb-001', 1, 'Fassung B?'))]);
      expect(results.filter(Boolean)).toHaveLength(1);
      expect(await sut.list('kb-001')).toHaveLength(1);
    });

    it('never lets an id act as a query operator', async () => {
      const sut = new DocumentKnowledgeVersionRepository(testStore.store);
      await expect(sut.list(injected)).rejects.toMatchObject({ code: ErrorCode.ValidationFailed });
      await expect(sut.get('kb-001', injected as unknown as number)).rejects.toMatchObject({ code: ErrorCode.ValidationFailed });
      await expect(sut.record({ ...version('kb-001', 1), entryId: injected })).rejects.toMatchObject({ code: ErrorCode.ValidationFailed });
    });
  });

  describe('DocumentKnowledgeRevision', () => {
    it('starts at 0 and gives every concurrent increment its own value', async () => {
      const sut = new DocumentKnowledgeRevision(testStore.store);
      expect(await sut.current()).toBe(0);
      const values = await Promise.all(Array.from({ length: 8 }, () => sut.increment()));
      expect([...values].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
      expect(await sut.current()).toBe(8);
    });

    it('lives beside the thesaurus without disturbing it', async () => {
      const repository = new DocumentKnowledgeRepository(testStore.store);
      await repository.saveThesaurus({ groups: [{ terms: ['ozg', 'onlinezugangsgesetz'] }] });
      await new DocumentKnowledgeRevision(testStore.store).increment();
      expect(await repository.getThesaurus()).toEqual({ groups: [{ terms: ['ozg', 'onlinezugangsgesetz'] }] });
    });
  });

  describe('KnowledgeEditorService', () => {
    function editor(onChanged?: (revision: number) => Promise<void>) {
      const { store } = testStore;
      return new KnowledgeEditorService({
        entries: new DocumentKnowledgeRepository(store),
        versions: new DocumentKnowledgeVersionRepository(store),
        revision: new DocumentKnowledgeRevision(store),
        ...(onChanged ? { onChanged } : {}),
      });
    }

    it('versions an imported entry: baseline, edit, restore — and kb:import reports the edit', async () => {
      const repository = new DocumentKnowledgeRepository(testStore.store);
      await importKnowledge(repository, [faqEntry('kb-013')], { groups: [] });
      const sut = editor();

      await sut.updateEntry('kb-013', faqFields({ answer: 'Im Dashboard redaktionell verbesserte Antwort.' }), ADMIN_ANNA, 1);
      const report = await importKnowledge(repository, [faqEntry('kb-013', { owner: 'Team Datenschutz' })], { groups: [] });
      expect(report.keptStoreEdits).toEqual(['kb-013']);

      await sut.restoreVersion('kb-013', 1, ADMIN_BERND, 2);
      expect((await sut.listVersions('kb-013')).map((v) => [v.version, v.change, v.author.name])).toEqual([
        [3, 'restored', 'Bernd Berater'],
        [2, 'updated', 'Anna Admin'],
        [1, 'baseline', 'kb:import'],
      ]);
      expect((await repository.get('kb-013'))?.answer).toBe(faqFields().answer);
    });

    it('lets exactly one of two concurrent editors of the same version win', async () => {
      const sut = editor();
      const created = await sut.createEntry(faqFields(), ADMIN_ANNA);
      const results = await Promise.allSettled([
        sut.updateEntry(created.id, faqFields({ owner: 'Team Datenschutz' }), ADMIN_ANNA, 1),
        sut.updateEntry(created.id, faqFields({ owner: 'Geschäftsstelle' }), ADMIN_BERND, 1),
      ]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      expect(results.find((r) => r.status === 'rejected')).toMatchObject({ reason: { code: ErrorCode.VersionConflict } });
      expect((await sut.listVersions(created.id)).map((v) => v.version)).toEqual([2, 1]);
    });

    it('gives concurrent new entries distinct kb ids', async () => {
      const sut = editor();
      const created = await Promise.all([1, 2, 3].map((n) => sut.createEntry(faqFields({ question: `Neue Frage Nummer ${n}?` }), ADMIN_ANNA)));
      expect(new Set(created.map((entry) => entry.id)).size).toBe(3);
    });

    it('a change through one instance is answered by another instance on the same store after its poll', async () => {
      const { store } = testStore;
      await importKnowledge(new DocumentKnowledgeRepository(store), [faqEntry('kb-001')], { groups: [] });
      const instance = () => {
        const knowledge = new KnowledgeService(new DocumentKnowledgeRepository(store), new ExactMatchAnswerEngine());
        return { knowledge, sync: new KnowledgeSync(knowledge, new DocumentKnowledgeRevision(store), { intervalMs: 50 }) };
      };
      const a = instance();
      const b = instance();
      await Promise.all([a.sync.start(), b.sync.start()]);
      try {
        const question = 'Wer berät zur Registermodernisierung?';
        const created = await editor((revision) => a.sync.applyLocalChange(revision)).createEntry(faqFields({ question }), ADMIN_ANNA);
        expect(a.knowledge.ask(question).result.candidates[0]?.entryId).toBe(created.id);

        const deadline = Date.now() + 5_000;
        while (b.knowledge.ask(question).result.outcome !== 'answer' && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
        expect(b.knowledge.ask(question).result.candidates[0]?.entryId).toBe(created.id);
      } finally {
        await Promise.all([a.sync.stop(), b.sync.stop()]);
      }
    });
  });
});
