import type { TurnContext } from 'botbuilder';
import { isAppError } from '../../domain/errors';
import { createLogger, type Logger } from '../../logging/logger';
import { langOf } from '../texts';
import { isAdvisorSubmit, parseAdvisorInvoke, parseAdvisorSubmit, type AdvisorAction } from './advisor-action.schema';
import type { AdvisorActions, AdvisorOutcome } from './advisor-actions';
import type { AdvisorChannelCommands } from './advisor-channel-commands';
import { advisorTexts } from './advisor-texts';
import type { TicketCardRenderer } from './ticket-card-renderer';

/** The `adaptiveCard/action` invoke response (Universal Actions): a card, a message, or an error. */
export type AdvisorInvokeResponse =
  | { readonly statusCode: 200; readonly type: 'application/vnd.microsoft.card.adaptive'; readonly value: object }
  | { readonly statusCode: 200; readonly type: 'application/vnd.microsoft.activity.message'; readonly value: string }
  | { readonly statusCode: 400 | 500; readonly type: 'application/vnd.microsoft.error'; readonly value: { readonly code: string; readonly message: string } };

export const ADAPTIVE_CARD_ACTION_INVOKE = 'adaptiveCard/action';

export interface AdvisorTurnsDeps {
  readonly actions: AdvisorActions;
  readonly commands: AdvisorChannelCommands;
  readonly renderer: TicketCardRenderer;
}

/** What `LotseBot` calls for the advisors' side of a turn. */
export interface AdvisorTurnHandler {
  /** Answers an `adaptiveCard/action` invoke; never throws. */
  handleInvoke(context: TurnContext): Promise<AdvisorInvokeResponse>;
  /** True when the message was the advisors' (a card's Action.Submit fallback or a channel command) and is answered. */
  handleMessage(context: TurnContext): Promise<boolean>;
}

/**
 * The advisors' side of a turn, as `LotseBot` calls it: `adaptiveCard/action` invokes of ticket
 * cards, the `Action.Submit` fallback of older clients, and the channel commands.
 */
export class AdvisorTurns implements AdvisorTurnHandler {
  private readonly logger: Logger = createLogger('tickets');

  constructor(private readonly deps: AdvisorTurnsDeps) {}

  /** Answers an `adaptiveCard/action` invoke; never throws (a failure is a 500-style response). */
  async handleInvoke(context: TurnContext): Promise<AdvisorInvokeResponse> {
    const lang = langOf(context.activity.locale);
    const texts = advisorTexts(lang);
    const action = parseAdvisorInvoke(context.activity.value);
    if (action === null) {
      this.logger.info({ activityId: context.activity.id, outcome: 'invalid_payload' }, 'advisor card action refused');
      return { statusCode: 400, type: 'application/vnd.microsoft.error', value: { code: 'BadRequest', message: texts.refusal.badAction } };
    }
    const outcome = await this.perform(context, action);
    if (outcome === null) return { statusCode: 500, type: 'application/vnd.microsoft.error', value: { code: 'InternalError', message: texts.refusal.failed } };
    if (outcome.kind === 'message') return { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: outcome.text };
    return { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: this.deps.renderer.card(outcome.ticket, outcome.view) };
  }

  /**
   * Handles a message meant for the advisors' side: the Action.Submit fallback of a ticket card
   * (updates the card in place; a refusal or notice goes into the thread) or a channel command.
   * Returns false for every other message.
   */
  async handleMessage(context: TurnContext): Promise<boolean> {
    const { activity } = context;
    if (!isAdvisorSubmit(activity.value)) return this.deps.commands.handle(context);
    const texts = advisorTexts(langOf(activity.locale));
    const action = parseAdvisorSubmit(activity.value);
    if (action === null) {
      this.logger.info({ activityId: activity.id, outcome: 'invalid_payload' }, 'advisor card submit refused');
      await context.sendActivity(texts.refusal.badAction);
      return true;
    }
    const outcome = await this.perform(context, action);
    if (outcome === null || outcome.kind === 'message') {
      await context.sendActivity(outcome?.text ?? texts.refusal.failed);
      return true;
    }
    // Everyone sees the updated card; the notice about this one click goes into the thread instead.
    const { notice, ...view } = outcome.view;
    const attachment = this.deps.renderer.attachment(outcome.ticket, view);
    if (activity.replyToId) await context.updateActivity({ id: activity.replyToId, type: 'message', attachments: [attachment] });
    else await context.sendActivity({ type: 'message', attachments: [attachment] });
    if (notice?.tone === 'warning') await context.sendActivity(notice.text);
    return true;
  }

  private async perform(context: TurnContext, action: AdvisorAction): Promise<AdvisorOutcome | null> {
    try {
      return await this.deps.actions.perform(context, action);
    } catch (error) {
      this.logger.error(
        { ticketId: action.ticketId, verb: action.verb, code: isAppError(error) ? error.code : 'UNKNOWN', statusCode: (error as { statusCode?: unknown })?.statusCode },
        'advisor card action failed',
      );
      return null;
    }
  }
}
