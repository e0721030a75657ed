import { ErrorCode, isAppError } from '../../../domain/errors';
import type { AppError } from '../../../domain/errors';
import type { Actor, Ticket } from '../../../domain/tickets/ticket';
import type { DashboardRequest, DashboardResponse } from '../dashboard-route';
import { MAX_TEXT_LABEL, parseActionForm } from './ticket-action.schema';
import type { ActionInput, ActionVerb, SentForm } from './ticket-action.schema';
import { ticketPath } from './ticket-format';
import { TICKET_TEXTS as T } from './ticket-texts';
import { advisorOf, findTicket, notFoundPage, ticketPage } from './ticket.page';
import type { TicketPageDeps } from './ticket.page';

/**
 * `POST /dashboard/tickets/:number/<verb>`: the form is checked, then the desk makes the change
 * with the version the page showed — the same use cases, concurrency checks and notifications
 * (card refresh, message to the requester) as the Teams card. Success redirects back to the
 * ticket with a notice; a refusal shows the ticket as it is now with the reason (409), a field
 * problem shows the form again with the text kept and the problem next to the field (422).
 */
export async function performAction(verb: ActionVerb, request: DashboardRequest, deps: TicketPageDeps): Promise<DashboardResponse> {
  const ticket = await findTicket(deps.desk, request.params.number);
  if (ticket === null) return notFoundPage();
  const parsed = parseActionForm(verb, request.form, (groupId) => deps.desk.routing.get(groupId) !== undefined);
  if (!parsed.ok) {
    const notice = parsed.stale ? T.notices.staleForm : T.notices.invalidForm;
    return ticketPage(ticket, request, deps, { status: 422, notice, sent: parsed.sent });
  }
  const actor = advisorOf(request.user);
  try {
    const notice = await apply(parsed.input, ticket, actor, deps);
    return { kind: 'redirect', location: ticketPath(ticket.number), notice };
  } catch (error) {
    if (!isAppError(error)) throw error;
    return refused(error, parsed.input, ticket, request, deps);
  }
}

/** Makes the change; returns the notice for the next page. */
async function apply(input: ActionInput, ticket: Ticket, actor: Actor, deps: TicketPageDeps): Promise<string> {
  const { desk, format } = deps;
  switch (input.verb) {
    case 'claim':
      await desk.claim(ticket.id, actor, input.version);
      return T.notices.claimed;
    case 'reply':
      await desk.reply(ticket.id, actor, input.text, input.version);
      return T.notices.replied;
    case 'note':
      await desk.note(ticket.id, actor, input.text, input.version);
      return T.notices.noted;
    case 'status': {
      const changed = await desk.changeStatus(ticket.id, input.action, actor, input.version);
      return T.notices.statusChanged(T.status[changed.status]);
    }
    case 'priority': {
      const changed = await desk.changePriority(ticket.id, input.priority, actor, input.version);
      return T.notices.priorityChanged(T.priority[changed.priority]);
    }
    case 'route':
      await desk.route(ticket.id, input.group, actor, input.version);
      return T.notices.routed(format.groupName(input.group));
  }
}

/** The desk's refusal as the ticket page of the current state with the reason; other errors go on. */
async function refused(error: AppError, input: ActionInput, before: Ticket, request: DashboardRequest, deps: TicketPageDeps): Promise<DashboardResponse> {
  if (error.code === ErrorCode.NotFound) return notFoundPage();
  const current = (await findTicket(deps.desk, before.number)) ?? before;
  const sent = sentOf(input);
  switch (error.code) {
    case ErrorCode.TicketAlreadyClaimed: {
      const mine = error.details.heldByActor === true || current.assignee?.id === request.user.id;
      const notice = mine || current.assignee === null ? T.notices.claimedByYou : T.notices.alreadyClaimed(current.assignee.displayName);
      return ticketPage(current, request, deps, { status: 409, notice });
    }
    case ErrorCode.VersionConflict:
      return ticketPage(current, request, deps, { status: 409, notice: T.notices.versionConflict, sent });
    case ErrorCode.InvalidTransition: {
      const notice = input.verb === 'reply' && current.status === 'new' ? T.notices.claimFirst : T.notices.notInStatus(T.status[current.status]);
      return ticketPage(current, request, deps, { status: 409, notice, sent });
    }
    case ErrorCode.ValidationFailed: {
      const problem = input.verb !== 'reply' && input.verb !== 'note' ? T.fieldErrors.choice : sent.value === '' ? T.fieldErrors.emptyText : T.fieldErrors.textTooLong(MAX_TEXT_LABEL);
      return ticketPage(current, request, deps, { status: 422, notice: T.notices.invalidForm, sent: { ...sent, error: problem } });
    }
    case ErrorCode.Forbidden:
      return ticketPage(current, request, deps, { status: 403, notice: T.notices.forbidden });
    default:
      throw error;
  }
}

function sentOf(input: ActionInput): SentForm {
  switch (input.verb) {
    case 'claim':
      return { verb: input.verb, value: '' };
    case 'reply':
    case 'note':
      return { verb: input.verb, value: input.text };
    case 'status':
      return { verb: input.verb, value: input.action };
    case 'priority':
      return { verb: input.verb, value: input.priority };
    case 'route':
      return { verb: input.verb, value: input.group };
  }
}
