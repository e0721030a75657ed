import { faqEntry } from '../../../../support/factories/faq-entries';
import { knowledgeHarness } from './knowledge-routes-harness';

const ENTRIES = [
  faqEntry('kb-001', { question: 'Wie empfangen wir XRechnungen?', reviewDate: '2026-06-15' }),
  faqEntry('kb-002', { question: 'Was ist die BundID?', alternativeQuestions: ['Nutzerkonto Bund'], category: 'Digitale Identität', tags: ['bundid'], reviewDate: '2026-06-16' }),
  faqEntry('kb-003', { question: 'Wer prüft <b>Datenschutz</b>?', answer: 'Die behördliche DATENSCHUTZBEAUFTRAGTE prüft das.', category: 'Datenschutz', tags: ['dsgvo'], status: 'draft', reviewDate: '2025-12-31' }),
  faqEntry('kb-004', { question: 'Was war das Modellprogramm?', category: 'Förderung', tags: ['förderung'], status: 'retired' }),
];

function ids(html: string): string[] {
  return [...html.matchAll(/<td>(kb-\d+)<\/td>/g)].map((match) => match[1]!);
}

describe('GET /dashboard/knowledge', () => {
  it('lists every entry with status, review date and version, and links to the editor', async () => {
    const sut = knowledgeHarness({ entries: ENTRIES });
    const page = await sut.page('GET', '/dashboard/knowledge');
    expect(page.title).toBe('Wissensbasis');
    expect(ids(page.html)).toEqual(['kb-001', 'kb-002', 'kb-003', 'kb-004']);
    expect(page.html).toContain('<a href="/dashboard/knowledge/kb-002">Was ist die BundID?</a>');
    expect(page.html).toContain('<td>Zurückgezogen</td>');
    expect(page.html).toContain('Wer prüft &lt;b&gt;Datenschutz&lt;/b&gt;?');
    expect(page.html).toContain('<caption>4 von 4 Einträgen</caption>');
  });

  it('searches case-insensitively in questions, alternative questions and answers', async () => {
    const sut = knowledgeHarness({ entries: ENTRIES });
    expect(ids((await sut.page('GET', '/dashboard/knowledge', { query: { q: 'nutzerKONTO' } })).html)).toEqual(['kb-002']);
    expect(ids((await sut.page('GET', '/dashboard/knowledge', { query: { q: 'datenschutzbeauftragte' } })).html)).toEqual(['kb-003']);
    expect(ids((await sut.page('GET', '/dashboard/knowledge', { query: { q: 'EMPFANGEN wir' } })).html)).toEqual(['kb-001']);
    const none = await sut.page('GET', '/dashboard/knowledge', { query: { q: 'Blockchain' } });
    expect(none.html).toContain('Keine Einträge gefunden.');
  });

  it('filters by category, status and due review (review date on or before today), keeping the filters in the form', async () => {
    const sut = knowledgeHarness({ entries: ENTRIES });
    const byCategory = await sut.page('GET', '/dashboard/knowledge', { query: { category: 'Digitale Identität' } });
    expect(ids(byCategory.html)).toEqual(['kb-002']);
    expect(byCategory.html).toContain('<option value="Digitale Identität" selected>Digitale Identität</option>');
    expect(byCategory.html).toContain('href="/dashboard/knowledge/export.csv?category=Digitale+Identit%C3%A4t"');

    expect(ids((await sut.page('GET', '/dashboard/knowledge', { query: { status: 'draft' } })).html)).toEqual(['kb-003']);
    const due = await sut.page('GET', '/dashboard/knowledge', { query: { due: '1' } });
    expect(ids(due.html)).toEqual(['kb-001', 'kb-003']);
    expect(due.html).toContain('id="filter-due" name="due" value="1" checked');
    expect(ids((await sut.page('GET', '/dashboard/knowledge', { query: { due: '1', status: 'published' } })).html)).toEqual(['kb-001']);
  });

  it('pages through the matches, with links that keep the filters', async () => {
    const sut = knowledgeHarness({ entries: ENTRIES, pageSize: 2 });
    const first = await sut.page('GET', '/dashboard/knowledge', { query: { q: 'was' } });
    expect(ids(first.html)).toEqual(['kb-002', 'kb-004']);
    expect(first.html).not.toContain('class="pager"');

    const all = await sut.page('GET', '/dashboard/knowledge', { query: { page: '2' } });
    expect(ids(all.html)).toEqual(['kb-003', 'kb-004']);
    expect(all.html).toContain('Seite 2 von 2');
    expect(all.html).toContain('<a href="/dashboard/knowledge?page=1">Vorherige Seite</a>');
    const filtered = await sut.page('GET', '/dashboard/knowledge', { query: { status: 'published', page: '1' } });
    expect(filtered.html).not.toContain('Nächste Seite');
    const beyond = await sut.page('GET', '/dashboard/knowledge', { query: { page: '99' } });
    expect(ids(beyond.html)).toEqual(['kb-003', 'kb-004']);
  });
});
