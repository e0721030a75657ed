import { ADMIN_BERND, faqFields } from '../../../../support/factories/faq-entries';
import { ADMIN, CSRF, expectCsrfInEveryPostForm, knowledgeHarness } from './knowledge-routes-harness';

async function editedEntry() {
  const sut = knowledgeHarness();
  const created = await sut.editor.createEntry(faqFields(), ADMIN_BERND);
  await sut.editor.updateEntry(created.id, faqFields({ answer: 'Eine <em>verunglückte</em> Änderung der Antwort.', owner: 'Team Datenschutz' }), ADMIN, 1);
  return { sut, id: created.id };
}

describe('versions of an entry', () => {
  it('GET .../versions lists every version with author, change and changed fields; restore buttons post with CSRF', async () => {
    const { sut, id } = await editedEntry();
    const page = await sut.page('GET', `/dashboard/knowledge/${id}/versions`);

    expect(page.title).toBe(`Versionen von ${id}`);
    const rows = page.html.split('<tr>').slice(2);
    expect(rows[0]).toMatch(/<td>2<\/td>[\s\S]*<td>Anna Admin<\/td>[\s\S]*<td>Geändert<\/td>[\s\S]*<td>Antwort, Verantwortlich<\/td>[\s\S]*aktuelle Version/);
    expect(rows[1]).toMatch(/<td>1<\/td>[\s\S]*<td>Bernd Berater<\/td>[\s\S]*<td>Angelegt<\/td>/);
    expect(rows[1]).toContain(`<form method="post" action="/dashboard/knowledge/${id}/versions/1/restore">`);
    expect(rows[1]).toContain('<input type="hidden" name="version" value="2">');
    expect(rows[0]).not.toContain('<form');
    expect(page.html).toContain('Eine &lt;em&gt;verunglückte&lt;/em&gt; Änderung');
    expectCsrfInEveryPostForm(page.html);
  });

  it('POST .../versions/:version/restore restores as a new version under the signed-in admin', async () => {
    const { sut, id } = await editedEntry();
    const response = await sut.call('POST', `/dashboard/knowledge/${id}/versions/1/restore`, { form: { _csrf: CSRF, version: '2' } });

    expect(response).toEqual({ kind: 'redirect', location: `/dashboard/knowledge/${id}`, notice: 'Version 1 wiederhergestellt (jetzt Version 3).' });
    expect(await sut.repository.get(id)).toMatchObject({ version: 3, answer: faqFields().answer, owner: faqFields().owner, updatedBy: ADMIN.id });
    expect((await sut.editor.listVersions(id))[0]).toMatchObject({ change: 'restored', restoredFrom: 1, author: { name: 'Anna Admin' } });
  });

  it('does not restore over a change made meanwhile, and says so', async () => {
    const { sut, id } = await editedEntry();
    const response = await sut.call('POST', `/dashboard/knowledge/${id}/versions/1/restore`, { form: { version: '1' } });
    expect(response).toMatchObject({ kind: 'redirect', location: `/dashboard/knowledge/${id}/versions`, notice: expect.stringMatching(/inzwischen geändert/) });
    expect((await sut.repository.get(id))?.version).toBe(2);
  });

  it('answers unknown entries and versions with 404', async () => {
    const { sut, id } = await editedEntry();
    expect(await sut.page('GET', '/dashboard/knowledge/kb-404/versions')).toMatchObject({ status: 404 });
    expect(await sut.page('POST', `/dashboard/knowledge/${id}/versions/9/restore`, { form: { version: '2' } })).toMatchObject({ status: 404, title: 'Version nicht gefunden' });
    expect(await sut.page('POST', '/dashboard/knowledge/kb-404/versions/1/restore', { form: { version: '1' } })).toMatchObject({ status: 404, title: 'Eintrag nicht gefunden' });
  });
});
