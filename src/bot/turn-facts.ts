import type { Activity } from 'botbuilder';
import { DEFAULT_LOCALE, langOf, type Lang } from './texts';

/** Channels whose clients render Adaptive Cards 1.5; all others get plain text. */
const CARD_CHANNELS: ReadonlySet<string> = new Set(['msteams', 'emulator', 'webchat', 'directline', 'test']);

/** The facts about the current turn that decide wording, rendering and recording. */
export interface TurnFacts {
  /** The channel's locale as sent (default `de-DE`); recorded with the question. */
  readonly locale: string;
  readonly lang: Lang;
  /** Stable user id: the AAD object id in Teams, else the channel user id. */
  readonly userId: string;
  readonly conversationId: string;
  /** True when the channel renders Adaptive Cards. */
  readonly cards: boolean;
}

/** True when the channel renders Adaptive Cards (Teams, Emulator, Web Chat, Direct Line, tests). */
export function supportsAdaptiveCards(channelId: string | undefined): boolean {
  return channelId !== undefined && CARD_CHANNELS.has(channelId.toLowerCase());
}

/** Reads the turn facts from an incoming activity. */
export function turnFactsOf(activity: Partial<Activity>): TurnFacts {
  const locale = activity.locale?.trim() || DEFAULT_LOCALE;
  return {
    locale,
    lang: langOf(locale),
    userId: activity.from?.aadObjectId ?? activity.from?.id ?? 'unknown',
    conversationId: activity.conversation?.id ?? 'unknown',
    cards: supportsAdaptiveCards(activity.channelId),
  };
}
