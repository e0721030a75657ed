import { AppError, ErrorCode } from '../../../../src/domain/errors';
import { DRAFT_ANSWER_PLACEHOLDER } from '../../../../src/domain/insights/knowledge-drafts';
import { KnowledgeGapService } from '../../../../src/domain/insights/knowledge-gap.service';
import { createReportingPeriod } from '../../../../src/domain/insights/reporting-period';
import { GermanQuestionTerms } from '../../../../src/nlp/question-terms';
import { faqEntry } from '../../../support/factories/faq-entries';
import { FakeKnowledgeDrafts, InMemoryGapDecisionStore, ListGapQuestionSource, gapQuestion } from '../../../support/fakes/in-memory-insights';

const MARCH = createReportingPeriod('2026-03-01', '2026-03-31', 'Europe/Berlin');
const ANNA = { id: 'aad-anna', name: 'Anna Admin' };
const NOW = new Date('2026-03-31T12:00:00.000Z');

const RECEIVE = faqEntry('kb-001', { question: 'Wie empfangen wir XRechnungen?', alternativeQuestions: ['XRechnung Empfang'], category: 'E-Rechnung' });
const SEND = faqEntry('kb-002', { question: 'Wie versenden wir XRechnungen?', alternativeQuestions: [], category: 'E-Rechnung' });
const PASSWORD = faqEntry('kb-003', { question: 'Wie setze ich mein Passwort zurück?', alternativeQuestions: [], category: 'Zugang' });
const RETIRED = faqEntry('kb-004', { question: 'Alte Frage zum Faxgerät', status: 'retired', category: 'Archiv' });

function setup() {
  const questions = new ListGapQuestionSource([
    gapQuestion('xrechnung empfangen', { askedAt: '2026-03-02T08:00:00.000Z' }),
    gapQuestion('XRechnungen empfangen wie', {
      askedAt: '2026-03-03T08:00:00.000Z',
      outcome: 'choices',
      candidates: [
        { entryId: 'kb-001', score: 5, confidence: 0.4 },
        { entryId: 'kb-002', score: 4, confidence: 0.3 },
      ],
      answeredEntryId: 'kb-001',
    }),
    gapQuestion('xrechnung empfangen', { askedAt: '2026-03-04T08:00:00.000Z', outcome: 'answer', answeredEntryId: 'kb-002', candidates: [{ entryId: 'kb-002', score: 6, confidence: 0.7 }], feedback: 'not_helpful' }),
    gapQuestion('Passwort vergessen', { askedAt: '2026-03-05T08:00:00.000Z' }),
    gapQuestion('xrechnung empfangen', { askedAt: '2026-02-27T08:00:00.000Z' }), // before the period
    gapQuestion('Hallo', { askedAt: '2026-03-06T08:00:00.000Z', outcome: 'intent', intent: 'greeting' } as never),
    gapQuestion('xrechnung empfangen', { askedAt: '2026-03-07T08:00:00.000Z', outcome: 'answer', feedback: 'helpful', answeredEntryId: 'kb-001' }),
  ]);
  const decisions = new InMemoryGapDecisionStore();
  const drafts = new FakeKnowledgeDrafts([RECEIVE, SEND, PASSWORD, RETIRED]);
  let id = 0;
  const sut = new KnowledgeGapService({ questions, decisions, drafts, catalog: drafts, terms: new GermanQuestionTerms(), newId: () => `dec-${++id}`, now: () => NOW });
  return { sut, questions, decisions, drafts };
}

describe('KnowledgeGapService', () => {
  it('groups the period’s unanswered, choice and not-helpful questions, without intents, with outcome mix and offered entries', async () => {
    const { sut } = setup();
    const report = await sut.listGroups(MARCH);

    expect(report.questionCount).toBe(4);
    expect(report.groups).toHaveLength(2);
    const [xrechnung, password] = report.groups;
    expect(xrechnung).toMatchObject({
      count: 3,
      representative: { text: 'xrechnung empfangen', askedAt: '2026-03-02T08:00:00.000Z' },
      phrasings: ['xrechnung empfangen', 'XRechnungen empfangen wie'],
      examples: ['XRechnungen empfangen wie'],
      outcomes: { none: 1, choices: 1, notHelpful: 1 },
      firstAskedAt: '2026-03-02T08:00:00.000Z',
      lastAskedAt: '2026-03-04T08:00:00.000Z',
    });
    expect(xrechnung!.offeredEntries).toEqual([
      { entryId: 'kb-002', question: SEND.question, category: 'E-Rechnung', offered: 2, chosen: 0 },
      { entryId: 'kb-001', question: RECEIVE.question, category: 'E-Rechnung', offered: 1, chosen: 1 },
    ]);
    expect(password).toMatchObject({ count: 1, offeredEntries: [] });
    expect(report.entries.map((entry) => entry.id)).toEqual(['kb-001', 'kb-003', 'kb-002']);
    expect(report.categories).toEqual(['E-Rechnung', 'Zugang']);
  });

  it('creates a draft from a group and hides the group afterwards; a double submit creates nothing more', async () => {
    const { sut, drafts, decisions } = setup();
    const group = (await sut.listGroups(MARCH)).groups[0]!;

    expect(await sut.createEntryFromGroup(MARCH, group.key, 'E-Rechnung', ANNA)).toEqual({ kind: 'created', entryId: 'kb-901', questionCount: 3 });
    expect(drafts.created).toEqual([
      {
        draft: {
          question: 'xrechnung empfangen',
          alternativeQuestions: ['XRechnungen empfangen wie'],
          answer: DRAFT_ANSWER_PLACEHOLDER,
          category: 'E-Rechnung',
          source: 'Wissenslücke: 3 Fragen vom 2026-03-01 bis 2026-03-31',
        },
        author: ANNA,
      },
    ]);
    expect(decisions.done).toEqual([expect.objectContaining({ action: 'new_entry', entryId: 'kb-901', decidedBy: 'aad-anna', questionIds: group.questionIds })]);
    expect((await sut.listGroups(MARCH)).groups.map((g) => g.representative.text)).toEqual(['Passwort vergessen']);
    expect(await sut.createEntryFromGroup(MARCH, group.key, 'E-Rechnung', ANNA)).toEqual({ kind: 'group_not_found' });
    expect(drafts.created).toHaveLength(1);
  });

  it('lets exactly one of two concurrent actions on the same group change the knowledge', async () => {
    const { sut, drafts } = setup();
    const group = (await sut.listGroups(MARCH)).groups[0]!;

    const results = await Promise.all([
      sut.createEntryFromGroup(MARCH, group.key, 'E-Rechnung', ANNA),
      sut.addGroupToEntry(MARCH, group.key, 'kb-001', ANNA),
    ]);
    expect(results.map((result) => result.kind).sort()).toEqual(['already_handled', 'created']);
    expect(drafts.created.length + drafts.added.length).toBe(1);
  });

  it('adds only phrasings the entry does not have yet as alternative questions', async () => {
    const { sut, drafts } = setup();
    const group = (await sut.listGroups(MARCH)).groups[0]!;

    expect(await sut.addGroupToEntry(MARCH, group.key, 'kb-001', ANNA)).toEqual({ kind: 'added', entryId: 'kb-001', questionCount: 3, addedQuestions: 2 });
    expect(drafts.added).toEqual([{ entryId: 'kb-001', questions: ['xrechnung empfangen', 'XRechnungen empfangen wie'], author: ANNA }]);
    expect(drafts.entries.get('kb-001')!.alternativeQuestions).toEqual(['XRechnung Empfang', 'xrechnung empfangen', 'XRechnungen empfangen wie']);
  });

  it('refuses a retired or unknown entry, an unknown category and a full entry, and changes nothing', async () => {
    const { sut, drafts, decisions } = setup();
    const group = (await sut.listGroups(MARCH)).groups[0]!;
    drafts.entries.set('kb-001', { ...RECEIVE, alternativeQuestions: Array.from({ length: 20 }, (_, i) => `Alternative Frage ${i + 1}`) });

    expect(await sut.addGroupToEntry(MARCH, group.key, 'kb-004', ANNA)).toEqual({ kind: 'unknown_entry' });
    expect(await sut.addGroupToEntry(MARCH, group.key, 'kb-999', ANNA)).toEqual({ kind: 'unknown_entry' });
    expect(await sut.addGroupToEntry(MARCH, group.key, 'kb-001', ANNA)).toEqual({ kind: 'entry_full' });
    expect(await sut.createEntryFromGroup(MARCH, group.key, 'Archiv', ANNA)).toEqual({ kind: 'unknown_category' });
    expect(drafts.added).toEqual([]);
    expect(decisions.marks.size).toBe(0);
  });

  it('releases the claim when the editor refuses, so the group shows again', async () => {
    const { sut, drafts, decisions } = setup();
    const group = (await sut.listGroups(MARCH)).groups[0]!;
    drafts.failWith = new AppError(ErrorCode.ValidationFailed, 'refused');

    await expect(sut.createEntryFromGroup(MARCH, group.key, 'E-Rechnung', ANNA)).rejects.toMatchObject({ code: ErrorCode.ValidationFailed });
    expect(decisions.marks.size).toBe(0);
    expect((await sut.listGroups(MARCH)).groups[0]!.count).toBe(3);
  });

  it('releases decisions left pending for more than 15 minutes (a stopped process) before listing', async () => {
    const { sut, decisions } = setup();
    const group = (await sut.listGroups(MARCH)).groups[0]!;
    const questions = group.questionIds.map((id) => ({ id, askedAt: '2026-03-02T08:00:00.000Z' }));
    await decisions.claim({ id: 'old', action: 'new_entry', entryId: null, groupKey: group.key, questionIds: group.questionIds, decidedBy: 'x', decidedAt: '2026-03-31T11:40:00.000Z' }, questions);

    expect((await sut.listGroups(MARCH)).groups[0]!.count).toBe(3);
    expect(decisions.decisions.size).toBe(0);
  });

  it('finds a group by any of its variants, so a changed leader does not lose the action', async () => {
    const { sut, questions } = setup();
    questions.questions.push(gapQuestion('XRechnung im Postfach empfangen', { askedAt: '2026-03-08T08:00:00.000Z' }));
    const group = (await sut.listGroups(MARCH)).groups[0]!;
    expect(group.variantKeys).toHaveLength(2);

    expect(await sut.createEntryFromGroup(MARCH, group.variantKeys[1]!, 'E-Rechnung', ANNA)).toMatchObject({ kind: 'created', questionCount: 4 });
  });
});
