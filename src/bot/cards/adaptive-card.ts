/**
 * The subset of Adaptive Cards 1.5 that Lotse's cards use, as plain JSON types.
 * See https://adaptivecards.io/explorer/ (Teams renders 1.5 on desktop, web and mobile).
 */

export const ADAPTIVE_CARD_SCHEMA = 'http://adaptivecards.io/schemas/adaptive-card.json';
export const ADAPTIVE_CARD_VERSION = '1.5';

export interface TextBlock {
  readonly type: 'TextBlock';
  readonly text: string;
  readonly wrap: true;
  readonly size?: 'small' | 'default' | 'medium' | 'large';
  readonly weight?: 'default' | 'bolder' | 'lighter';
  readonly isSubtle?: boolean;
  /** `heading` lets screen readers announce the block as a heading (AC 1.5). */
  readonly style?: 'default' | 'heading';
  readonly spacing?: 'none' | 'small' | 'default' | 'medium' | 'large';
  readonly separator?: boolean;
}

export interface FactSet {
  readonly type: 'FactSet';
  readonly facts: readonly { readonly title: string; readonly value: string }[];
}

export type CardElement = TextBlock | FactSet;

export interface SubmitAction<D extends { readonly action: string } = { readonly action: string }> {
  readonly type: 'Action.Submit';
  readonly title: string;
  readonly data: D;
  readonly tooltip?: string;
}

export interface AdaptiveCard {
  readonly type: 'AdaptiveCard';
  readonly $schema: typeof ADAPTIVE_CARD_SCHEMA;
  readonly version: typeof ADAPTIVE_CARD_VERSION;
  readonly lang: string;
  /** What a speech channel or screen reader says for the card as a whole. */
  readonly speak: string;
  /** Shown by clients that cannot render the card. */
  readonly fallbackText: string;
  readonly body: readonly CardElement[];
  readonly actions: readonly SubmitAction[];
}
