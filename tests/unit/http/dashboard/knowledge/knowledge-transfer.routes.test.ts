import type { DashboardResponse } from '../../../../../src/http/dashboard/dashboard-route';
import { faqEntry } from '../../../../support/factories/faq-entries';
import { ADMIN, expectCsrfInEveryPostForm, knowledgeHarness, TODAY } from './knowledge-routes-harness';

const ENTRIES = [
  faqEntry('kb-001', { answer: 'Ja; mit "Anführungszeichen",\n\n- Umlauten wie ä, ö, ü und ß\n- und Semikolon; hier.' }),
  faqEntry('kb-002', { question: 'Was ist die BundID?', category: 'Digitale Identität', tags: ['bundid'] }),
];

function download(response: DashboardResponse) {
  if (response.kind !== 'download') throw new Error(`expected a download, got ${response.kind}`);
  return { ...response, text: String(response.body) };
}

describe('export and import of the knowledge', () => {
  it('exports everything as a knowledge/faq JSON file and as CSV for Excel', async () => {
    const sut = knowledgeHarness({ entries: ENTRIES });
    const json = download(await sut.call('GET', '/dashboard/knowledge/export.json'));
    expect(json).toMatchObject({ filename: `lotse-wissensbasis-${TODAY}.json`, contentType: 'application/json; charset=utf-8' });
    expect(JSON.parse(json.text)).toEqual({ $schema: '../schema/faq-file.schema.json', entries: ENTRIES });

    const csv = download(await sut.call('GET', '/dashboard/knowledge/export.csv'));
    expect(csv).toMatchObject({ filename: `lotse-wissensbasis-${TODAY}.csv`, contentType: 'text/csv; charset=utf-8' });
    expect(csv.text.startsWith('\uFEFFid;question;')).toBe(true);
    expect(csv.text).toContain('"Ja; mit ""Anführungszeichen"",\n\n- Umlauten wie ä, ö, ü und ß\n- und Semikolon; hier."');
  });

  it('exports one category as the file knowledge/faq/<category>.json would be named', async () => {
    const sut = knowledgeHarness({ entries: ENTRIES });
    const json = download(await sut.call('GET', '/dashboard/knowledge/export.json', { query: { category: 'Digitale Identität' } }));
    expect(json.filename).toBe('digitale-identitaet.json');
    expect(JSON.parse(json.text).entries.map((e: { id: string }) => e.id)).toEqual(['kb-002']);
  });

  it.each(['json', 'csv'] as const)('export → import (%s) changes nothing; an edited export updates and creates entries', async (format) => {
    const sut = knowledgeHarness({ entries: ENTRIES });
    const exported = download(await sut.call('GET', `/dashboard/knowledge/export.${format}`)).text;

    expect(await sut.call('POST', '/dashboard/knowledge/import', { form: { file: exported } })).toEqual({
      kind: 'redirect',
      location: '/dashboard/knowledge',
      notice: 'Import abgeschlossen: 0 neu, 0 geändert, 2 unverändert.',
    });

    const edited = exported.replace('Was ist die BundID?', 'Was genau ist die BundID?');
    const withNew = format === 'json' ? edited : `${edited}kb-100;Eine ganz neue Frage?;;Eine neue Antwort für alle Kommunen.;Daten;daten;OZG;Geschäftsstelle;2027-01-01;draft\r\n`;
    const response = await sut.call('POST', '/dashboard/knowledge/import', { form: { content: withNew, format } });
    expect(response).toMatchObject({ kind: 'redirect', notice: `Import abgeschlossen: ${format === 'json' ? 0 : 1} neu, 1 geändert, 1 unverändert.` });
    expect(await sut.repository.get('kb-002')).toMatchObject({ question: 'Was genau ist die BundID?', version: 2, updatedBy: ADMIN.id });
    expect((await sut.editor.listVersions('kb-002'))[0]).toMatchObject({ change: 'imported', author: { id: ADMIN.id, name: ADMIN.name } });
  });

  it('lists every invalid line and changes nothing', async () => {
    const sut = knowledgeHarness({ entries: ENTRIES });
    const exported = download(await sut.call('GET', '/dashboard/knowledge/export.csv')).text;
    const broken = exported.replace('Was ist die BundID?', '') + 'kb-003;Eine <script>-Frage?;;kurz;Daten;daten;OZG;Geschäftsstelle;2027-01-01;draft\r\n';

    const page = await sut.page('POST', '/dashboard/knowledge/import', { form: { content: broken } });
    expect(page.status).toBe(422);
    expect(page.html).toContain('Nichts wurde importiert: 2 Probleme.');
    expect(page.html).toContain("<li>Zeile 6: Feld &#39;question&#39; fehlt</li>");
    expect(page.html).toContain("<li>Zeile 7: Feld &#39;answer&#39;: Bitte mindestens 20 Zeichen eingeben.</li>");
    expect(page.html).toContain('Eine &lt;script&gt;-Frage?');
    expect(await sut.repository.get('kb-002')).toMatchObject({ question: 'Was ist die BundID?', version: 1 });
    expect(await sut.repository.get('kb-003')).toBeNull();
  });

  it('offers a file upload (multipart) and a plain form to paste the content; asks for content when both are empty', async () => {
    const sut = knowledgeHarness();
    const page = await sut.page('GET', '/dashboard/knowledge/import');
    const [upload, paste] = page.html.match(/<form method="post"[\s\S]*?<\/form>/g) ?? [];
    expect(upload).toContain('action="/dashboard/knowledge/import" enctype="multipart/form-data"');
    expect(upload).toContain('<input type="file" id="import-file" name="file"');
    expect(paste).not.toContain('enctype');
    expect(paste).toContain('<label for="import-content">');
    expectCsrfInEveryPostForm(page.html);

    const empty = await sut.page('POST', '/dashboard/knowledge/import', { form: { file: '', content: ' ' } });
    expect(empty).toMatchObject({ status: 422 });
    expect(empty.html).toContain('Bitte wählen Sie eine Datei aus oder fügen Sie den Inhalt ein.');
  });
});
