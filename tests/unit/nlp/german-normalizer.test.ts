import { GermanAnalyzer } from '../../../src/nlp/german-analyzer';
import { foldGerman, normalizeGerman } from '../../../src/nlp/german-normalizer';

describe('normalizeGerman', () => {
  it('folds umlauts and ß the way people type them without umlaut keys', () => {
    expect(normalizeGerman('Größere Übermittlung ÄNDERN')).toBe('groessere uebermittlung aendern');
    expect(normalizeGerman('Straße')).toBe('strasse');
  });

  it('treats decomposed (NFD) input like composed input', () => {
    const decomposed = 'Bu\u0308rger'; // u + combining diaeresis
    expect(normalizeGerman(decomposed)).toBe(normalizeGerman('Bürger'));
    expect(normalizeGerman(decomposed)).toBe('buerger');
  });

  it('strips other diacritics and control characters', () => {
    expect(normalizeGerman('Café\u0000Crème')).toBe('cafe creme');
  });

  it('keeps case in foldGerman (nouns stay recognisable)', () => {
    expect(foldGerman('Äpfel')).toBe('Aepfel');
  });
});

describe('GermanAnalyzer', () => {
  const sut = new GermanAnalyzer();

  it('tokenises capital umlauts, hyphenated words and slashes', () => {
    const tokens = sut.tokenize('ÄNDERUNG der Datenschutz-Folgenabschätzung und S/MIME');
    const words = tokens.map((token) => token.word);
    expect(words).toEqual(['aenderung', 'der', 'datenschutzfolgenabschaetzung', 'und', 'smime']);
    expect(tokens[2]?.hyphenParts).toEqual(['datenschutz', 'folgenabschaetzung']);
    expect(tokens[1]?.stop).toBe(true);
  });

  it('stems inflected forms, participles and nominalisations to one stem', () => {
    expect(sut.stem('rechnungen')).toBe(sut.stem('rechnung'));
    expect(sut.stem('gemeldet')).toBe(sut.stem('meldung'));
    expect(sut.stem('unterstuetzt')).toBe(sut.stem('unterstuetzung'));
    expect(sut.stem('digitalisieren')).toBe(sut.stem('digitalisierung'));
  });

  it('keeps known stem collisions apart (stemmer overrides): Rechner is not Rechnung', () => {
    expect(sut.stem('rechnern')).toBe(sut.stem('rechner'));
    expect(sut.stem('rechner')).not.toBe(sut.stem('rechnung'));
  });

  it('treats number words and question words like "worum" as stop words', () => {
    const tokens = sut.tokenize('worum geht es bei eins zu eins');
    expect(tokens.filter((token) => !token.stop).map((token) => token.word)).toEqual([]);
  });

  it('typed umlauts (ue) and real umlauts give the same stem', () => {
    const [typed] = sut.tokenize('Buergerin');
    const [real] = sut.tokenize('Bürgerin');
    expect(typed?.stem).toBe(real?.stem);
  });
});
