import { faqEntry } from '../../../../support/factories/faq-entries';
import { ADMIN, expectCsrfInEveryPostForm, knowledgeHarness } from './knowledge-routes-harness';

/** The editor form as the browser posts it. */
function form(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    question: 'Wie empfangen wir XRechnungen?',
    alternativeQuestions: 'XRechnung Empfang\r\nWie kommen E-Rechnungen bei uns an?\r\n',
    answer: 'Über die **zentrale Plattform** des Landes.\r\n\r\n- PEPPOL\r\n- E-Mail',
    category: 'Zahlung und Rechnung',
    tags: 'XRechnung, e-rechnung',
    source: 'E-Rechnungsverordnung des Landes',
    owner: 'Team Onlinezugang',
    reviewDate: '2027-01-31',
    status: 'published',
    action: 'save',
    ...overrides,
  };
}

describe('knowledge editor pages', () => {
  it('GET /dashboard/knowledge/new shows an empty form with labelled fields, a draft status and a CSRF field', async () => {
    const sut = knowledgeHarness({ entries: [faqEntry('kb-001')] });
    const page = await sut.page('GET', '/dashboard/knowledge/new');

    expect(page.title).toBe('Neuer Eintrag');
    for (const name of ['question', 'alternativeQuestions', 'answer', 'category', 'tags', 'source', 'owner', 'reviewDate', 'status']) {
      expect(page.html).toContain(`<label for="entry-${name}">`);
      expect(page.html).toMatch(new RegExp(`id="entry-${name}" name="${name}"`));
    }
    expect(page.html).toMatch(/<textarea id="entry-answer" name="answer"/);
    expect(page.html).toContain('<option value="draft" selected>Entwurf</option>');
    expect(page.html).toContain('value="2027-06-15"');
    expect(page.html).toContain('<option value="Zahlung und Rechnung">');
    expect(page.html).not.toContain('name="version"');
    expectCsrfInEveryPostForm(page.html);
  });

  it('POST /dashboard/knowledge/new creates the entry under the signed-in admin and redirects to it', async () => {
    const sut = knowledgeHarness({ entries: [faqEntry('kb-041')] });
    const response = await sut.call('POST', '/dashboard/knowledge/new', { form: form({ question: 'Wer hilft bei der E-Akte?' }) });

    expect(response).toEqual({ kind: 'redirect', location: '/dashboard/knowledge/kb-042', notice: 'Eintrag kb-042 angelegt.' });
    const created = await sut.repository.get('kb-042');
    expect(created).toMatchObject({
      question: 'Wer hilft bei der E-Akte?',
      alternativeQuestions: ['XRechnung Empfang', 'Wie kommen E-Rechnungen bei uns an?'],
      answer: 'Über die **zentrale Plattform** des Landes.\n\n- PEPPOL\n- E-Mail',
      tags: ['xrechnung', 'e-rechnung'],
      updatedBy: ADMIN.id,
    });
    expect((await sut.editor.listVersions('kb-042'))[0]?.author).toEqual({ id: ADMIN.id, name: ADMIN.name });
    expect(sut.knowledge.ask('Wer hilft bei der E-Akte?').result.outcome).toBe('answer');
  });

  it('shows field errors next to their fields (aria-invalid, aria-describedby), keeps the input and saves nothing', async () => {
    const sut = knowledgeHarness();
    const page = await sut.page('POST', '/dashboard/knowledge/new', { form: form({ question: 'Wie?', answer: 'Zu kurz <b>', reviewDate: '' }) });

    expect(page.status).toBe(422);
    expect(page.html).toContain('id="entry-question" name="question" value="Wie?" aria-describedby="entry-question-hint entry-question-error" aria-invalid="true"');
    expect(page.html).toContain('<p class="field-error" id="entry-question-error">Bitte mindestens 5 Zeichen eingeben.</p>');
    expect(page.html).toContain('<p class="field-error" id="entry-answer-error">Bitte mindestens 20 Zeichen eingeben.</p>');
    expect(page.html).toContain('<p class="field-error" id="entry-reviewDate-error">Dieses Feld ist erforderlich.</p>');
    expect(page.html).toContain('>\nZu kurz &lt;b&gt;</textarea>');
    expect(page.html).not.toMatch(/id="entry-source"[^>]*aria-invalid/);
    expect(page.html).toContain('<a href="#entry-question">Frage: Bitte mindestens 5 Zeichen eingeben.</a>');
    expect(await sut.repository.count()).toBe(0);
  });

  it('GET /dashboard/knowledge/:id shows the entry with its version as hidden field; unknown ids give 404', async () => {
    const sut = knowledgeHarness({ entries: [faqEntry('kb-007')] });
    const page = await sut.page('GET', '/dashboard/knowledge/kb-007');
    expect(page.title).toBe('Eintrag kb-007 bearbeiten');
    expect(page.html).toContain('<input type="hidden" name="version" value="1">');
    expect(page.html).toContain('action="/dashboard/knowledge/kb-007"');
    expect(page.html).toContain('>\nXRechnung Empfang\nWie kommen E-Rechnungen bei uns an?</textarea>');
    expect(page.html).toContain('href="/dashboard/knowledge/kb-007/versions"');
    expectCsrfInEveryPostForm(page.html);

    expect(await sut.page('GET', '/dashboard/knowledge/kb-999')).toMatchObject({ status: 404, title: 'Eintrag nicht gefunden' });
  });

  it('POST /dashboard/knowledge/:id saves a new version', async () => {
    const sut = knowledgeHarness({ entries: [faqEntry('kb-007')] });
    const response = await sut.call('POST', '/dashboard/knowledge/kb-007', { form: form({ owner: 'Team Datenschutz', version: '1' }) });
    expect(response).toEqual({ kind: 'redirect', location: '/dashboard/knowledge/kb-007', notice: 'Gespeichert (Version 2).' });
    expect(await sut.repository.get('kb-007')).toMatchObject({ version: 2, owner: 'Team Datenschutz', updatedBy: ADMIN.id });
  });

  it('answers a stale version with 409, keeps the input and offers the current version', async () => {
    const sut = knowledgeHarness({ entries: [faqEntry('kb-007')] });
    await sut.call('POST', '/dashboard/knowledge/kb-007', { form: form({ owner: 'Team Datenschutz', version: '1' }) });

    const page = await sut.page('POST', '/dashboard/knowledge/kb-007', { form: form({ owner: 'Geschäftsstelle', version: '1' }) });
    expect(page.status).toBe(409);
    expect(page.notice).toMatch(/inzwischen geändert \(jetzt Version 2\)/);
    expect(page.html).toContain('value="Geschäftsstelle"');
    expect(page.html).toContain('<input type="hidden" name="version" value="2">');
    expect((await sut.repository.get('kb-007'))?.owner).toBe('Team Datenschutz');
  });

  it('does not save a form without its version, and says so', async () => {
    const sut = knowledgeHarness({ entries: [faqEntry('kb-007')] });
    const page = await sut.page('POST', '/dashboard/knowledge/kb-007', { form: form({ owner: 'Team Datenschutz' }) });
    expect(page).toMatchObject({ status: 422, notice: expect.stringMatching(/keine Version/) });
    expect((await sut.repository.get('kb-007'))?.version).toBe(1);
  });

  it('"Vorschau aktualisieren" renders the typed answer as Teams shows it, without saving', async () => {
    const sut = knowledgeHarness({ entries: [faqEntry('kb-007')] });
    const page = await sut.page('POST', '/dashboard/knowledge/kb-007', {
      form: form({ version: '1', action: 'preview', answer: 'Neu: **fett** und *kursiv*.\n\n1. eins\n2. zwei' }),
    });
    expect(page.html).toContain('So sieht die Antwort in Teams aus');
    expect(page.html).toContain('<p>Neu: <strong>fett</strong> und <em>kursiv</em>.</p><ol><li>eins</li><li>zwei</li></ol>');
    expect((await sut.repository.get('kb-007'))?.version).toBe(1);
  });

  it('renders an answer with <script> as text in the preview, never as markup', async () => {
    const sut = knowledgeHarness();
    const answer = 'Vorsicht <script>alert("x")</script> und [Klick](javascript:alert(1)) oder <img src=x onerror=alert(1)>';
    const page = await sut.page('POST', '/dashboard/knowledge/new', { form: form({ action: 'preview', answer, question: '<b>Frage</b>' }) });

    expect(page.html).not.toContain('<script>');
    expect(page.html).not.toContain('<img');
    expect(page.html).not.toContain('href="javascript:');
    expect(page.html).toContain('Vorsicht &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(page.html).toContain('<strong>&lt;b&gt;Frage&lt;/b&gt;</strong>');
  });
});
