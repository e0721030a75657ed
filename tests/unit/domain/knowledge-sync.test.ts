import { AppError, ErrorCode } from '../../../src/domain/errors';
import { KnowledgeEditorService } from '../../../src/domain/knowledge/knowledge-editor.service';
import { KnowledgeSync } from '../../../src/domain/knowledge/knowledge-sync';
import { KnowledgeService } from '../../../src/domain/knowledge/knowledge.service';
import { ADMIN_ANNA, faqEntry, faqFields } from '../../support/factories/faq-entries';
import { ExactMatchAnswerEngine } from '../../support/fakes/exact-match-answer-engine';
import { InMemoryKnowledgeRepository } from '../../support/fakes/in-memory-knowledge-repository';
import { InMemoryKnowledgeRevision, InMemoryKnowledgeVersions } from '../../support/fakes/in-memory-knowledge-versions';

/** Two Lotse instances over one store: each with its own engine, sync and editor. */
function twoInstances() {
  const repository = new InMemoryKnowledgeRepository([faqEntry('kb-001')]);
  const versions = new InMemoryKnowledgeVersions();
  const revision = new InMemoryKnowledgeRevision();
  const errors: unknown[] = [];
  const instance = () => {
    const knowledge = new KnowledgeService(repository, new ExactMatchAnswerEngine());
    const sync = new KnowledgeSync(knowledge, revision, { intervalMs: 10_000, onError: (error) => errors.push(error) });
    const editor = new KnowledgeEditorService({ entries: repository, versions, revision, onChanged: (rev) => sync.applyLocalChange(rev) });
    return { knowledge, sync, editor };
  };
  return { repository, revision, errors, a: instance(), b: instance() };
}

const NEW_QUESTION = 'Wer berät zur Registermodernisierung?';

describe('KnowledgeSync', () => {
  it('a change made through one instance is answered at once there, and by the other after its next poll', async () => {
    const { a, b } = twoInstances();
    await a.sync.start();
    await b.sync.start();
    expect(b.knowledge.ask(NEW_QUESTION).result.outcome).toBe('none');

    const created = await a.editor.createEntry(faqFields({ question: NEW_QUESTION }), ADMIN_ANNA);
    expect(a.knowledge.ask(NEW_QUESTION).result.candidates[0]?.entryId).toBe(created.id);
    expect(b.knowledge.ask(NEW_QUESTION).result.outcome).toBe('none');

    expect(await b.sync.poll()).toBe(true);
    expect(b.knowledge.ask(NEW_QUESTION).result).toMatchObject({ outcome: 'answer', candidates: [{ entryId: created.id }] });
    expect(b.knowledge.getEntry(created.id)?.question).toBe(NEW_QUESTION);
    await Promise.all([a.sync.stop(), b.sync.stop()]);
  });

  it('stops answering an entry everywhere once it is retired', async () => {
    const { a, b } = twoInstances();
    await Promise.all([a.sync.start(), b.sync.start()]);
    expect(b.knowledge.ask(faqFields().question).result.outcome).toBe('answer');
    await a.editor.updateEntry('kb-001', faqFields({ status: 'retired' }), ADMIN_ANNA, 1);
    await b.sync.poll();
    expect(b.knowledge.ask(faqFields().question).result.outcome).toBe('none');
    await Promise.all([a.sync.stop(), b.sync.stop()]);
  });

  it('does not reload when the revision did not move, nor again after its own change', async () => {
    const { a } = twoInstances();
    const reload = jest.spyOn(a.knowledge, 'reload');
    await a.sync.start();
    expect(await a.sync.poll()).toBe(false);
    await a.editor.createEntry(faqFields({ question: NEW_QUESTION }), ADMIN_ANNA);
    expect(await a.sync.poll()).toBe(false);
    expect(reload).toHaveBeenCalledTimes(2);
    expect(a.sync.appliedRevision).toBe(1);
    await a.sync.stop();
  });

  it('polls on its own every interval until stopped', async () => {
    jest.useFakeTimers();
    try {
      const { a, b, revision } = twoInstances();
      await b.sync.start();
      await a.editor.createEntry(faqFields({ question: NEW_QUESTION }), ADMIN_ANNA);
      await jest.advanceTimersByTimeAsync(10_000);
      expect(b.knowledge.ask(NEW_QUESTION).result.outcome).toBe('answer');
      expect(b.sync.appliedRevision).toBe(revision.value);

      await b.sync.stop();
      await a.editor.createEntry(faqFields({ question: 'Noch eine neue Frage?' }), ADMIN_ANNA);
      await jest.advanceTimersByTimeAsync(30_000);
      expect(b.knowledge.ask('Noch eine neue Frage?').result.outcome).toBe('none');
    } finally {
      jest.useRealTimers();
    }
  });

  it('reports a failed poll and keeps the loaded knowledge; the next poll catches up', async () => {
    const { a, b, revision, errors } = twoInstances();
    await b.sync.start();
    await a.editor.createEntry(faqFields({ question: NEW_QUESTION }), ADMIN_ANNA);
    const outage = new AppError(ErrorCode.StoreUnavailable, 'store down');
    jest.spyOn(revision, 'current').mockRejectedValueOnce(outage);

    expect(await b.sync.poll()).toBe(false);
    expect(errors).toEqual([outage]);
    expect(b.knowledge.ask(faqFields().question).result.outcome).toBe('answer');
    expect(await b.sync.poll()).toBe(true);
    expect(b.knowledge.ask(NEW_QUESTION).result.outcome).toBe('answer');
    await b.sync.stop();
  });

  it('start() fails when the first load fails', async () => {
    const { a, repository } = twoInstances();
    jest.spyOn(repository, 'listAll').mockRejectedValueOnce(new AppError(ErrorCode.StoreUnavailable, 'store down'));
    await expect(a.sync.start()).rejects.toMatchObject({ code: ErrorCode.StoreUnavailable });
    expect(a.knowledge.isReady).toBe(false);
  });
});
