import { TICKET_PRIORITIES, TICKET_STATUSES } from '../../../domain/tickets/ticket';
import type { Ticket } from '../../../domain/tickets/ticket';
import type { TicketDesk } from '../../../domain/tickets/ticket-desk';
import type { TicketQueryResult } from '../../../domain/tickets/ticket-search';
import { SLA_SCAN_LIMIT } from '../../../domain/tickets/ticket-search';
import { TICKET_SORTS } from '../../../domain/tickets/ticket.repository';
import type { DashboardRequest, DashboardResponse } from '../dashboard-route';
import type { Html } from '../html';
import { html } from '../html';
import { QUEUE_PAGE_SIZE, STATUS_CHOICES, SLA_STATES, parseQueueQuery, queueHref, toTicketQuery } from './queue-query.schema';
import type { QueueField, QueueFilters } from './queue-query.schema';
import { QUEUE_PATH, ticketPath, ticketSlaBadge } from './ticket-format';
import type { TicketFormatter } from './ticket-format';
import { TICKET_TEXTS as T } from './ticket-texts';

/** What the queue page needs. */
export interface QueuePageDeps {
  readonly desk: TicketDesk;
  readonly format: TicketFormatter;
  readonly categories: () => readonly string[];
  readonly municipalities: readonly string[];
}

/** The form as shown: checked filters, or what was sent with the problems per field. */
interface FormState {
  readonly values: Partial<Record<QueueField, string>>;
  readonly errors: Partial<Record<QueueField, string>>;
  /** Known names of assignee ids (for the option of a chosen person). */
  readonly assigneeName?: string;
}

interface Option {
  readonly value: string;
  readonly label: string;
}

/** `GET /dashboard/tickets`: the filtered, sorted, paged queue with its counts. */
export async function showQueue(request: DashboardRequest, deps: QueuePageDeps): Promise<DashboardResponse> {
  const categories = deps.categories();
  const parsed = parseQueueQuery(request.query, { isGroup: (id) => deps.desk.routing.get(id) !== undefined, categories });
  if (!parsed.ok) {
    const form = filterForm(deps, categories, { values: parsed.sent, errors: parsed.errors });
    return { kind: 'page', status: 422, title: T.queue.title, notice: T.queue.invalid, body: html`${myTicketsLink()}${form}` };
  }
  const { filters } = parsed;
  const result = await deps.desk.tickets.search(toTicketQuery(filters, request.user.id));
  const assigneeName = result.tickets.find((ticket) => ticket.assignee?.id === filters.assignee)?.assignee?.displayName;
  const values = Object.fromEntries(Object.entries(filters).map(([key, value]) => [key, String(value)]));
  return {
    kind: 'page',
    title: filters.assignee === 'me' ? T.queue.myTitle : T.queue.title,
    body: html`${myTicketsLink()}${filterForm(deps, categories, { values, errors: {}, assigneeName })}${summary(result, filters)}${ticketTable(result, filters, deps.format)}${pager(result.total, filters)}`,
  };
}

function myTicketsLink(): Html {
  return html`<p><a class="button button-secondary" href="${QUEUE_PATH}?assignee=me">${T.queue.myTickets}</a></p>`;
}

function filterForm(deps: QueuePageDeps, categories: readonly string[], state: FormState): Html {
  const any: Option = { value: '', label: T.queue.any };
  const assignee = state.values.assignee;
  const people: Option[] = [any, { value: 'me', label: T.queue.me }, { value: 'nobody', label: T.queue.nobody }];
  if (assignee !== undefined && assignee !== '' && assignee !== 'me' && assignee !== 'nobody' && state.errors.assignee === undefined) {
    people.push({ value: assignee, label: state.assigneeName ?? T.queue.selectedPerson });
  }
  return html`<form method="get" action="${QUEUE_PATH}" class="filters">
<fieldset><legend>${T.queue.filtersLegend}</legend>
${select('status', T.columns.status, STATUS_CHOICES.map((value) => ({ value, label: value === 'open' ? T.queue.allOpen : value === 'all' ? T.queue.allStatuses : T.status[value] })), state)}
${select('group', T.columns.group, [any, ...deps.desk.routing.groups.map((group) => ({ value: group.id, label: group.name }))], state)}
${select('assignee', T.columns.assignee, people, state)}
${municipalityField(deps.municipalities, state)}
${select('category', T.columns.category, [any, ...categories.map((category) => ({ value: category, label: category }))], state)}
${select('priority', T.columns.priority, [any, ...[...TICKET_PRIORITIES].reverse().map((value) => ({ value, label: T.priority[value] }))], state)}
${select('sla', `${T.columns.sla} (${T.queue.slaHint})`, [any, ...SLA_STATES.map((value) => ({ value, label: T.sla[value] }))], state)}
${select('sort', T.columns.sort, TICKET_SORTS.map((value) => ({ value, label: T.sorts[value] })), state)}
${state.errors.page === undefined ? null : field('page', T.columns.page, state, (attrs) => html`<input type="text" inputmode="numeric" id="filter-page" name="page" value="${state.values.page ?? ''}"${attrs}>`)}
</fieldset>
<button type="submit" class="button">${T.queue.apply}</button> <a class="button button-secondary" href="${QUEUE_PATH}">${T.queue.reset}</a>
</form>`;
}

/** A labelled control with its error message next to it (referenced by `aria-describedby`). */
function field(name: QueueField, label: string, state: FormState, control: (attributes: Html | null) => Html): Html {
  const error = state.errors[name];
  const id = `filter-${name}`;
  const attributes = error === undefined ? null : html` aria-invalid="true" aria-describedby="${id}-error"`;
  return html`<div class="form-field"><label for="${id}">${label}</label>${control(attributes)}${
    error === undefined ? null : html`<p class="field-error" id="${id}-error">${error}</p>`
  }</div>`;
}

function select(name: QueueField, label: string, options: readonly Option[], state: FormState): Html {
  const current = state.values[name] ?? '';
  return field(name, label, state, (attributes) => html`<select id="filter-${name}" name="${name}"${attributes}>${options.map(
    (option) => html`<option value="${option.value}"${option.value === current ? html` selected` : null}>${option.label}</option>`,
  )}</select>`);
}

function municipalityField(known: readonly string[], state: FormState): Html {
  return field('municipality', T.columns.municipality, state, (attributes) => html`<input type="text" id="filter-municipality" name="municipality" maxlength="200" list="filter-municipality-list" value="${state.values.municipality ?? ''}"${attributes}><datalist id="filter-municipality-list">${known.map(
    (name) => html`<option value="${name}"></option>`,
  )}</datalist>`);
}

function summary(result: TicketQueryResult, filters: QueueFilters): Html {
  const counts = TICKET_STATUSES.map((status) => {
    const current = filters.status === status ? html` aria-current="true"` : null;
    return html`<li><a href="${queueHref(filters, { status, page: 1 })}"${current}>${T.status[status]}: ${result.statusCounts[status]}</a></li>`;
  });
  return html`<p role="status">${T.queue.found(result.total)}</p>${result.partial ? html`<p><strong>${T.queue.partial(SLA_SCAN_LIMIT)}</strong></p>` : null}
<nav aria-label="${T.queue.countsLabel}"><ul class="status-counts">${counts}</ul></nav>`;
}

function ticketTable(result: TicketQueryResult, filters: QueueFilters, format: TicketFormatter): Html {
  if (result.tickets.length === 0) return html`<p>${result.total === 0 ? T.queue.empty : T.queue.emptyPage}</p>`;
  const from = (filters.page - 1) * QUEUE_PAGE_SIZE + 1;
  const caption = T.queue.caption(from, from + result.tickets.length - 1, result.total, T.sorts[filters.sort]);
  const c = T.columns;
  return html`<table class="table"><caption>${caption}</caption>
<thead><tr><th scope="col">${c.number}</th><th scope="col">${c.subject}</th><th scope="col">${c.status}</th><th scope="col">${c.priority}</th><th scope="col">${c.group}</th><th scope="col">${c.assignee}</th><th scope="col">${c.municipality}</th><th scope="col">${c.sla}</th><th scope="col">${c.lastActivity}</th></tr></thead>
<tbody>${result.tickets.map((ticket) => ticketRow(ticket, filters, format))}</tbody></table>`;
}

function ticketRow(ticket: Ticket, filters: QueueFilters, format: TicketFormatter): Html {
  const assignee = ticket.assignee === null ? T.ticket.none : html`<a href="${queueHref(filters, { assignee: ticket.assignee.id, page: 1 })}">${ticket.assignee.displayName}</a>`;
  return html`<tr><th scope="row"><a href="${ticketPath(ticket.number)}">${ticket.number}</a></th><td>${ticket.subject}</td><td>${T.status[ticket.status]}</td><td>${T.priority[ticket.priority]}</td><td>${format.groupName(ticket.advisorGroup)}</td><td>${assignee}</td><td>${ticket.requester.municipality}</td><td>${ticketSlaBadge(format.sla(ticket))}</td><td><time datetime="${ticket.updatedAt}">${format.dateTime(ticket.updatedAt)}</time></td></tr>`;
}

/** Page links: previous, first, a window around the current page, last, next. */
function pager(total: number, filters: QueueFilters): Html | null {
  const pages = Math.max(1, Math.ceil(total / QUEUE_PAGE_SIZE));
  if (pages === 1 && filters.page === 1) return null;
  const shown = [...new Set([1, ...Array.from({ length: 5 }, (_, i) => filters.page - 2 + i), pages])].filter((n) => n >= 1 && n <= pages).sort((a, b) => a - b);
  const items: Html[] = [];
  if (filters.page > 1) items.push(html`<li><a rel="prev" href="${queueHref(filters, { page: Math.min(filters.page - 1, pages) })}">${T.queue.previous}</a></li>`);
  shown.forEach((n, index) => {
    if (index > 0 && n - shown[index - 1]! > 1) items.push(html`<li aria-hidden="true">…</li>`);
    items.push(
      n === filters.page
        ? html`<li><a aria-current="page" aria-label="${T.queue.page(n)}" href="${queueHref(filters, { page: n })}">${n}</a></li>`
        : html`<li><a aria-label="${T.queue.page(n)}" href="${queueHref(filters, { page: n })}">${n}</a></li>`,
    );
  });
  if (filters.page < pages) items.push(html`<li><a rel="next" href="${queueHref(filters, { page: filters.page + 1 })}">${T.queue.next}</a></li>`);
  return html`<nav class="pager" aria-label="${T.queue.pager}"><ul>${items}</ul></nav>`;
}
