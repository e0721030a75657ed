import { DamerauLevenshteinDistance } from 'natural/lib/natural/distance';
import { boundedOsaDistance, FuzzyVocabulary } from '../../../src/nlp/fuzzy-vocabulary';

describe('FuzzyVocabulary', () => {
  const sut = new FuzzyVocabulary();
  const words = ['xrechnung', 'datenschutzfolgenabschaetzung', 'rechenzentrum', 'serverraum', 'zweckverband', 'passwort'];
  words.forEach((word, i) => sut.add(word, i));
  // many unrelated words that a lookup must not compare against
  for (let i = 0; i < 2000; i += 1) sut.add(`wort${i.toString(36)}abc`, 0);

  it('corrects typical typos within the length-dependent budget', () => {
    expect(sut.nearest('xrechung')?.word).toBe('xrechnung');
    expect(sut.nearest('severraum')?.word).toBe('serverraum');
    expect(sut.nearest('zweckverbnd')?.word).toBe('zweckverband');
    expect(sut.nearest('datenschutzfolgenabschaezung')?.word).toBe('datenschutzfolgenabschaetzung');
  });

  it('does not correct short words or far-off words', () => {
    expect(sut.nearest('pass')).toBeNull();
    expect(sut.nearest('kartoffel')).toBeNull();
  });

  it('compares only a bucket of candidates, not the whole vocabulary', () => {
    sut.nearest('xrechung');
    expect(sut.lastComparisons).toBeLessThan(10);
  });
});

describe('boundedOsaDistance', () => {
  it('agrees with natural DamerauLevenshteinDistance (restricted) within the budget', () => {
    const pairs: [string, string][] = [
      ['xrechung', 'xrechnung'],
      ['patchmanagment', 'patchmanagement'],
      ['ab', 'ba'],
      ['verzeichniss', 'verzeichnis'],
      ['kartoffel', 'xrechnung'],
      ['rechenzentum', 'rechenzentrum'],
      ['abcdef', 'abdcfe'],
    ];
    for (const [a, b] of pairs) {
      const expected = DamerauLevenshteinDistance(a, b, { restricted: true });
      expect(boundedOsaDistance(a, b, 2)).toBe(Math.min(expected, 3));
    }
  });
});
