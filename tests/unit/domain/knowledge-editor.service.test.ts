import { AppError, ErrorCode } from '../../../src/domain/errors';
import { contentHash } from '../../../src/domain/knowledge/content-hash';
import { KnowledgeEditorService, nextEntryId } from '../../../src/domain/knowledge/knowledge-editor.service';
import { importKnowledge } from '../../../src/domain/knowledge/knowledge-import.service';
import { ADMIN_ANNA, ADMIN_BERND, faqEntry, faqFields } from '../../support/factories/faq-entries';
import { InMemoryKnowledgeRepository } from '../../support/fakes/in-memory-knowledge-repository';
import { InMemoryKnowledgeRevision, InMemoryKnowledgeVersions } from '../../support/fakes/in-memory-knowledge-versions';

const THESAURUS = { groups: [] };

function setup() {
  const entries = new InMemoryKnowledgeRepository();
  const versions = new InMemoryKnowledgeVersions();
  const revision = new InMemoryKnowledgeRevision();
  const changes: number[] = [];
  let clock = Date.parse('2026-03-02T09:00:00.000Z');
  const sut = new KnowledgeEditorService({
    entries,
    versions,
    revision,
    onChanged: async (rev) => {
      changes.push(rev);
    },
    now: () => new Date((clock += 60_000)),
  });
  return { sut, entries, versions, revision, changes };
}

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('KnowledgeEditorService', () => {
  describe('createEntry', () => {
    it('gives a new entry the next kb number, version 1 and a "created" version by its author', async () => {
      const { sut, entries, changes } = setup();
      await entries.insert({ ...faqEntry('kb-084'), version: 3, updatedAt: '2026-01-01T00:00:00.000Z', updatedBy: 'import', importHash: 'h' });

      const created = await sut.createEntry(faqFields({ question: 'Wer hilft bei der E-Akte?', status: 'draft' }), ADMIN_ANNA);

      expect(created).toMatchObject({ id: 'kb-085', version: 1, updatedBy: 'aad-anna', importHash: null, status: 'draft' });
      expect(await entries.get('kb-085')).toEqual(created);
      const [version] = await sut.listVersions('kb-085');
      expect(version).toMatchObject({ version: 1, change: 'created', author: { id: 'aad-anna', name: 'Anna Admin' }, at: created.updatedAt });
      expect(version?.entry.question).toBe('Wer hilft bei der E-Akte?');
      expect(changes).toEqual([1]);
    });

    it('continues the kb sequence with at least three digits and ignores other id schemes', () => {
      expect(nextEntryId([])).toBe('kb-001');
      expect(nextEntryId(['kb-009', 'kb-010', 'faq-999', 'kb-x'])).toBe('kb-011');
      expect(nextEntryId(['kb-1234'])).toBe('kb-1235');
    });

    it('refuses an invalid entry with German messages by field and writes nothing', async () => {
      const { sut, entries, changes } = setup();
      const error = await rejection(sut.createEntry(faqFields({ question: 'Was', tags: [], reviewDate: '2027-02-30' }), ADMIN_ANNA));

      expect(error.code).toBe(ErrorCode.ValidationFailed);
      expect(error.details.fields).toEqual({
        question: 'Bitte mindestens 5 Zeichen eingeben.',
        tags: 'Bitte mindestens 1 Eintrag angeben.',
        reviewDate: 'Bitte ein gültiges Datum im Format JJJJ-MM-TT angeben.',
      });
      expect(await entries.count()).toBe(0);
      expect(changes).toEqual([]);
    });

    it('trims what was typed and normalises CRLF line ends of the answer', async () => {
      const { sut } = setup();
      const created = await sut.createEntry(
        faqFields({ question: '  Wie empfangen wir XRechnungen?  ', answer: 'Erster Absatz mit Text.\r\n\r\n- Punkt eins\r\n- Punkt zwei\r\n', alternativeQuestions: [' A-Frage ', ''] }),
        ADMIN_ANNA,
      );
      expect(created.question).toBe('Wie empfangen wir XRechnungen?');
      expect(created.answer).toBe('Erster Absatz mit Text.\n\n- Punkt eins\n- Punkt zwei');
      expect(created.alternativeQuestions).toEqual(['A-Frage']);
    });

    it('keeps a given id, and refuses one that is taken', async () => {
      const { sut } = setup();
      await sut.createEntry({ ...faqFields(), id: 'kb-500' }, ADMIN_ANNA);
      const error = await rejection(sut.createEntry({ ...faqFields(), id: 'kb-500' }, ADMIN_ANNA));
      expect(error.details.fields).toEqual({ id: 'Die ID „kb-500“ ist bereits vergeben.' });
    });
  });

  describe('updateEntry', () => {
    it('writes a new version with author and time; the history lists every version, newest first', async () => {
      const { sut, changes } = setup();
      const created = await sut.createEntry(faqFields(), ADMIN_ANNA);
      const updated = await sut.updateEntry(created.id, faqFields({ answer: 'Eine neue, geprüfte Antwort für alle Kommunen.' }), ADMIN_BERND, 1);

      expect(updated).toMatchObject({ version: 2, updatedBy: 'aad-bernd', answer: 'Eine neue, geprüfte Antwort für alle Kommunen.' });
      const history = await sut.listVersions(created.id);
      expect(history.map((v) => [v.version, v.change, v.author.name])).toEqual([
        [2, 'updated', 'Bernd Berater'],
        [1, 'created', 'Anna Admin'],
      ]);
      expect(history[1]?.entry.answer).toBe(faqFields().answer);
      expect(changes).toEqual([1, 2]);
    });

    it('fails with VERSION_CONFLICT when the expected version is stale, and keeps the other change', async () => {
      const { sut, entries } = setup();
      const created = await sut.createEntry(faqFields(), ADMIN_ANNA);
      await sut.updateEntry(created.id, faqFields({ owner: 'Team Datenschutz' }), ADMIN_BERND, 1);

      const error = await rejection(sut.updateEntry(created.id, faqFields({ owner: 'Geschäftsstelle' }), ADMIN_ANNA, 1));
      expect(error.code).toBe(ErrorCode.VersionConflict);
      expect(error.details).toMatchObject({ entryId: created.id, expectedVersion: 1, currentVersion: 2 });
      expect((await entries.get(created.id))?.owner).toBe('Team Datenschutz');
    });

    it('loses a race between reading and writing with VERSION_CONFLICT (conditional replace)', async () => {
      const { sut, entries } = setup();
      const created = await sut.createEntry(faqFields(), ADMIN_ANNA);
      const replace = entries.replace.bind(entries);
      jest.spyOn(entries, 'replace').mockImplementationOnce(async (entry, expected) => {
        await replace({ ...entry, owner: 'Team Datenschutz' }, expected);
        return replace(entry, expected);
      });
      const error = await rejection(sut.updateEntry(created.id, faqFields({ owner: 'Geschäftsstelle' }), ADMIN_ANNA, 1));
      expect(error.code).toBe(ErrorCode.VersionConflict);
      expect((await sut.listVersions(created.id)).map((v) => v.version)).toEqual([2, 1]);
    });

    it('writes no version when nothing changed', async () => {
      const { sut, changes } = setup();
      const created = await sut.createEntry(faqFields(), ADMIN_ANNA);
      const same = await sut.updateEntry(created.id, faqFields(), ADMIN_BERND, 1);
      expect(same.version).toBe(1);
      expect(await sut.listVersions(created.id)).toHaveLength(1);
      expect(changes).toEqual([1]);
    });

    it('answers NOT_FOUND for an unknown entry and field errors for invalid fields', async () => {
      const { sut } = setup();
      expect((await rejection(sut.updateEntry('kb-404', faqFields(), ADMIN_ANNA, 1))).code).toBe(ErrorCode.NotFound);
      const created = await sut.createEntry(faqFields(), ADMIN_ANNA);
      const error = await rejection(sut.updateEntry(created.id, faqFields({ status: 'archived' as never, tags: ['XRechnung'] }), ADMIN_ANNA, 1));
      expect(error.details.fields).toEqual({
        tags: '„XRechnung“: Schlagwörter bestehen aus Kleinbuchstaben, Ziffern, inneren Leerzeichen und „. / & + -“.',
        status: 'Bitte „draft“, „published“ oder „retired“ wählen.',
      });
    });
  });

  describe('restoreVersion', () => {
    it('brings back an earlier version as a new version, naming the restored one', async () => {
      const { sut } = setup();
      const created = await sut.createEntry(faqFields(), ADMIN_ANNA);
      await sut.updateEntry(created.id, faqFields({ answer: 'Eine fehlerhafte Änderung der Antwort für Kommunen.' }), ADMIN_BERND, 1);

      const restored = await sut.restoreVersion(created.id, 1, ADMIN_ANNA, 2);
      expect(restored).toMatchObject({ version: 3, answer: faqFields().answer, updatedBy: 'aad-anna' });
      const [latest] = await sut.listVersions(created.id);
      expect(latest).toMatchObject({ version: 3, change: 'restored', restoredFrom: 1, author: ADMIN_ANNA });
    });

    it('checks the expected version and the existence of the version', async () => {
      const { sut } = setup();
      const created = await sut.createEntry(faqFields(), ADMIN_ANNA);
      await sut.updateEntry(created.id, faqFields({ owner: 'Team Datenschutz' }), ADMIN_ANNA, 1);
      expect((await rejection(sut.restoreVersion(created.id, 1, ADMIN_ANNA, 1))).code).toBe(ErrorCode.VersionConflict);
      expect((await rejection(sut.restoreVersion(created.id, 7, ADMIN_ANNA, 2))).code).toBe(ErrorCode.NotFound);
    });
  });

  describe('addAlternativeQuestions', () => {
    it('adds only new phrasings (case-insensitive, also against the main question)', async () => {
      const { sut } = setup();
      const created = await sut.createEntry(faqFields(), ADMIN_ANNA);
      const updated = await sut.addAlternativeQuestions(created.id, ['xrechnung empfang', 'WIE EMPFANGEN WIR XRECHNUNGEN?', 'Wo landen XRechnungen?', ' '], ADMIN_BERND);
      expect(updated.alternativeQuestions).toEqual([...faqFields().alternativeQuestions, 'Wo landen XRechnungen?']);
      expect(updated.version).toBe(2);

      const unchanged = await sut.addAlternativeQuestions(created.id, ['Wo landen XRechnungen?'], ADMIN_BERND);
      expect(unchanged.version).toBe(2);
    });

    it('fails on a stale expected version; without one it applies to the latest version', async () => {
      const { sut } = setup();
      const created = await sut.createEntry(faqFields(), ADMIN_ANNA);
      await sut.updateEntry(created.id, faqFields({ owner: 'Team Datenschutz' }), ADMIN_ANNA, 1);
      expect((await rejection(sut.addAlternativeQuestions(created.id, ['Neue Frage?'], ADMIN_BERND, 1))).code).toBe(ErrorCode.VersionConflict);
      const updated = await sut.addAlternativeQuestions(created.id, ['Neue Frage?'], ADMIN_BERND);
      expect(updated).toMatchObject({ version: 3, owner: 'Team Datenschutz' });
    });

    it('refuses more than 20 alternative questions', async () => {
      const { sut } = setup();
      const created = await sut.createEntry(faqFields(), ADMIN_ANNA);
      const many = Array.from({ length: 19 }, (_, i) => `Ganz andere Frage Nummer ${i}?`);
      const error = await rejection(sut.addAlternativeQuestions(created.id, many, ADMIN_ANNA));
      expect(error.details.fields).toEqual({ alternativeQuestions: 'Höchstens 20 Einträge.' });
    });
  });

  describe('with npm run kb:import', () => {
    it('keeps the import hash, so kb:import reports an entry edited in the dashboard instead of overwriting it', async () => {
      const { sut, entries } = setup();
      await importKnowledge(entries, [faqEntry('kb-013')], THESAURUS);
      await sut.updateEntry('kb-013', faqFields({ answer: 'Im Dashboard redaktionell verbesserte Antwort.' }), ADMIN_ANNA, 1);
      expect((await entries.get('kb-013'))?.importHash).toBe(contentHash(faqEntry('kb-013')));

      const report = await importKnowledge(entries, [faqEntry('kb-013', { answer: 'Eine neue Fassung aus den Dateien für Kommunen.' })], THESAURUS);
      expect(report.keptStoreEdits).toEqual(['kb-013']);
      expect((await entries.get('kb-013'))?.answer).toBe('Im Dashboard redaktionell verbesserte Antwort.');

      const again = await importKnowledge(entries, [faqEntry('kb-013')], THESAURUS);
      expect(again.keptStoreEdits).toEqual(['kb-013']);
    });

    it('shows the imported state as baseline version and records it with the first edit, so it can be restored', async () => {
      const { sut, entries } = setup();
      await importKnowledge(entries, [faqEntry('kb-013')], THESAURUS);
      expect((await sut.listVersions('kb-013')).map((v) => [v.version, v.change, v.author.name])).toEqual([[1, 'baseline', 'kb:import']]);

      await sut.updateEntry('kb-013', faqFields({ owner: 'Team Datenschutz' }), ADMIN_ANNA, 1);
      expect((await sut.listVersions('kb-013')).map((v) => [v.version, v.change])).toEqual([
        [2, 'updated'],
        [1, 'baseline'],
      ]);
      await sut.restoreVersion('kb-013', 1, ADMIN_ANNA, 2);
      const report = await importKnowledge(entries, [faqEntry('kb-013')], THESAURUS);
      expect(report.unchanged).toEqual(['kb-013']);
    });
  });

  describe('importEntries', () => {
    it('creates and updates entries with one revision bump, as versions of the importing admin', async () => {
      const { sut, changes } = setup();
      await sut.createEntry({ ...faqFields(), id: 'kb-001' }, ADMIN_ANNA);
      await sut.createEntry({ ...faqFields({ question: 'Was bleibt gleich hier?' }), id: 'kb-002' }, ADMIN_ANNA);

      const summary = await sut.importEntries(
        [
          { ...faqFields({ owner: 'Team Datenschutz' }), id: 'kb-001' },
          { ...faqFields({ question: 'Was bleibt gleich hier?' }), id: 'kb-002' },
          { ...faqFields({ question: 'Eine ganz neue Frage?' }), id: 'kb-010' },
          faqFields({ question: 'Eine Frage ohne ID?' }),
        ],
        ADMIN_BERND,
      );
      expect(summary).toEqual({ created: ['kb-010', 'kb-011'], updated: ['kb-001'], unchanged: ['kb-002'] });
      expect((await sut.listVersions('kb-001'))[0]).toMatchObject({ version: 2, change: 'imported', author: ADMIN_BERND });
      expect(changes).toEqual([1, 2, 3]);
    });

    it('writes nothing when one entry is invalid or an id repeats', async () => {
      const { sut, entries, changes } = setup();
      const error = await rejection(
        sut.importEntries(
          [{ ...faqFields(), id: 'kb-001' }, { ...faqFields({ answer: 'kurz' }), id: 'kb-002' }, { ...faqFields(), id: 'kb-001' }],
          ADMIN_ANNA,
        ),
      );
      expect(error.details.entries).toEqual([
        { index: 1, fields: { answer: 'Bitte mindestens 20 Zeichen eingeben.' } },
        { index: 2, fields: { id: 'Die ID „kb-001“ kommt mehrfach vor.' } },
      ]);
      expect(await entries.count()).toBe(0);
      expect(changes).toEqual([]);
    });
  });
});
