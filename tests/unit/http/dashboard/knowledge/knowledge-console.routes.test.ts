import { answerResult, candidate, choicesResult, FakeAnswerEngine, noneResult } from '../../../../support/fakes/fake-answer-engine';
import { faqEntry } from '../../../../support/factories/faq-entries';
import { knowledgeHarness } from './knowledge-routes-harness';

const ENTRIES = [
  faqEntry('kb-001', { answer: 'Über die **Plattform** <script>alert(1)</script> des Landes.' }),
  faqEntry('kb-002', { question: 'Wie versenden wir XRechnungen?' }),
  faqEntry('kb-003', { question: 'Wie prüfen wir XRechnungen?' }),
];

async function consoleFor(engine: FakeAnswerEngine, q: string) {
  const sut = knowledgeHarness({ entries: ENTRIES, engine });
  await sut.knowledge.reload();
  return sut.page('GET', '/dashboard/console', { query: { q } });
}

describe('GET /dashboard/console ("Was würde Lotse antworten?")', () => {
  it('is an admin page of the console section', () => {
    const route = knowledgeHarness().routes.find((r) => r.path === '/dashboard/console');
    expect(route).toMatchObject({ method: 'GET', role: 'admin', section: 'console' });
  });

  it('shows only the question form before a question is asked', async () => {
    const engine = new FakeAnswerEngine();
    const page = await consoleFor(engine, '');
    expect(page.title).toBe('Was würde Lotse antworten?');
    expect(page.html).toContain('<label for="console-q">Frage</label>');
    expect(page.html).not.toContain('Ergebnis');
    expect(engine.asked).toEqual([]);
  });

  it('shows a direct answer with the answer text, and the top entries with score and confidence', async () => {
    const engine = new FakeAnswerEngine().script('xrechnung empfangen', answerResult('kb-001', candidate('kb-002', 3.25, 0.31)));
    const page = await consoleFor(engine, 'XRechnung empfangen');

    expect(page.html).toContain('<strong>Entscheidung: Antwort.</strong> Lotse antwortet direkt mit kb-001 „Wie empfangen wir XRechnungen?“.');
    expect(page.html).toContain('<strong>Plattform</strong> &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page.html).toMatch(/<td>1<\/td>\s*<td><a href="\/dashboard\/knowledge\/kb-001">kb-001<\/a> Wie empfangen wir XRechnungen\?<\/td>\s*<td>9,50<\/td>\s*<td>92\u00a0%<\/td>\s*<td>Antwort<\/td>/);
    expect(page.html).toMatch(/<td>3,25<\/td>\s*<td>31\u00a0%<\/td>\s*<td>–<\/td>/);
    expect(page.html).toContain('value="XRechnung empfangen"');
  });

  it('shows choices and no answer', async () => {
    const engine = new FakeAnswerEngine().script('xrechnung', choicesResult('kb-002', 'kb-003')).script('blockchain', noneResult('kb-003'));
    const choices = await consoleFor(engine, 'XRechnung');
    expect(choices.html).toContain('<strong>Entscheidung: Auswahl.</strong> Lotse ist unsicher und bietet die ersten 2 Einträge zur Auswahl an.');
    expect(choices.html.match(/<td>zur Auswahl<\/td>/g)).toHaveLength(2);

    const none = await consoleFor(engine, 'Blockchain');
    expect(none.html).toContain('<strong>Entscheidung: keine Antwort.</strong>');
    expect(none.html).toContain('kb-003');
  });
});
