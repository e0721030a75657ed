import type { CardAction, CardElement, ExecuteAction, TicketAdaptiveCard } from '../../../../src/bot/tickets/ticket-card.elements';

/** Every Action.Execute on the card: status buttons in the body and the buttons inside the forms. */
export function executeActions(card: Pick<TicketAdaptiveCard, 'body' | 'actions'>): ExecuteAction[] {
  const found: ExecuteAction[] = [];
  const visitAction = (action: CardAction) => {
    if (action.type === 'Action.Execute') found.push(action);
    else executeActions(action.card).forEach((inner) => found.push(inner));
  };
  const visit = (element: CardElement) => {
    if (element.type === 'ActionSet') element.actions.forEach(visitAction);
    if (element.type === 'Container') element.items.forEach(visit);
  };
  card.body.forEach(visit);
  card.actions.forEach(visitAction);
  return found;
}

/** The verbs of the card's buttons, in order. */
export function verbsOf(card: TicketAdaptiveCard): string[] {
  return executeActions(card).map((action) => action.verb);
}

/** The button with this verb; fails when the card has none. */
export function buttonFor(card: TicketAdaptiveCard, verb: string): ExecuteAction {
  const action = executeActions(card).find((candidate) => candidate.verb === verb);
  if (!action) throw new TypeError(`no "${verb}" button; buttons: ${verbsOf(card).join(', ')}`);
  return action;
}

/** Every text a reader sees on the card (text blocks and facts, also in containers), one per line. */
export function cardText(card: Pick<TicketAdaptiveCard, 'body'>): string {
  const lines: string[] = [];
  const visit = (element: CardElement) => {
    if (element.type === 'TextBlock') lines.push(element.text);
    if (element.type === 'FactSet') element.facts.forEach((fact) => lines.push(`${fact.title}: ${fact.value}`));
    if (element.type === 'Container') element.items.forEach(visit);
  };
  card.body.forEach(visit);
  return lines.join('\n');
}
