import { AppError, ErrorCode } from '../../../../../src/domain/errors';
import { DRAFT_ANSWER_PLACEHOLDER } from '../../../../../src/domain/insights/knowledge-drafts';
import { gapQuestion } from '../../../../support/fakes/in-memory-insights';
import { CSRF, adminUser, bodyOf, createInsightsHarness, textOf } from './insights-harness';

const PERIOD = { from: '2026-03-01', to: '2026-03-15' };
const XSS = '<img src=x onerror=alert(1)>';

function harnessWithGaps() {
  const h = createInsightsHarness();
  h.questions.questions.push(
    gapQuestion('xrechnung empfangen', { askedAt: '2026-03-02T08:00:00.000Z' }),
    gapQuestion('XRechnungen empfangen wie', {
      askedAt: '2026-03-03T08:00:00.000Z',
      outcome: 'choices',
      candidates: [{ entryId: 'kb-001', score: 5, confidence: 0.4 }],
    }),
    gapQuestion(`${XSS} Passwort vergessen`, { askedAt: '2026-03-04T08:00:00.000Z' }),
  );
  return h;
}

/** The hidden group key of the n-th group's forms. */
function groupKey(body: string, index = 0): string {
  const keys = [...body.matchAll(/name="group" value="([^"]*)"/g)].map((m) => m[1]!);
  return keys[index * 2]!;
}

describe('GET /dashboard/gaps', () => {
  it('lists groups of similar open questions with count, outcome mix, examples, offered entries and both actions', async () => {
    const h = harnessWithGaps();
    const response = await h.get('/dashboard/gaps', PERIOD);
    const body = bodyOf(response);
    const text = textOf(body);

    expect(response).toMatchObject({ kind: 'page', title: 'Wissenslücken' });
    expect(text).toContain('3 offene Fragen in 2 Gruppen.');
    expect(text).toContain('„xrechnung empfangen“ 2 Fragen, zuletzt am 03.03.2026, 09:00; ohne Antwort: 1, Auswahl angeboten: 1.');
    expect(text).toContain('Weitere Formulierungen XRechnungen empfangen wie');
    expect(body).toContain('<a href="/dashboard/knowledge/kb-001">Wie empfangen wir XRechnungen?</a>');
    expect(body).toContain('<form method="post" action="/dashboard/gaps/new-entry" class="gap-action">');
    expect(body).toContain('<form method="post" action="/dashboard/gaps/alternatives" class="gap-action">');
    expect(body.match(new RegExp(`<input type="hidden" name="_csrf" value="${CSRF}">`, 'g'))).toHaveLength(4);
    // the entry the bot offered is preselected, and its category for a new entry
    expect(body).toContain('<option value="kb-001" selected>');
    expect(body).toContain('<option value="E-Rechnung" selected>');
    expect(groupKey(body)).toBe('empfang xrechn');
  });

  it('renders a question with markup as text', async () => {
    const body = bodyOf(await harnessWithGaps().get('/dashboard/gaps', PERIOD));

    expect(body).not.toContain('<img');
    expect(body).toContain('„&lt;img src=x onerror=alert(1)&gt; Passwort vergessen“');
  });

  it('answers invalid filters with 422 and field errors', async () => {
    const response = await harnessWithGaps().get('/dashboard/gaps', { from: '2026-13-01', page: 'zwei' });

    expect(response).toMatchObject({ kind: 'page', status: 422 });
    expect(bodyOf(response)).toContain('<p class="field-error" id="period-from-error">Dieses Datum gibt es nicht.</p>');
    expect(textOf(bodyOf(response))).toContain('Bitte geben Sie eine Seitenzahl an.');
  });
});

describe('POST /dashboard/gaps/…', () => {
  it('creates a draft entry from a group and goes to the editor; the group no longer shows', async () => {
    const h = harnessWithGaps();
    const key = groupKey(bodyOf(await h.get('/dashboard/gaps', PERIOD)));

    const response = await h.post('/dashboard/gaps/new-entry', { ...PERIOD, _csrf: CSRF, group: key, category: 'E-Rechnung' });

    expect(response).toEqual({
      kind: 'redirect',
      location: '/dashboard/knowledge/kb-901',
      notice: 'Entwurf aus 2 Fragen angelegt. Bitte schreiben Sie die Antwort und veröffentlichen Sie den Eintrag.',
    });
    expect(h.drafts.created).toEqual([
      {
        draft: { question: 'xrechnung empfangen', alternativeQuestions: ['XRechnungen empfangen wie'], answer: DRAFT_ANSWER_PLACEHOLDER, category: 'E-Rechnung', source: 'Wissenslücke: 2 Fragen vom 2026-03-01 bis 2026-03-15' },
        author: { id: adminUser.id, name: adminUser.name },
      },
    ]);
    expect(textOf(bodyOf(await h.get('/dashboard/gaps', PERIOD)))).toContain('1 offene Frage in 1 Gruppe.');
  });

  it('adds a group as alternative questions of an entry and returns to the list', async () => {
    const h = harnessWithGaps();
    const key = groupKey(bodyOf(await h.get('/dashboard/gaps', PERIOD)));

    expect(await h.post('/dashboard/gaps/alternatives', { ...PERIOD, group: key, entryId: 'kb-001' })).toEqual({
      kind: 'redirect',
      location: '/dashboard/gaps?from=2026-03-01&to=2026-03-15',
      notice: '2 neue Formulierungen als alternative Fragen zum Eintrag kb-001 hinzugefügt; 2 Fragen sind erledigt.',
    });
    expect(h.drafts.added).toEqual([{ entryId: 'kb-001', questions: ['xrechnung empfangen', 'XRechnungen empfangen wie'], author: { id: adminUser.id, name: adminUser.name } }]);
  });

  it('tells the second of two submits that the group was handled meanwhile', async () => {
    const h = harnessWithGaps();
    const key = groupKey(bodyOf(await h.get('/dashboard/gaps', PERIOD)));
    await h.post('/dashboard/gaps/alternatives', { ...PERIOD, group: key, entryId: 'kb-001' });

    expect(await h.post('/dashboard/gaps/alternatives', { ...PERIOD, group: key, entryId: 'kb-001' })).toMatchObject({
      kind: 'redirect',
      notice: 'Diese Gruppe gibt es so nicht mehr (inzwischen bearbeitet oder neu zusammengesetzt). Bitte prüfen Sie die aktuelle Liste.',
    });
    expect(h.drafts.added).toHaveLength(1);
  });

  it('shows the group again with a field error (422) when no entry or an unknown one is chosen', async () => {
    const h = harnessWithGaps();
    const key = groupKey(bodyOf(await h.get('/dashboard/gaps', PERIOD)));

    const missing = await h.post('/dashboard/gaps/alternatives', { ...PERIOD, group: key, entryId: '' });
    expect(missing).toMatchObject({ kind: 'page', status: 422 });
    expect(bodyOf(missing)).toContain('<select id="gap-0-entry" name="entryId" aria-invalid="true" aria-describedby="gap-0-entry-error">');
    expect(bodyOf(missing)).toContain('<p class="field-error" id="gap-0-entry-error">Bitte wählen Sie einen Eintrag.</p>');

    const unknown = await h.post('/dashboard/gaps/alternatives', { ...PERIOD, group: key, entryId: 'kb-777' });
    expect(bodyOf(unknown)).toContain('Diesen Eintrag gibt es nicht (mehr).');
    const injected = await h.post('/dashboard/gaps/new-entry', { ...PERIOD, group: key, category: ['E-Rechnung', 'Zugang'] });
    expect(bodyOf(injected)).toContain('<p class="field-error" id="gap-0-category-error">Bitte wählen Sie eine Kategorie.</p>');
    expect(h.drafts.added).toEqual([]);
    expect(h.drafts.created).toEqual([]);
  });

  it('shows the editor’s refusal on the group (422) and keeps the group open', async () => {
    const h = harnessWithGaps();
    const key = groupKey(bodyOf(await h.get('/dashboard/gaps', PERIOD)));
    h.drafts.failWith = new AppError(ErrorCode.ValidationFailed, 'too many alternative questions');

    const response = await h.post('/dashboard/gaps/new-entry', { ...PERIOD, group: key, category: 'E-Rechnung' });

    expect(response).toMatchObject({ kind: 'page', status: 422 });
    expect(textOf(bodyOf(response))).toContain('Der Wissens-Editor hat die Änderung abgelehnt');
    expect(h.decisions.marks.size).toBe(0);
  });

  it('refuses a tampered period with 422 before any change', async () => {
    const h = harnessWithGaps();
    const response = await h.post('/dashboard/gaps/new-entry', { from: { $gt: '' } as never, to: '2026-03-15', group: 'x', category: 'E-Rechnung' });

    expect(response).toMatchObject({ kind: 'page', status: 422 });
    expect(h.drafts.created).toEqual([]);
  });
});
