import type { AdaptiveCard } from '../../../src/bot/cards/adaptive-card';
import { buildAnswerCard } from '../../../src/bot/cards/answer.card';
import { parseCardSubmit } from '../../../src/bot/cards/card-actions';
import { buildChoicesCard } from '../../../src/bot/cards/choices.card';
import { toPlainText } from '../../../src/bot/cards/plain-text';
import { textsFor } from '../../../src/bot/texts';
import { BUNDID, XRECHNUNG_RECEIVE, XRECHNUNG_SEND, XRECHNUNG_VALIDATE } from '../../support/fakes/sample-faq';

const ELEMENT_TYPES = new Set(['TextBlock', 'FactSet']);

/**
 * Structural problems of a card against the Adaptive Cards 1.5 subset we use: required top-level
 * fields, known element types with non-empty text, Action.Submit with a title and data carrying
 * an action type, no colour-only information.
 */
function problemsOf(card: AdaptiveCard): string[] {
  const problems: string[] = [];
  const json = JSON.parse(JSON.stringify(card)) as Record<string, unknown>;
  if (JSON.stringify(json) !== JSON.stringify(card)) problems.push('not plain JSON');
  if (json.type !== 'AdaptiveCard') problems.push('type');
  if (json.version !== '1.5') problems.push('version');
  if (json.$schema !== 'http://adaptivecards.io/schemas/adaptive-card.json') problems.push('$schema');
  for (const key of ['speak', 'fallbackText', 'lang'] as const) {
    if (typeof json[key] !== 'string' || !(json[key] as string).trim()) problems.push(`missing ${key}`);
  }
  for (const element of card.body) {
    if (!ELEMENT_TYPES.has(element.type)) problems.push(`element type ${element.type}`);
    if (element.type === 'TextBlock' && (!element.text.trim() || element.wrap !== true)) problems.push('TextBlock without text or wrap');
    if (element.type === 'FactSet' && element.facts.some((fact) => !fact.title.trim() || !fact.value.trim())) problems.push('empty fact');
  }
  if (/"(color|backgroundColor)"/.test(JSON.stringify(card))) problems.push('information carried by colour');
  if (card.actions.length === 0) problems.push('no actions');
  for (const action of card.actions) {
    if (action.type !== 'Action.Submit') problems.push(`action type ${action.type}`);
    if (!action.title.trim()) problems.push('action without title');
    if (typeof action.data?.action !== 'string' || !action.data.action) problems.push('submit data without action type');
    if ('style' in action) problems.push('action meaning carried by style');
  }
  return problems;
}

describe('answer card', () => {
  const sut = buildAnswerCard({ entry: XRECHNUNG_RECEIVE, questionId: 'q-7', texts: textsFor('de-DE'), lang: 'de' });

  it('is a valid Adaptive Card 1.5 whose every submit carries an action type', () => {
    expect(problemsOf(sut)).toEqual([]);
  });

  it('shows the entry question as a medium bold wrapped heading, then the answer as Markdown', () => {
    expect(sut.body[0]).toEqual({ type: 'TextBlock', text: XRECHNUNG_RECEIVE.question, wrap: true, size: 'medium', weight: 'bolder', style: 'heading' });
    expect(sut.body[1]).toEqual({ type: 'TextBlock', text: XRECHNUNG_RECEIVE.answer, wrap: true });
  });

  it('names category and source as facts and asks whether it helped', () => {
    expect(sut.body).toContainEqual({
      type: 'FactSet',
      facts: [
        { title: 'Kategorie', value: 'E-Rechnung' },
        { title: 'Quelle', value: XRECHNUNG_RECEIVE.source },
      ],
    });
    expect(sut.body).toContainEqual(expect.objectContaining({ type: 'TextBlock', text: 'Hat das geholfen?' }));
  });

  it('has Ja / Nein buttons carrying feedback with question and entry ids', () => {
    expect(sut.actions).toEqual([
      { type: 'Action.Submit', title: 'Ja', data: { action: 'feedback', questionId: 'q-7', entryId: 'kb-001', helpful: true } },
      { type: 'Action.Submit', title: 'Nein', data: { action: 'feedback', questionId: 'q-7', entryId: 'kb-001', helpful: false } },
    ]);
  });

  it('speaks the question, answer without Markdown, and source', () => {
    expect(sut.speak).toContain(XRECHNUNG_RECEIVE.question);
    expect(sut.speak).toContain('elektronische Rechnungen');
    expect(sut.speak).not.toContain('**');
    expect(sut.speak).toContain(`Quelle: ${XRECHNUNG_RECEIVE.source}`);
    expect(sut.fallbackText).toContain(`Quelle: ${XRECHNUNG_RECEIVE.source}`);
  });

  it('uses English labels for English', () => {
    const english = buildAnswerCard({ entry: BUNDID, questionId: 'q-1', texts: textsFor('en-US'), lang: 'en' });
    expect(english.lang).toBe('en');
    expect(english.actions.map((action) => action.title)).toEqual(['Yes', 'No']);
    expect(english.body).toContainEqual(expect.objectContaining({ text: 'Did this help?' }));
  });
});

describe('choices card', () => {
  const entries = [XRECHNUNG_RECEIVE, XRECHNUNG_SEND, XRECHNUNG_VALIDATE];
  const sut = buildChoicesCard({ entries, questionId: 'q-3', texts: textsFor(undefined), lang: 'de' });

  it('is a valid Adaptive Card 1.5 whose every submit carries an action type', () => {
    expect(problemsOf(sut)).toEqual([]);
  });

  it('asks "Meinten Sie eine dieser Fragen?" and has one button per entry with its ids', () => {
    expect(sut.body[0]).toMatchObject({ type: 'TextBlock', text: 'Meinten Sie eine dieser Fragen?', style: 'heading' });
    expect(sut.actions.map((action) => [action.title, action.data])).toEqual(
      entries.map((entry) => [entry.question, { action: 'choose', questionId: 'q-3', entryId: entry.id }]),
    );
  });

  it('speaks and falls back to the numbered list', () => {
    expect(sut.speak).toBe(`Meinten Sie eine dieser Fragen? 1: ${XRECHNUNG_RECEIVE.question}. 2: ${XRECHNUNG_SEND.question}. 3: ${XRECHNUNG_VALIDATE.question}.`);
    expect(sut.fallbackText).toContain(`2. ${XRECHNUNG_SEND.question}`);
  });
});

describe('parseCardSubmit', () => {
  it('accepts the data of our buttons', () => {
    expect(parseCardSubmit({ action: 'feedback', questionId: 'q-1', entryId: 'kb-1', helpful: false })).toEqual({ action: 'feedback', questionId: 'q-1', entryId: 'kb-1', helpful: false });
    expect(parseCardSubmit({ action: 'choose', questionId: 'q-1', entryId: 'kb-1', msteams: { x: 1 } })).toEqual({ action: 'choose', questionId: 'q-1', entryId: 'kb-1' });
  });

  it.each([
    null,
    'choose',
    [],
    { action: 'choose', questionId: '', entryId: 'kb-1' },
    { action: 'choose', questionId: 'q-1', entryId: 42 },
    { action: 'feedback', questionId: 'q-1', entryId: 'kb-1' },
    { action: 'feedback', questionId: 'q-1', entryId: 'kb-1', helpful: 'true' },
    { action: 'choose', questionId: { $ne: null }, entryId: 'kb-1' },
    { action: 'other', questionId: 'q-1', entryId: 'kb-1' },
  ])('refuses %j', (value) => {
    expect(parseCardSubmit(value)).toBeNull();
  });
});

describe('toPlainText', () => {
  it('drops bold markers and heading marks and writes links as "label (url)"', () => {
    expect(toPlainText('## Titel\n**wichtig**: siehe [Leitfaden](https://example.org/l) oder https://example.org')).toBe(
      'Titel\nwichtig: siehe Leitfaden (https://example.org/l) oder https://example.org',
    );
  });
});
