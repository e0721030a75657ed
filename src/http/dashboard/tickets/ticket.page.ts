import { ErrorCode, isAppError } from '../../../domain/errors';
import type { DashboardUser } from '../../../domain/access/dashboard-user';
import type { Actor, Ticket } from '../../../domain/tickets/ticket';
import type { TicketDesk } from '../../../domain/tickets/ticket-desk';
import { parseTicketNumber } from '../../../domain/tickets/ticket-number';
import type { DashboardRequest, DashboardResponse } from '../dashboard-route';
import { html, type Html } from '../html';
import type { SentForm } from './ticket-action.schema';
import { auditSection, factsSection, questionSection, threadSection } from './ticket-detail.view';
import type { EntryTitle } from './ticket-detail.view';
import { QUEUE_PATH } from './ticket-format';
import type { TicketFormatter } from './ticket-format';
import { actionsSection } from './ticket-forms.view';
import { TICKET_TEXTS as T } from './ticket-texts';

/** What the ticket page needs. */
export interface TicketPageDeps {
  readonly desk: TicketDesk;
  readonly format: TicketFormatter;
  readonly entryTitle: EntryTitle;
  /** More actions under the forms, by the user's role (e.g. the FAQ draft of a resolved ticket). */
  readonly extraActions?: ((ticket: Ticket, request: DashboardRequest) => Html | null) | undefined;
}

/** How to show the page besides the ticket: status, a notice, a form sent back. */
export interface TicketPageOptions {
  readonly status?: number;
  readonly notice?: string;
  readonly sent?: SentForm;
}

/** The advisor acting in the dashboard, as the desk records them. */
export function advisorOf(user: DashboardUser): Actor {
  return { id: user.id, displayName: user.name, role: 'advisor' };
}

/** `GET /dashboard/tickets/:number`. */
export async function showTicket(request: DashboardRequest, deps: TicketPageDeps): Promise<DashboardResponse> {
  const ticket = await findTicket(deps.desk, request.params.number);
  return ticket === null ? notFoundPage() : ticketPage(ticket, request, deps);
}

/** The ticket of a number as typed in the address (`lot-2026-42` too); null when there is none. */
export async function findTicket(desk: TicketDesk, number: string | undefined): Promise<Ticket | null> {
  if (number === undefined || parseTicketNumber(number) === null) return null;
  try {
    return await desk.tickets.getTicketByNumber(number);
  } catch (error) {
    if (isAppError(error, ErrorCode.NotFound)) return null;
    throw error;
  }
}

/** The whole ticket page: facts, question, thread, forms, audit trail. */
export function ticketPage(ticket: Ticket, request: DashboardRequest, deps: TicketPageDeps, options: TicketPageOptions = {}): DashboardResponse {
  const forms = actionsSection({
    ticket,
    actor: advisorOf(request.user),
    csrfToken: request.csrfToken,
    groups: deps.desk.routing.groups,
    ...(options.sent && { sent: options.sent }),
  });
  return {
    kind: 'page',
    title: `${ticket.number}: ${ticket.subject}`,
    ...(options.status !== undefined && { status: options.status }),
    ...(options.notice !== undefined && { notice: options.notice }),
    body: html`<p><a href="${QUEUE_PATH}">${T.ticket.backToQueue}</a></p>
${factsSection(ticket, deps.format)}
${questionSection(ticket, deps.entryTitle)}
${threadSection(ticket, deps.format)}
${forms}
${deps.extraActions?.(ticket, request) ?? null}
${auditSection(ticket, deps.format)}`,
  };
}

export function notFoundPage(): DashboardResponse {
  return {
    kind: 'page',
    status: 404,
    title: T.ticket.notFoundTitle,
    body: html`<p>${T.ticket.notFound}</p><p><a href="${QUEUE_PATH}">${T.ticket.backToQueue}</a></p>`,
  };
}
