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

/** A text input; its value arrives in the submit data under `id`. */
export interface InputText {
  readonly type: 'Input.Text';
  readonly id: string;
  /** Shown above the field and read by screen readers (AC 1.3). */
  readonly label: string;
  readonly value?: string;
  readonly placeholder?: string;
  readonly isMultiline?: boolean;
  readonly maxLength?: number;
  readonly isRequired?: boolean;
  readonly errorMessage?: string;
}

/** A choice input (drop-down with `compact`, radio buttons with `expanded`); the value is the choice's `value`. */
export interface InputChoiceSet {
  readonly type: 'Input.ChoiceSet';
  readonly id: string;
  readonly label: string;
  readonly choices: readonly { readonly title: string; readonly value: string }[];
  readonly value?: string;
  readonly style?: 'compact' | 'expanded';
  readonly isRequired?: boolean;
  readonly errorMessage?: string;
}

/** Buttons inside the body; Lotse uses it for `Action.ShowCard` (content shown in place, no round trip). */
export interface ActionSet {
  readonly type: 'ActionSet';
  readonly actions: readonly ShowCardAction[];
}

export type CardElement = TextBlock | FactSet | InputText | InputChoiceSet | ActionSet;

export interface SubmitAction<D extends { readonly action: string } = { readonly action: string }> {
  readonly type: 'Action.Submit';
  readonly title: string;
  readonly data: D;
  readonly tooltip?: string;
  /** `none`: the button sends no input values and skips their validation (e.g. "Abbrechen"). */
  readonly associatedInputs?: 'auto' | 'none';
}

/** A button that unfolds a card in place (e.g. the answer of a suggested FAQ entry). */
export interface ShowCardAction {
  readonly type: 'Action.ShowCard';
  readonly title: string;
  readonly card: { readonly type: 'AdaptiveCard'; readonly body: readonly CardElement[] };
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

/** The common frame of a card: schema, version, language, speech and fallback text. */
export function adaptiveCard(lang: string, speak: string, fallbackText: string, body: readonly CardElement[], actions: readonly SubmitAction[] = []): AdaptiveCard {
  return { type: 'AdaptiveCard', $schema: ADAPTIVE_CARD_SCHEMA, version: ADAPTIVE_CARD_VERSION, lang, speak, fallbackText, body, actions };
}
