import type { Activity, TurnContext } from 'botbuilder';
import { ErrorCode, isAppError } from '../src/domain/errors';
import type { Actor, Ticket } from '../src/domain/tickets/ticket';
import type { TicketDesk } from '../src/domain/tickets/ticket-desk';
import { requesterTextsFor } from '../src/bot/tickets/requester-texts';
import type { TurnFacts } from '../src/bot/turn-facts';
import type { DialogDeps, TicketDialogDeps } from './dialog-deps';

/**
 * What the requester-side ticket dialogs share: where tickets can be used, the requester as
 * actor, their own tickets, and how a failed ticket call is told to them.
 */

/** The requester acting on their own tickets: the user's stable id and display name. */
export function requesterActor(context: TurnContext, facts: TurnFacts): Actor {
  return { id: facts.userId, displayName: context.activity.from?.name ?? '', role: 'requester' };
}

/**
 * True in a personal chat with Lotse. Tickets live only there: in a channel or group chat the
 * dialog stack is shared by everyone in it and their colleagues would see subjects and statuses.
 */
export function isPersonalChat(activity: Partial<Activity>): boolean {
  const conversation = activity.conversation;
  return conversation?.isGroup !== true && conversation?.conversationType !== 'channel' && conversation?.conversationType !== 'groupChat';
}

/**
 * The ticket dependencies when tickets can be used in this conversation; otherwise says why not
 * (not set up, or not a personal chat) and gives null.
 */
export async function ticketsHere(deps: DialogDeps, context: TurnContext, facts: TurnFacts): Promise<TicketDialogDeps | null> {
  const texts = requesterTextsFor(facts.lang);
  if (!deps.tickets) {
    await context.sendActivity(texts.handoffUnavailable);
    return null;
  }
  if (!isPersonalChat(context.activity)) {
    await context.sendActivity(texts.personalChatOnly);
    return null;
  }
  return deps.tickets;
}

/** The Entra tenant of the activity (Teams puts it into `channelData.tenant.id`). */
export function tenantIdOf(activity: Partial<Activity>): string | undefined {
  const tenant = (activity.channelData as { tenant?: { id?: unknown } } | undefined)?.tenant;
  return typeof tenant?.id === 'string' ? tenant.id : undefined;
}

/** How a failed ticket call ends for the requester. */
export type TicketFailure = 'not_found' | 'invalid_transition' | 'already_rated' | 'unavailable';

/** Sorts an error of a ticket call: someone else's or unknown ticket, a status that does not allow it, or the store. */
export function ticketFailureOf(error: unknown): TicketFailure {
  if (isAppError(error, ErrorCode.NotFound) || isAppError(error, ErrorCode.Forbidden) || isAppError(error, ErrorCode.ValidationFailed)) return 'not_found';
  if (isAppError(error, ErrorCode.InvalidTransition)) return error.details.reason === 'already_rated' ? 'already_rated' : 'invalid_transition';
  return 'unavailable';
}

/** The requester's own ticket by id; an unknown or someone else's ticket is `not_found` (no difference shown). */
export async function readOwnTicket(desk: TicketDesk, userId: string, ticketId: string): Promise<Ticket | 'not_found' | 'unavailable'> {
  try {
    const ticket = await desk.tickets.getTicket(ticketId);
    return ticket.requester.id === userId ? ticket : 'not_found';
  } catch (error) {
    return ticketFailureOf(error) === 'unavailable' ? 'unavailable' : 'not_found';
  }
}
