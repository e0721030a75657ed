import { ErrorCode } from '../../src/domain/errors';
import type { StoredFaqEntry } from '../../src/domain/knowledge/knowledge.repository';
import type { QuestionRecord } from '../../src/domain/knowledge/question-log';
import { DocumentKnowledgeRepository } from '../../src/storage/knowledge.repository';
import { DocumentQuestionLog } from '../../src/storage/question-log.repository';
import type { TestStore } from '../support/test-stores';
import { storeBackendTable } from '../support/test-stores';

function entry(id: string, version = 1, question = `Frage ${id}`): StoredFaqEntry {
  return {
    id, question, alternativeQuestions: ['Wie geht das?'], answer: '**Antwort**', category: 'ozg', tags: ['ozg'],
    source: 'OZG', owner: 'Team Digitalisierung', reviewDate: '2026-12-31', status: 'published',
    version, updatedAt: '2026-01-01T00:00:00.000Z', updatedBy: 'import', importHash: null,
  };
}

function question(id: string): QuestionRecord {
  return {
    id, askedAt: '2026-01-02T10:00:00.000Z', conversationId: 'conv-1', userId: 'aad-1', locale: 'de-DE', text: 'Wie beantrage ich X?',
    outcome: 'choices', intent: null, candidates: [{ entryId: 'kb-1', score: 3.2, confidence: 0.6 }], answeredEntryId: null, feedback: null, feedbackAt: null,
  };
}

const injected = { $ne: null } as unknown as string;

describe.each(storeBackendTable)('repositories over the document store (%s)', (_name, backend) => {
  let testStore: TestStore;

  beforeEach(async () => {
    testStore = await backend.open();
  });
  afterEach(() => testStore.cleanup());

  describe('DocumentKnowledgeRepository', () => {
    let sut: DocumentKnowledgeRepository;
    beforeEach(() => {
      sut = new DocumentKnowledgeRepository(testStore.store);
    });

    it('inserts, gets, lists sorted by id and counts entries; refuses a duplicate id', async () => {
      await sut.insert(entry('kb-2'));
      await sut.insert(entry('kb-1'));
      expect(await sut.get('kb-1')).toEqual(entry('kb-1'));
      expect(await sut.get('kb-9')).toBeNull();
      expect((await sut.listAll()).map((e) => e.id)).toEqual(['kb-1', 'kb-2']);
      expect(await sut.count()).toBe(2);
      await expect(sut.insert(entry('kb-1'))).rejects.toMatchObject({ code: ErrorCode.DuplicateKey });
    });

    it('replaces only on the expected version; exactly one of two concurrent editors wins', async () => {
      await sut.insert(entry('kb-1'));
      const results = await Promise.all([sut.replace(entry('kb-1', 2, 'Edit A'), 1), sut.replace(entry('kb-1', 2, 'Edit B'), 1)]);
      expect(results.filter(Boolean)).toHaveLength(1);
      const stored = await sut.get('kb-1');
      expect(stored?.version).toBe(2);
      expect(stored?.question).toBe(results[0] ? 'Edit A' : 'Edit B');
      expect(await sut.replace(entry('kb-1', 2), 1)).toBe(false);
      expect(await sut.replace(entry('kb-7', 2), 1)).toBe(false);
    });

    it('keeps one thesaurus, null before the first save', async () => {
      expect(await sut.getThesaurus()).toBeNull();
      await sut.saveThesaurus({ groups: [{ terms: ['ozg', 'onlinezugangsgesetz'] }] });
      await sut.saveThesaurus({ groups: [{ terms: ['e-akte', 'elektronische akte'] }] });
      expect(await sut.getThesaurus()).toEqual({ groups: [{ terms: ['e-akte', 'elektronische akte'] }] });
    });

    it('never lets an id act as a query operator', async () => {
      await sut.insert(entry('kb-1'));
      await expect(sut.get(injected)).rejects.toMatchObject({ code: ErrorCode.ValidationFailed });
      await expect(sut.replace({ ...entry('kb-1', 2), id: injected }, 1)).rejects.toMatchObject({ code: ErrorCode.ValidationFailed });
      expect((await sut.get('kb-1'))?.version).toBe(1);
    });
  });

  describe('DocumentQuestionLog', () => {
    let sut: DocumentQuestionLog;
    beforeEach(() => {
      sut = new DocumentQuestionLog(testStore.store);
    });

    it('records and returns a question unchanged', async () => {
      await sut.record(question('q-1'));
      expect(await sut.get('q-1')).toEqual(question('q-1'));
      expect(await sut.get('q-2')).toBeNull();
    });

    it('records the chosen entry and the (overwritable) feedback; false for unknown ids', async () => {
      await sut.record(question('q-1'));
      expect(await sut.recordChoice('q-1', 'kb-3')).toBe(true);
      expect(await sut.recordFeedback('q-1', 'not_helpful', '2026-01-02T10:01:00.000Z')).toBe(true);
      expect(await sut.recordFeedback('q-1', 'helpful', '2026-01-02T10:02:00.000Z')).toBe(true);
      expect(await sut.get('q-1')).toMatchObject({ answeredEntryId: 'kb-3', feedback: 'helpful', feedbackAt: '2026-01-02T10:02:00.000Z' });
      expect(await sut.recordChoice('q-9', 'kb-3')).toBe(false);
      expect(await sut.recordFeedback('q-9', 'helpful', '2026-01-02T10:02:00.000Z')).toBe(false);
    });

    it('never lets an id act as a query operator', async () => {
      await sut.record(question('q-1'));
      await expect(sut.recordFeedback(injected, 'helpful', 'x')).rejects.toMatchObject({ code: ErrorCode.ValidationFailed });
      await expect(sut.recordChoice('q-1', injected)).rejects.toMatchObject({ code: ErrorCode.ValidationFailed });
      await expect(sut.get(injected)).rejects.toMatchObject({ code: ErrorCode.ValidationFailed });
      expect(await sut.get('q-1')).toEqual(question('q-1'));
    });
  });
});
