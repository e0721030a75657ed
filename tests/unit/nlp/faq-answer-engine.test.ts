import type { FaqEntry } from '../../../src/domain/knowledge/faq-entry';
import { FaqAnswerEngine } from '../../../src/nlp/faq-answer-engine';
import { createLoadedEngine, loadFixtureEntries } from './nlp-fixtures';

function entry(id: string, question: string, answer: string, tags: string[] = []): FaqEntry {
  return { id, question, alternativeQuestions: [], answer, category: 'Test', tags, source: 's', owner: 'o', reviewDate: '2030-01-01', status: 'published' };
}

describe('FaqAnswerEngine', () => {
  const sut = createLoadedEngine();

  it('indexes every loaded entry', () => {
    expect(sut.size).toBe(loadFixtureEntries().length);
  });

  it('answers a clear question with the matching entry', () => {
    const result = sut.answer('Wann ist eine Datenschutz-Folgenabschätzung erforderlich?');
    expect(result.outcome).toBe('answer');
    expect(result.candidates[0]?.entryId).toBe('t-01');
    expect(result.candidates[0]?.confidence).toBeGreaterThan(0.5);
  });

  it('says none to an off-topic question', () => {
    const result = sut.answer('Wie wird das Wetter morgen?');
    expect(result.outcome).toBe('none');
    expect(result.choiceCount).toBe(0);
  });

  it('tolerates typos and missing umlauts', () => {
    expect(sut.answer('Datenschutzfolgenabschaetzung').candidates[0]?.entryId).toBe('t-01');
    expect(sut.answer('Xrechung empfangen').candidates[0]?.entryId).toBe('t-02');
    expect(sut.answer('Pasword Anforderungen').candidates[0]?.entryId).toBe('t-04');
  });

  it('expands thesaurus abbreviations: DSFA finds the Datenschutz-Folgenabschätzung', () => {
    expect(sut.answer('DSFA').candidates[0]?.entryId).toBe('t-01');
    expect(sut.answer('Brauchen wir einen AVV?').candidates[0]?.entryId).toBe('t-11');
    expect(sut.answer('Perso online nutzen BundID').candidates[0]?.entryId).toBe('t-05');
  });

  it('matches compound parts: "Vertrag Auftragsverarbeitung" finds the Auftragsverarbeitungsvertrag', () => {
    expect(sut.answer('Vertrag für Auftragsverarbeitung').candidates[0]?.entryId).toBe('t-11');
  });

  it('ranks a match in the question above a match in the answer only', () => {
    const engine = new FaqAnswerEngine();
    engine.load(
      [
        entry('answer-only', 'Wie organisieren wir Besprechungen?', 'Für Besprechungen eignet sich auch eine Videokonferenz mit guter Planung.'),
        entry('title', 'Welche Videokonferenz eignet sich?', 'Achten Sie auf Datenschutz und Verschlüsselung.'),
      ],
      { groups: [] },
    );
    expect(engine.answer('Videokonferenz').candidates.map((c) => c.entryId)).toEqual(['title', 'answer-only']);
  });

  it('offers 2-3 choices when two entries fit about equally', () => {
    const engine = new FaqAnswerEngine({ thresholds: { answer: 0.99, choices: 0.01 } });
    engine.load(loadFixtureEntries(), { groups: [] });
    const result = engine.answer('Anforderungen');
    expect(result.outcome).toBe('choices');
    expect(result.choiceCount).toBeGreaterThanOrEqual(2);
    expect(result.choiceCount).toBeLessThanOrEqual(3);
  });

  it('scores only documents in the posting lists of the query terms (no scan of all entries)', () => {
    const engine = new FaqAnswerEngine();
    const many = Array.from({ length: 500 }, (_, i) => entry(`e-${i}`, `Frage Nummer ${i} zur Verwaltung`, 'Allgemeine Antwort ohne Bezug.'));
    many.push(entry('needle', 'Was ist ePayBL?', 'ePayBL ist eine Bezahlplattform.'));
    engine.load(many, { groups: [] });
    const result = engine.answer('ePayBL');
    expect(result.candidates[0]?.entryId).toBe('needle');
    expect(engine.lastSearchStats.documentsScored).toBe(1);
    expect(engine.lastSearchStats.postingsVisited).toBeLessThan(5);
  });

  it.each([
    ['empty', ''],
    ['whitespace', '   \n\t  '],
    ['10k characters', 'Datenschutz '.repeat(900)],
    ['emoji', '😀🙈🔥 ??? 🤖'],
    ['control characters', '\u0000\u0001\u001f\u007f DSFA \u200b'],
    ['only punctuation', '!!!???...---///'],
    ['non-Latin script', 'Как дела? 你好'],
    ['lone surrogate', '\ud800abc'],
  ])('never throws on %s input', (_name, input) => {
    expect(() => sut.answer(input)).not.toThrow();
    const result = sut.answer(input);
    expect(['answer', 'choices', 'none']).toContain(result.outcome);
    for (const candidate of result.candidates) {
      expect(candidate.confidence).toBeGreaterThanOrEqual(0);
      expect(candidate.confidence).toBeLessThanOrEqual(1);
    }
  });

  it('counts the unknown part of a half-known hyphenated word as unknown', () => {
    const known = sut.explain('Datenschutz-Folgenabschätzung').features;
    const halfKnown = sut.explain('Datenschutz-Quarkwolkenstapel').features;
    expect(known?.unknownShare).toBe(0);
    expect(halfKnown?.unknownShare).toBeGreaterThan(0.4);
    expect(halfKnown?.coverage ?? 1).toBeLessThan(known?.coverage ?? 0);
  });

  it('answers none before anything is loaded', () => {
    expect(new FaqAnswerEngine().answer('DSFA')).toEqual({ outcome: 'none', candidates: [], choiceCount: 0 });
  });
});
