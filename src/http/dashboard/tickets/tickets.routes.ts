import type { TicketDesk } from '../../../domain/tickets/ticket-desk';
import type { DashboardRoute } from '../dashboard-route';
import { ACTION_VERBS } from './ticket-action.schema';
import { performAction } from './ticket-actions';
import type { EntryTitle } from './ticket-detail.view';
import { QUEUE_PATH, createTicketFormatter } from './ticket-format';
import { showQueue } from './ticket-queue.page';
import { showTicket, type TicketPageDeps } from './ticket.page';

/** What the advisors' ticket pages need from the composition root. */
export interface TicketRoutesDeps {
  /** The ticket desk: every change, the queue's search (`desk.tickets.search`) and SLA states. */
  readonly desk: TicketDesk;
  /** Title of a published FAQ entry (the bot's suggestions on a ticket); undefined when not published. */
  readonly entryTitle: EntryTitle;
  /**
   * The categories the queue can filter by (e.g. the knowledge categories and „Sonstiges“); other
   * values are refused. Default: the categories routed to the advisor groups.
   */
  readonly categories?: () => readonly string[];
  /** Municipalities suggested in the queue's municipality field (any text of up to 200 characters is accepted). */
  readonly municipalities?: readonly string[];
  /** Time zone of the dates shown (default `Europe/Berlin`). */
  readonly timeZone?: string;
  /** More actions under the ticket's forms (e.g. "Als FAQ-Entwurf übernehmen" for admins); null for none. */
  readonly extraActions?: TicketPageDeps['extraActions'];
}

/**
 * The advisors' pages of the dashboard (role `advisor`; admins pass too):
 * - `GET /dashboard/tickets` the queue (filters, order, pages, counts; `?assignee=me` "Meine Tickets");
 * - `GET /dashboard/tickets/:number` one ticket with thread, audit trail and forms;
 * - `POST /dashboard/tickets/:number/{claim,reply,note,status,priority,route}` the changes, through the desk.
 */
export function createTicketRoutes(deps: TicketRoutesDeps): DashboardRoute[] {
  const { desk } = deps;
  const format = createTicketFormatter(desk.routing, deps.timeZone ?? 'Europe/Berlin', (ticket) => desk.tickets.slaState(ticket));
  const routedCategories = [...new Set(desk.routing.groups.flatMap((group) => group.categories))].sort((a, b) => a.localeCompare(b, 'de'));
  const queue = { desk, format, categories: deps.categories ?? (() => routedCategories), municipalities: deps.municipalities ?? [] };
  const page = { desk, format, entryTitle: deps.entryTitle, extraActions: deps.extraActions };
  return [
    { method: 'GET', path: QUEUE_PATH, role: 'advisor', section: 'tickets', handle: (request) => showQueue(request, queue) },
    { method: 'GET', path: `${QUEUE_PATH}/:number`, role: 'advisor', section: 'tickets', handle: (request) => showTicket(request, page) },
    ...ACTION_VERBS.map(
      (verb): DashboardRoute => ({
        method: 'POST',
        path: `${QUEUE_PATH}/:number/${verb}`,
        role: 'advisor',
        section: 'tickets',
        handle: (request) => performAction(verb, request, page),
      }),
    ),
  ];
}
