import type { Activity, ConversationParameters } from 'botbuilder';
import { MessageFactory } from 'botbuilder';
import { AppError, ErrorCode, isAppError } from '../../domain/errors';
import type { AdvisorChannel, AdvisorChannelRepository } from '../../domain/tickets/advisor-group';
import { isOpenTicket } from '../../domain/tickets/ticket';
import type { OpaqueJson, Ticket } from '../../domain/tickets/ticket';
import { DEFAULT_AUDIENCE, messageIdOf, referenceOf, type ProactiveAdapter } from './proactive-adapter';
import type { TicketCardPost, TicketCardRepository } from '../../domain/tickets/ticket-card';
import type { TicketDesk } from '../../domain/tickets/ticket-desk';
import type { TicketNotification, TicketNotificationHandler, TicketReminder } from '../../domain/tickets/ticket-notification';
import { createLogger, type Logger } from '../../logging/logger';
import { langOf } from '../texts';
import { advisorTexts } from './advisor-texts';
import { formatDateTime, DEFAULT_TIME_ZONE } from './ticket-card-format';
import type { TicketCardRenderer } from './ticket-card-renderer';
import type { RequesterNotifier } from './ticket-notifier.requester';

export interface TicketNotifierDeps {
  readonly adapter: ProactiveAdapter;
  /** The bot's app id (`''` without authentication). */
  readonly botAppId: string;
  readonly desk: Pick<TicketDesk, 'tickets' | 'routing'>;
  readonly channels: AdvisorChannelRepository;
  readonly cards: TicketCardRepository;
  readonly renderer: TicketCardRenderer;
  /** Messages to requesters (claim, reply, status), see `ticket-notifier.requester.ts`. */
  readonly requester: RequesterNotifier;
  readonly timeZone?: string;
  readonly now?: () => Date;
}

/**
 * Delivers the ticket notifications of the outbox to Teams (the outbox worker retries what throws):
 * - `post_card`: the card as a new thread in the group's channel (`createConversation` with the
 *   channel id, as `TeamsInfo.sendMessageToTeamsChannel` does, but also without an app id and with
 *   the card's real activity id); a card already posted for the group is refreshed instead;
 * - `refresh_card`: the card updated in place for everyone;
 * - `remind`: a reminder in the card's thread;
 * - `notify_requester`: a message in the requester's personal chat.
 */
export class TicketNotifier implements TicketNotificationHandler {
  private readonly logger: Logger = createLogger('tickets');
  private readonly now: () => Date;

  constructor(private readonly deps: TicketNotifierDeps) {
    this.now = deps.now ?? (() => new Date());
  }

  async deliver(notification: TicketNotification): Promise<void> {
    const ticket = await this.find(notification.ticketId);
    if (ticket === null) return this.skip(notification, 'ticket_gone');
    switch (notification.kind) {
      case 'post_card':
        return this.postCard(ticket);
      case 'refresh_card':
        return this.refreshCard(ticket);
      case 'remind':
        return this.remind(ticket, notification.reminder);
      case 'notify_requester':
        return this.deps.requester.notify(ticket, notification.event);
    }
  }

  private async postCard(ticket: Ticket): Promise<void> {
    const channel = await this.deps.channels.get(ticket.advisorGroup);
    if (channel === null) {
      throw new AppError(ErrorCode.NotReady, 'No channel is registered for the advisor group yet.', { ticketId: ticket.id, groupId: ticket.advisorGroup });
    }
    const existing = await this.deps.cards.get(ticket.id);
    if (existing?.groupId === ticket.advisorGroup) {
      await this.updateCard(existing, ticket);
      return this.skip({ kind: 'post_card', ticketId: ticket.id }, 'refreshed_existing');
    }
    if (existing !== null) await this.leaveBehind(existing, ticket);
    const post = await this.startThread(channel, ticket);
    await this.deps.cards.save(post);
    this.logger.info({ ticketId: ticket.id, groupId: ticket.advisorGroup, activityId: post.activityId }, 'ticket card posted');
  }

  private async refreshCard(ticket: Ticket): Promise<void> {
    const post = await this.deps.cards.get(ticket.id);
    // Not posted yet: the pending post_card (or the reminder scan's re-post) shows the current state.
    if (post === null) return this.skip({ kind: 'refresh_card', ticketId: ticket.id }, 'no_card');
    await this.updateCard(post, ticket);
  }

  private async remind(ticket: Ticket, reminder: TicketReminder): Promise<void> {
    if (!isOpenTicket(ticket) || ticket.sla.firstRespondedAt !== null) return this.skip({ kind: 'remind', ticketId: ticket.id, reminder }, 'answered');
    const post = await this.deps.cards.get(ticket.id);
    if (post === null || post.groupId !== ticket.advisorGroup) {
      throw new AppError(ErrorCode.NotReady, 'The ticket card is not posted in its channel yet.', { ticketId: ticket.id });
    }
    const reference = referenceOf(post.conversationReference);
    const lang = langOf(reference.locale);
    const texts = advisorTexts(lang).reminder;
    const due = formatDateTime(ticket.sla.firstResponseDue, lang, this.deps.timeZone ?? DEFAULT_TIME_ZONE);
    const text = reminder === 'first_response_breached' ? texts.breached(ticket.number, due) : texts.dueSoon(ticket.number, due);
    await this.deps.adapter.continueConversationAsync(this.deps.botAppId, reference, async (context) => {
      await context.sendActivity(text);
    });
    this.logger.info({ ticketId: ticket.id, reminder }, 'ticket reminder posted');
  }

  /** Updates the card activity in place: the current state, or read-only in a channel the ticket has left. */
  private async updateCard(post: TicketCardPost, ticket: Ticket): Promise<void> {
    const reference = referenceOf(post.conversationReference);
    const lang = langOf(reference.locale);
    const routedAway = post.groupId !== ticket.advisorGroup;
    const footer = routedAway ? advisorTexts(lang).routedAway(this.deps.renderer.groupName(ticket.advisorGroup)) : undefined;
    const attachment = this.deps.renderer.attachment(ticket, { lang, readOnly: routedAway, footer });
    await this.deps.adapter.continueConversationAsync(this.deps.botAppId, reference, async (context) => {
      await context.updateActivity({ id: post.activityId, type: 'message', attachments: [attachment] });
    });
    this.logger.info({ ticketId: ticket.id, activityId: post.activityId, routedAway }, 'ticket card updated');
  }

  /** The card in the old channel of a forwarded ticket shows where it went; a failure must not stop the new post. */
  private async leaveBehind(post: TicketCardPost, ticket: Ticket): Promise<void> {
    try {
      await this.updateCard(post, ticket);
    } catch (error) {
      this.logger.warn({ ticketId: ticket.id, code: codeOf(error) }, 'old ticket card not updated');
    }
  }

  private async startThread(channel: AdvisorChannel, ticket: Ticket): Promise<TicketCardPost> {
    const reference = referenceOf(channel.conversationReference);
    const lang = langOf(reference.locale);
    const card = this.deps.renderer.attachment(ticket, { lang });
    const activity = { ...MessageFactory.attachment(card), summary: `${ticket.number}: ${ticket.subject}` } as Activity;
    const tenantId = reference.conversation.tenantId;
    const parameters: ConversationParameters = {
      isGroup: true,
      bot: reference.bot,
      channelData: { channel: { id: channel.channelId }, ...(tenantId ? { tenant: { id: tenantId } } : {}) },
      activity,
      ...(tenantId ? { tenantId } : {}),
    };
    let threadId: string | undefined;
    await this.deps.adapter.createConversationAsync(this.deps.botAppId, reference.channelId, reference.serviceUrl, DEFAULT_AUDIENCE, parameters, async (context) => {
      threadId = context.activity.conversation?.id;
    });
    const activityId = threadId === undefined ? undefined : messageIdOf(threadId);
    if (threadId === undefined || activityId === undefined) {
      throw new AppError(ErrorCode.Internal, 'Teams did not return the id of the new thread.', { ticketId: ticket.id });
    }
    const thread = { ...reference, conversation: { ...reference.conversation, id: threadId }, activityId };
    return {
      ticketId: ticket.id,
      groupId: ticket.advisorGroup,
      conversationReference: JSON.parse(JSON.stringify(thread)) as OpaqueJson,
      activityId,
      postedAt: this.now().toISOString(),
    };
  }

  private async find(ticketId: string): Promise<Ticket | null> {
    try {
      return await this.deps.desk.tickets.getTicket(ticketId);
    } catch (error) {
      if (isAppError(error, ErrorCode.NotFound)) return null;
      throw error;
    }
  }

  private skip(notification: TicketNotification, outcome: string): void {
    this.logger.info({ ticketId: notification.ticketId, kind: notification.kind, outcome }, 'ticket notification skipped');
  }
}

function codeOf(error: unknown): string {
  return isAppError(error) ? error.code : 'DELIVERY_FAILED';
}
