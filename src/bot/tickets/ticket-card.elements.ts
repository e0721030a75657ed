import type { ADAPTIVE_CARD_SCHEMA } from '../cards/adaptive-card';

/**
 * The subset of Adaptive Cards that the ticket card uses, as plain JSON types. Version 1.4 with
 * Universal Actions (`Action.Execute`, `refresh`), which Teams supports on desktop, web and mobile;
 * every `Action.Execute` carries an `Action.Submit` fallback for clients without Universal Actions.
 * See https://learn.microsoft.com/microsoftteams/platform/task-modules-and-cards/cards/universal-actions-for-adaptive-cards/overview
 */

export const TICKET_CARD_VERSION = '1.4';

export interface CardTextBlock {
  readonly type: 'TextBlock';
  readonly text: string;
  readonly wrap: true;
  readonly size?: 'small' | 'default' | 'medium' | 'large';
  readonly weight?: 'default' | 'bolder' | 'lighter';
  readonly color?: 'default' | 'accent' | 'good' | 'warning' | 'attention';
  readonly isSubtle?: boolean;
  readonly style?: 'default' | 'heading';
  readonly spacing?: 'none' | 'small' | 'default' | 'medium' | 'large';
  readonly separator?: boolean;
}

export interface CardFactSet {
  readonly type: 'FactSet';
  readonly facts: readonly { readonly title: string; readonly value: string }[];
}

export interface CardContainer {
  readonly type: 'Container';
  readonly items: readonly CardElement[];
  readonly style?: 'default' | 'emphasis' | 'good' | 'warning' | 'attention' | 'accent';
  readonly separator?: boolean;
  readonly spacing?: 'none' | 'small' | 'default' | 'medium' | 'large';
}

export interface CardInputText {
  readonly type: 'Input.Text';
  readonly id: string;
  readonly label: string;
  readonly isMultiline: true;
  readonly maxLength: number;
  readonly isRequired: true;
  readonly errorMessage: string;
}

export interface CardChoiceSet {
  readonly type: 'Input.ChoiceSet';
  readonly id: string;
  readonly label: string;
  readonly style: 'compact';
  readonly value: string;
  readonly isRequired: true;
  readonly choices: readonly { readonly title: string; readonly value: string }[];
}

export interface CardActionSet {
  readonly type: 'ActionSet';
  readonly actions: readonly CardAction[];
}

export type CardElement = CardTextBlock | CardFactSet | CardContainer | CardInputText | CardChoiceSet | CardActionSet;

/** What every button of the ticket card sends (plus the values of the inputs next to it). */
export interface TicketActionData {
  readonly ticketId: string;
  readonly version?: number;
}

/** The fallback of an `Action.Execute`: the same data with the verb, as a message `value`. */
export interface SubmitFallback {
  readonly type: 'Action.Submit';
  readonly title: string;
  readonly data: TicketActionData & { readonly verb: string };
}

export interface ExecuteAction {
  readonly type: 'Action.Execute';
  readonly title: string;
  readonly verb: string;
  readonly data: TicketActionData;
  readonly style?: 'default' | 'positive' | 'destructive';
  readonly fallback?: SubmitFallback;
}

export interface ShowCardAction {
  readonly type: 'Action.ShowCard';
  readonly title: string;
  readonly card: { readonly type: 'AdaptiveCard'; readonly body: readonly CardElement[]; readonly actions: readonly ExecuteAction[] };
}

export type CardAction = ExecuteAction | ShowCardAction;

/** The refresh clause: Teams asks the bot for the current card (automatically for `userIds`, else on demand). */
export interface CardRefresh {
  readonly action: { readonly type: 'Action.Execute'; readonly title: string; readonly verb: 'refresh'; readonly data: TicketActionData };
  readonly userIds: readonly string[];
}

export interface TicketAdaptiveCard {
  readonly type: 'AdaptiveCard';
  readonly $schema: typeof ADAPTIVE_CARD_SCHEMA;
  readonly version: typeof TICKET_CARD_VERSION;
  readonly lang: string;
  readonly fallbackText: string;
  readonly speak: string;
  readonly refresh: CardRefresh;
  readonly msteams: { readonly width: 'Full' };
  readonly body: readonly CardElement[];
  readonly actions: readonly CardAction[];
}

/** An `Action.Execute` with its `Action.Submit` fallback carrying the same data and the verb. */
export function executeAction(title: string, verb: string, data: TicketActionData, style?: ExecuteAction['style']): ExecuteAction {
  return {
    type: 'Action.Execute',
    title,
    verb,
    data,
    ...(style ? { style } : {}),
    fallback: { type: 'Action.Submit', title, data: { ...data, verb } },
  };
}

export function textBlock(text: string, extra: Omit<CardTextBlock, 'type' | 'text' | 'wrap'> = {}): CardTextBlock {
  return { type: 'TextBlock', text, wrap: true, ...extra };
}
