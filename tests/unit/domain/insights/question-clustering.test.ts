import { clusterQuestions, jaccard } from '../../../../src/domain/insights/question-clustering';
import type { ClusterableQuestion, QuestionTermExtractor } from '../../../../src/domain/insights/question-clustering';
import { GermanQuestionTerms } from '../../../../src/nlp/question-terms';

const terms = new GermanQuestionTerms();

let seq = 0;
function q(text: string, askedAt = '2026-03-10T10:00:00.000Z'): ClusterableQuestion {
  seq += 1;
  return { id: `q${String(seq).padStart(3, '0')}`, text, askedAt };
}

/** The groups as lists of texts, for readable assertions. */
function texts(questions: readonly ClusterableQuestion[], extractor: QuestionTermExtractor = terms): string[][] {
  return clusterQuestions(questions, extractor).map((cluster) => cluster.members.map((member) => member.text).sort());
}

/** A deterministic shuffle (seeded), so the test is reproducible. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  const result = [...items];
  let state = seed;
  for (let i = result.length - 1; i > 0; i -= 1) {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    const j = state % (i + 1);
    [result[i], result[j]] = [result[j]!, result[i]!];
  }
  return result;
}

const GERMAN_QUESTIONS = [
  q('xrechnung empfangen'),
  q('XRechnungen empfangen wie', '2026-03-11T08:00:00.000Z'),
  q('Wie kann ich eine XRechnung empfangen?'),
  q('X-Rechnung empfangen im Rathaus?'),
  q('Passwort vergessen'),
  q('Ich habe mein Passwort vergessen, was tun?'),
  q('Wo beantrage ich eine Meldebescheinigung?'),
  q('Meldebescheinigung beantragen'),
  q('Wer ist für die DSGVO-Auskunft zuständig?'),
];

describe('clusterQuestions', () => {
  it('groups German phrasings of the same question: "xrechnung empfangen" and "XRechnungen empfangen wie"', () => {
    const stems = terms.terms('XRechnungen empfangen wie');
    expect(stems).toEqual(terms.terms('xrechnung empfangen'));
    expect(texts(GERMAN_QUESTIONS)).toEqual([
      ['Wie kann ich eine XRechnung empfangen?', 'X-Rechnung empfangen im Rathaus?', 'XRechnungen empfangen wie', 'xrechnung empfangen'],
      ['Meldebescheinigung beantragen', 'Wo beantrage ich eine Meldebescheinigung?'],
      ['Ich habe mein Passwort vergessen, was tun?', 'Passwort vergessen'],
      ['Wer ist für die DSGVO-Auskunft zuständig?'],
    ]);
  });

  it('gives the same groups, keys, representatives and order whatever the input order', () => {
    const reference = clusterQuestions(GERMAN_QUESTIONS, terms);
    for (const seed of [1, 7, 42, 1234]) {
      expect(clusterQuestions(shuffled(GERMAN_QUESTIONS, seed), terms)).toEqual(reference);
    }
  });

  it('takes the most frequent phrasing as representative and lists members newest first', () => {
    const questions = [
      q('Passwort vergessen', '2026-03-01T09:00:00.000Z'),
      q('passwort  vergessen', '2026-03-02T09:00:00.000Z'),
      q('Passwort vergessen – was nun?', '2026-03-03T09:00:00.000Z'),
    ];
    const [cluster] = clusterQuestions(questions, terms);
    expect(cluster!.representative.text).toBe('Passwort vergessen');
    expect(cluster!.members.map((member) => member.askedAt)).toEqual(['2026-03-03T09:00:00.000Z', '2026-03-02T09:00:00.000Z', '2026-03-01T09:00:00.000Z']);
  });

  it('compares with the group leader only, so similarity does not chain across unrelated questions', () => {
    // a-b ~ b-c ~ c-d (Jaccard 1/3 each), but a-b and c-d share nothing
    const letters: QuestionTermExtractor = { terms: (text) => text.split(' ') };
    const questions = [q('a b'), q('a b'), q('b c'), q('c d'), q('c d')];
    expect(clusterQuestions(questions, letters, { threshold: 0.3 }).map((cluster) => cluster.members.map((m) => m.text))).toEqual([
      ['a b', 'a b', 'b c'],
      ['c d', 'c d'],
    ]);
  });

  it('keeps questions without content words apart unless they are the same phrasing', () => {
    expect(texts([q('Wie geht das?'), q('wie geht das?'), q('Was ist das?')])).toEqual([['Wie geht das?', 'wie geht das?'], ['Was ist das?']]);
  });

  it('computes Jaccard similarity', () => {
    expect(jaccard(new Set(['a', 'b']), new Set(['b', 'c']))).toBeCloseTo(1 / 3);
    expect(jaccard(new Set(), new Set())).toBe(0);
  });
});
