import type { TurnContext } from 'botbuilder';
import { ErrorCode, isAppError } from '../../domain/errors';
import type { AdvisorChannelRepository } from '../../domain/tickets/advisor-group';
import type { Actor, Ticket } from '../../domain/tickets/ticket';
import type { TicketDesk } from '../../domain/tickets/ticket-desk';
import { createLogger, type Logger } from '../../logging/logger';
import { langOf, type Lang } from '../texts';
import type { AdvisorAction } from './advisor-action.schema';
import type { AdvisorMembership } from './advisor-membership';
import { advisorTexts, type AdvisorTexts } from './advisor-texts';
import type { CardNotice } from './ticket-card';
import type { RenderOptions, TicketCardRenderer } from './ticket-card-renderer';

/** What an advisor's card action ends in: the ticket's card as it is now (how to show it), or a message instead. */
export type AdvisorOutcome =
  | { readonly kind: 'card'; readonly ticket: Ticket; readonly view: RenderOptions }
  | { readonly kind: 'message'; readonly text: string };

export interface AdvisorActionsDeps {
  readonly desk: TicketDesk;
  readonly channels: AdvisorChannelRepository;
  readonly membership: AdvisorMembership;
  readonly renderer: TicketCardRenderer;
}

type Access = 'member' | 'not_member' | 'no_channel' | 'unidentified';

/**
 * Carries out what an advisor pressed on a ticket card — the same for Universal Actions (invoke)
 * and the Action.Submit fallback. The acting user must be a member of the team registered for the
 * ticket's group (asked of Teams, cached briefly); then the desk makes the change with the version
 * the card showed. Domain refusals become a notice on the current card, never an error.
 */
export class AdvisorActions {
  private readonly logger: Logger = createLogger('tickets');

  constructor(private readonly deps: AdvisorActionsDeps) {}

  async perform(context: TurnContext, action: AdvisorAction): Promise<AdvisorOutcome> {
    const lang = langOf(context.activity.locale);
    const texts = advisorTexts(lang);
    const ticket = await this.find(action.ticketId);
    if (ticket === null) return this.done(action, 'not_found', { kind: 'message', text: texts.refusal.ticketNotFound });
    const from = context.activity.from;
    const userId = from?.aadObjectId;
    const access = await this.access(context, ticket, userId);
    if (access !== 'member' || userId === undefined) return this.done(action, access, this.refusal(ticket, access, action, lang));
    if (action.verb === 'refresh') return { kind: 'card', ticket, view: { lang } };
    const actor: Actor = { id: userId, displayName: from?.name?.trim() || userId, role: 'advisor' };
    try {
      const { ticket: changed, notice } = await this.apply(action, actor, texts);
      return this.done(action, 'changed', { kind: 'card', ticket: changed, view: { lang, notice } });
    } catch (error) {
      return this.failure(error, action, actor, lang);
    }
  }

  private async apply(action: Exclude<AdvisorAction, { verb: 'refresh' }>, actor: Actor, texts: AdvisorTexts): Promise<{ ticket: Ticket; notice?: CardNotice }> {
    const { desk, renderer } = this.deps;
    switch (action.verb) {
      case 'claim':
        return { ticket: await desk.claim(action.ticketId, actor, action.version) };
      case 'reply':
        return { ticket: await desk.reply(action.ticketId, actor, action.text, action.version), notice: info(texts.notice.replySent) };
      case 'note':
        return { ticket: await desk.note(action.ticketId, actor, action.text, action.version), notice: info(texts.notice.noteSaved) };
      case 'priority':
        return { ticket: await desk.changePriority(action.ticketId, action.priority, actor, action.version) };
      case 'route': {
        const ticket = await desk.route(action.ticketId, action.groupId, actor, action.version);
        return { ticket, notice: info(texts.notice.routed(renderer.groupName(action.groupId))) };
      }
      default:
        return { ticket: await desk.changeStatus(action.ticketId, action.verb, actor, action.version) };
    }
  }

  /** Maps the domain's refusals to a notice on the current card; anything unexpected is rethrown. */
  private async failure(error: unknown, action: AdvisorAction, actor: Actor, lang: Lang): Promise<AdvisorOutcome> {
    const texts = advisorTexts(lang);
    if (!isAppError(error)) throw error;
    if (error.code === ErrorCode.Forbidden) return this.done(action, error.code, { kind: 'message', text: texts.refusal.forbidden });
    const current = error.code === ErrorCode.NotFound ? null : await this.find(action.ticketId);
    if (current === null) return this.done(action, 'not_found', { kind: 'message', text: texts.refusal.ticketNotFound });
    const text = noticeFor(error.code, error.details, action, current, actor, texts);
    if (text === null) throw error;
    const notice: CardNotice = { text, tone: 'warning' };
    return this.done(action, error.code, { kind: 'card', ticket: current, view: { lang, notice } });
  }

  private refusal(ticket: Ticket, access: Access, action: AdvisorAction, lang: Lang): AdvisorOutcome {
    const texts = advisorTexts(lang);
    const group = this.deps.renderer.groupName(ticket.advisorGroup);
    // A refresh shows everyone what the channel shows anyway, without the buttons.
    if (action.verb === 'refresh') return { kind: 'card', ticket, view: { lang, readOnly: true, footer: texts.readOnly(group) } };
    if (access === 'unidentified') return { kind: 'message', text: texts.refusal.unidentified };
    return { kind: 'message', text: access === 'no_channel' ? texts.refusal.noChannel(group) : texts.refusal.notMember(group) };
  }

  private async access(context: TurnContext, ticket: Ticket, userId: string | undefined): Promise<Access> {
    if (!userId) return 'unidentified';
    const channel = await this.deps.channels.get(ticket.advisorGroup);
    if (channel === null) return 'no_channel';
    return (await this.deps.membership.isMember(context, channel.teamId, userId)) ? 'member' : 'not_member';
  }

  private async find(ticketId: string): Promise<Ticket | null> {
    try {
      return await this.deps.desk.tickets.getTicket(ticketId);
    } catch (error) {
      if (isAppError(error, ErrorCode.NotFound)) return null;
      throw error;
    }
  }

  private done(action: AdvisorAction, outcome: string, result: AdvisorOutcome): AdvisorOutcome {
    this.logger.info({ ticketId: action.ticketId, verb: action.verb, outcome }, 'advisor card action');
    return result;
  }
}

function info(text: string): CardNotice {
  return { text, tone: 'info' };
}

/** The German/English reason for a refused change, or null when the code is not a refusal of the request. */
function noticeFor(code: string, details: Readonly<Record<string, unknown>>, action: AdvisorAction, current: Ticket, actor: Actor, texts: AdvisorTexts): string | null {
  switch (code) {
    case ErrorCode.TicketAlreadyClaimed:
      if (details.heldByActor === true || current.assignee?.id === actor.id) return texts.notice.claimedByYou;
      return current.assignee ? texts.notice.alreadyClaimed(current.assignee.displayName) : texts.notice.versionConflict;
    case ErrorCode.VersionConflict:
      return texts.notice.versionConflict;
    case ErrorCode.InvalidTransition:
      if (action.verb === 'reply' && current.status === 'new') return texts.notice.claimFirst;
      return texts.notice.notInStatus(texts.status[current.status]);
    case ErrorCode.ValidationFailed:
      if (action.verb === 'reply' || action.verb === 'note') return action.text.trim() === '' ? texts.notice.emptyText : texts.notice.textTooLong;
      if (action.verb === 'route') return texts.notice.unknownGroup;
      return texts.notice.invalidInput;
    default:
      return null;
  }
}
