import type { Activity } from 'botbuilder';
import type { AdaptiveCard, CardElement, InputChoiceSet, InputText } from '../../../../src/bot/cards/adaptive-card';
import { button, cardOf } from '../../support/bot-harness';

/** The input with this id on the card; fails when there is none. */
export function inputOf(card: AdaptiveCard, id: string): InputText | InputChoiceSet {
  const found = card.body.find((element): element is InputText | InputChoiceSet => (element.type === 'Input.Text' || element.type === 'Input.ChoiceSet') && element.id === id);
  if (!found) throw new TypeError(`no input "${id}" on the card; inputs: ${inputIds(card).join(', ')}`);
  return found;
}

/** The ids of the card's inputs, in order. */
export function inputIds(card: AdaptiveCard): string[] {
  return card.body.filter((element) => element.type === 'Input.Text' || element.type === 'Input.ChoiceSet').map((element) => (element as InputText).id);
}

/** The titles of the buttons that unfold an answer in place (Action.ShowCard). */
export function showCardTitles(card: AdaptiveCard): string[] {
  return card.body.flatMap((element: CardElement) => (element.type === 'ActionSet' ? element.actions.map((action) => action.title) : []));
}

/**
 * What Teams sends for a button with the card's inputs filled in: the button's data merged with the
 * input values.
 */
export function fill(reply: Partial<Activity>, title: string, values: Record<string, unknown>): Record<string, unknown> {
  return { ...button(cardOf(reply), title).data, ...values };
}
