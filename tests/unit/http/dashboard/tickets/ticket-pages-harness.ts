import type { DashboardUser } from '../../../../../src/domain/access/dashboard-user';
import { AdvisorRouting } from '../../../../../src/domain/tickets/advisor-group';
import type { Ticket } from '../../../../../src/domain/tickets/ticket';
import { TicketDesk } from '../../../../../src/domain/tickets/ticket-desk';
import type { TicketSearchCriteria } from '../../../../../src/domain/tickets/ticket.repository';
import type { DashboardRequest, DashboardResponse, DashboardRoute } from '../../../../../src/http/dashboard/dashboard-route';
import { createTicketRoutes } from '../../../../../src/http/dashboard/tickets/tickets.routes';
import { InMemoryOutbox } from '../../../../support/fakes/in-memory-outbox';
import { InMemoryTicketRepository } from '../../../../unit/tickets/in-memory-ticket.repository';
import { anna, ben } from '../../../../unit/tickets/ticket-fixtures';
import { TestClock, createTicketService, openInput } from '../../../../unit/tickets/ticket-service-fixtures';

/** Advisors as the dashboard signs them in (same ids as the ticket fixtures' Anna and Ben). */
export const annaUser: DashboardUser = { id: anna.id, name: anna.displayName, email: null, tenantId: 'tenant-1', roles: ['advisor'] };
export const benUser: DashboardUser = { id: ben.id, name: ben.displayName, email: null, tenantId: 'tenant-1', roles: ['advisor'] };
export const adminUser: DashboardUser = { id: 'aad-admin-1', name: 'Ada Admin', email: null, tenantId: 'tenant-1', roles: ['admin'] };

export const routing = new AdvisorRouting({
  defaultGroupId: 'allgemein',
  groups: [
    { id: 'allgemein', name: 'Allgemeine Beratung', categories: ['Kooperation'] },
    { id: 'meldewesen', name: 'Meldewesen und Personenstand', categories: ['Meldewesen'] },
    { id: 'datenschutz', name: 'Datenschutz und Informationssicherheit', categories: ['Datenschutz'] },
  ],
});

const ENTRY_TITLES: Readonly<Record<string, string>> = { 'kb-017': 'Wer darf eine Meldebescheinigung beantragen?' };

/** The repository fake that also records every search's criteria (to prove what reached a query). */
export class RecordingTicketRepository extends InMemoryTicketRepository {
  readonly searches: TicketSearchCriteria[] = [];
  override search(...args: Parameters<InMemoryTicketRepository['search']>) {
    this.searches.push(args[0]);
    return super.search(...args);
  }
}

interface RequestParts {
  readonly params?: Record<string, string>;
  readonly query?: Record<string, unknown>;
  readonly form?: Record<string, unknown>;
}

/**
 * The ticket pages over a real TicketService + TicketDesk on the in-memory repository and outbox;
 * handlers are called directly with a fake DashboardRequest (the router's checks have passed).
 */
export function createTicketPagesHarness() {
  const repository = new RecordingTicketRepository();
  const outbox = new InMemoryOutbox();
  const clock = new TestClock();
  const desk = new TicketDesk(createTicketService(repository, clock), routing, outbox);
  const routes = createTicketRoutes({
    desk,
    entryTitle: (id) => ENTRY_TITLES[id],
    categories: () => ['Datenschutz', 'Kooperation', 'Meldewesen', 'Sonstiges'],
    municipalities: ['Musterstadt', 'Beispielheim'],
  });

  function route(method: 'GET' | 'POST', path: string): DashboardRoute {
    const found = routes.find((candidate) => candidate.method === method && candidate.path === path);
    if (!found) throw new Error(`no route ${method} ${path}`);
    return found;
  }

  function request(user: DashboardUser, parts: RequestParts): DashboardRequest {
    return {
      user,
      csrfToken: 'csrf-token-1',
      params: parts.params ?? {},
      query: (parts.query ?? {}) as DashboardRequest['query'],
      form: (parts.form ?? {}) as DashboardRequest['form'],
      url: '/dashboard/tickets',
    };
  }

  return {
    repository,
    outbox,
    clock,
    desk,
    routes,
    /** `GET /dashboard/tickets?…` */
    queue(query: Record<string, unknown> = {}, user = annaUser): Promise<DashboardResponse> {
      return route('GET', '/dashboard/tickets').handle(request(user, { query }));
    },
    /** `GET /dashboard/tickets/:number` */
    ticket(number: string, user = annaUser): Promise<DashboardResponse> {
      return route('GET', '/dashboard/tickets/:number').handle(request(user, { params: { number } }));
    },
    /** `POST /dashboard/tickets/:number/<verb>` */
    post(verb: string, number: string, form: Record<string, unknown>, user = annaUser): Promise<DashboardResponse> {
      return route('POST', `/dashboard/tickets/:number/${verb}`).handle(request(user, { params: { number }, form }));
    },
    /** A ticket opened the way the bot opens one (through the desk, so its card post is enqueued). */
    async open(overrides: Parameters<typeof openInput>[0] = {}, key = 'activity-1'): Promise<Ticket> {
      const { advisorGroup: _ignored, ...input } = openInput({ idempotencyKey: `a:1|${key}`, ...overrides });
      return (await desk.open(input)).ticket;
    },
    async stored(id: string): Promise<Ticket> {
      const ticket = await repository.get(id);
      if (!ticket) throw new Error(`no ticket ${id}`);
      return ticket;
    },
  };
}

/** The page's body markup (the response must be a page). */
export function bodyOf(response: DashboardResponse): string {
  if (response.kind !== 'page') throw new Error(`expected a page, got ${response.kind}`);
  return response.body.value;
}

/** The visible text of markup: tags removed, entities decoded, whitespace collapsed. */
export function textOf(markup: string): string {
  return markup
    .replace(/<[^>]*>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The rows of the first table body as cell texts. */
export function tableRows(markup: string): string[][] {
  const body = /<tbody>([\s\S]*?)<\/tbody>/.exec(markup)?.[1] ?? '';
  return [...body.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((row) => [...row[1]!.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((cell) => textOf(cell[1]!)));
}
