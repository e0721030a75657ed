import { Decompounder } from '../../../src/nlp/decompounder';

function createSut(words: string[]): Decompounder {
  const known = new Set(words);
  return new Decompounder({ isKnownPart: (word) => known.has(word) });
}

describe('Decompounder', () => {
  const sut = createSut(['datenschutz', 'daten', 'schutz', 'folgen', 'abschaetzung', 'folgenabschaetzung', 'auftrag', 'verarbeitung', 'vertrag', 'rat', 'haus']);

  it('splits Datenschutzfolgenabschätzung into its parts at every level', () => {
    const split = sut.split('datenschutzfolgenabschaetzung');
    expect(split?.parts).toEqual(['datenschutz', 'folgenabschaetzung']);
    expect(split?.allParts).toEqual(expect.arrayContaining(['daten', 'schutz', 'folgen', 'abschaetzung']));
  });

  it('handles the linking s (Fugen-s)', () => {
    expect(sut.split('auftragsverarbeitungsvertrag')?.parts).toEqual(['auftrag', 'verarbeitung', 'vertrag']);
  });

  it('does not split short words or words that are not compounds of known words', () => {
    expect(sut.split('rathaus')).not.toBeNull(); // 7 letters, two known parts
    expect(sut.split('haus')).toBeNull();
    expect(sut.split('beratung')).toBeNull();
    expect(sut.split('datenkrake')).toBeNull();
  });

  it('finds the known head of a partly unknown compound (query side)', () => {
    expect(sut.knownPartOf('hundesteuervertrag')).toBe('vertrag');
  });
});
