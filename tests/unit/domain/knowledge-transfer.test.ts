import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { FaqEntry } from '../../../src/domain/knowledge/faq-entry';
import { FaqFileSchema } from '../../../src/domain/knowledge/faq-entry.schema';
import { parseCsv } from '../../../src/domain/knowledge/csv';
import { detectTransferFormat, exportFaqCsv, exportFaqJson, parseFaqTransfer } from '../../../src/domain/knowledge/knowledge-transfer';
import { faqEntry } from '../../support/factories/faq-entries';

/** Entries with everything that tends to break a CSV or JSON round trip. */
const TRICKY: readonly FaqEntry[] = [
  faqEntry('kb-001', {
    question: 'Gilt „Once-Only“ auch für Gebühren; und wer zahlt?',
    alternativeQuestions: ['Once-Only | Gebühren', '"Zitat" in der Frage', 'Pfad C:\\Daten\\|Export', '-Minus am Anfang', '=SUMME(A1)'],
    answer:
      'Ja; **grundsätzlich** schon.\n\n- erster Punkt mit "Anführungszeichen"\n- zweiter Punkt; mit Semikolon\n\n1. Schritt eins\n2. Schritt zwei\n\nÄrger über Übergänge? Größe, Maß, Straße.',
    tags: ['once-only', 'gebühren', 'ä/ö/ü'],
    source: "Art. 3 Abs. 1 OZG; 'Kommentar'",
    owner: 'Geschäftsstelle',
    reviewDate: '2027-02-28',
    status: 'draft',
  }),
  faqEntry('kb-002', { answer: '- Eine Antwort, die mit einer Liste beginnt\n- und zwei Punkte hat', alternativeQuestions: [], status: 'retired' }),
  faqEntry('kb-003', { answer: "'Zitat am Anfang und @Erwähnung bleiben erhalten, auch +49 oder =1." }),
];

describe('knowledge export and import', () => {
  it('JSON: export then import gives the same entries, in a valid knowledge/faq file', () => {
    const text = exportFaqJson(TRICKY);
    expect(FaqFileSchema.parse(JSON.parse(text))).toMatchObject({ $schema: '../schema/faq-file.schema.json', entries: TRICKY });
    expect(parseFaqTransfer(text)).toEqual({ ok: true, entries: TRICKY });
  });

  it('CSV: export then import gives the same entries (quotes, semicolons, line breaks, umlauts, pipes, formulas)', () => {
    const text = exportFaqCsv(TRICKY);
    expect(text.startsWith('\uFEFFid;question;alternativeQuestions;answer;category;tags;source;owner;reviewDate;status\r\n')).toBe(true);
    expect(detectTransferFormat(text)).toBe('csv');
    expect(parseFaqTransfer(text)).toEqual({ ok: true, entries: TRICKY });
  });

  it('CSV: joins list fields with " | " and keeps Excel from reading cells as formulas', () => {
    const rows = parseCsv(exportFaqCsv(TRICKY));
    if (!rows.ok) throw rows;
    const [header, first, second] = rows.records;
    const cell = (row: typeof first, name: string) => row!.fields[header!.fields.indexOf(name)];
    expect(cell(first, 'tags')).toBe('once-only | gebühren | ä/ö/ü');
    expect(cell(first, 'alternativeQuestions')).toBe('Once-Only \\| Gebühren | "Zitat" in der Frage | Pfad C:\\\\Daten\\\\\\|Export | -Minus am Anfang | =SUMME(A1)');
    expect(cell(second, 'answer')).toBe("'- Eine Antwort, die mit einer Liste beginnt\n- und zwei Punkte hat");
  });

  it('CSV: reads what Excel writes back (CRLF inside cells, no BOM, unquoted simple cells)', () => {
    const text = exportFaqCsv(TRICKY).replace(/^\uFEFF/, '').replace(/(?<!\r)\n/g, '\r\n');
    expect(parseFaqTransfer(text)).toEqual({ ok: true, entries: TRICKY });
  });

  it('round-trips the whole curated FAQ of knowledge/faq through CSV and JSON', () => {
    const dir = path.join(__dirname, '..', '..', '..', 'knowledge', 'faq');
    const entries = readdirSync(dir)
      .filter((name) => name.endsWith('.json'))
      .flatMap((name) => FaqFileSchema.parse(JSON.parse(readFileSync(path.join(dir, name), 'utf8'))).entries);
    expect(entries.length).toBeGreaterThanOrEqual(80);
    expect(parseFaqTransfer(exportFaqCsv(entries))).toEqual({ ok: true, entries });
    expect(parseFaqTransfer(exportFaqJson(entries))).toEqual({ ok: true, entries });
  });

  it('CSV: names the line of every problem, counting line breaks inside quoted answers', () => {
    const header = 'id;question;alternativeQuestions;answer;category;tags;source;owner;reviewDate;status';
    const good = 'kb-001;Wie empfangen wir XRechnungen?;;"Eine Antwort\nüber zwei Zeilen, lang genug.";Rechnung;xrechnung;OZG-Leitfaden;Team Onlinezugang;2027-01-31;published';
    const noQuestion = 'kb-002;;;Eine Antwort, die lang genug ist.;Rechnung;xrechnung;OZG-Leitfaden;Team Onlinezugang;2027-01-31;published';
    const badDate = 'kb-003;Eine gültige Frage?;;Eine Antwort, die lang genug ist.;Rechnung;xrechnung;OZG-Leitfaden;Team Onlinezugang;31.01.2027;published';
    const text = [header, good, good.replace('kb-001', 'kb-004'), noQuestion, '', badDate, good].join('\r\n');

    const result = parseFaqTransfer(text);
    expect(result).toEqual({
      ok: false,
      problems: [
        "Zeile 6: Feld 'question' fehlt",
        "Zeile 8: Feld 'reviewDate': Bitte ein gültiges Datum im Format JJJJ-MM-TT angeben.",
        "Zeile 9: ID 'kb-001' kommt mehrfach vor (auch Zeile 2)",
      ],
    });
  });

  it('CSV: reports missing and unknown columns, too many cells and an open quote', () => {
    expect(parseFaqTransfer('id;question;answer;farbe\r\nkb-1;x;y;z')).toMatchObject({
      ok: false,
      problems: expect.arrayContaining(["Zeile 1: Spalte 'tags' fehlt (Trennzeichen ist „;“)", "Zeile 1: Unbekannte Spalte 'farbe'"]),
    });
    const header = 'id;question;alternativeQuestions;answer;category;tags;source;owner;reviewDate;status';
    expect(parseFaqTransfer(`${header}\r\nkb-1;a;b;c;d;e;f;g;h;i;j`)).toEqual({
      ok: false,
      problems: ['Zeile 2: 11 Werte statt 10 (Text mit „;“ muss in Anführungszeichen stehen)'],
    });
    expect(parseFaqTransfer(`${header}\r\nkb-1;"offen`)).toEqual({ ok: false, problems: ['Zeile 2: Anführungszeichen nicht geschlossen.'] });
  });

  it('JSON: names the line of the entry with the problem, and unknown fields', () => {
    const entries = [faqEntry('kb-001'), { ...faqEntry('kb-002'), question: undefined }, { ...faqEntry('kb-003'), farbe: 'blau' }];
    const text = JSON.stringify({ entries }, null, 2);
    const lineOf = (id: string) => text.split('\n').findIndex((line) => line.includes(`"${id}"`));
    // The entry's "{" is on the line before its "id".
    expect(parseFaqTransfer(text)).toEqual({
      ok: false,
      problems: [`Zeile ${lineOf('kb-002')}: Feld 'question' fehlt`, `Zeile ${lineOf('kb-003')}: Unbekanntes Feld 'farbe'`],
    });
  });

  it('JSON: reports broken JSON with its line, and a file without entries', () => {
    expect(parseFaqTransfer('{\n  "entries": [\n    {,\n  ]\n}', 'json')).toEqual({ ok: false, problems: ['Zeile 3: Kein gültiges JSON.'] });
    expect(parseFaqTransfer('{"eintraege": []}')).toMatchObject({ ok: false, problems: [expect.stringMatching(/^Zeile 1: Erwartet wird/)] });
    expect(parseFaqTransfer('{"entries": []}')).toEqual({ ok: false, problems: ['Die Datei enthält keine Einträge.'] });
  });

  it('an entry without id is imported as a new entry', () => {
    const { id: _id, ...withoutId } = faqEntry('kb-001');
    expect(parseFaqTransfer(JSON.stringify({ entries: [withoutId] }))).toEqual({ ok: true, entries: [withoutId] });
    const csv = exportFaqCsv([faqEntry('kb-001')]).replace('\r\nkb-001;', '\r\n;');
    expect(parseFaqTransfer(csv)).toEqual({ ok: true, entries: [withoutId] });
  });
});
