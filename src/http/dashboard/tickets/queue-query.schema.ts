import { z } from 'zod';
import type { SlaState } from '../../../domain/tickets/sla-policy';
import { OPEN_TICKET_STATUSES, TICKET_PRIORITIES, TICKET_STATUSES } from '../../../domain/tickets/ticket';
import type { TicketPriority, TicketStatus } from '../../../domain/tickets/ticket';
import type { TicketQuery } from '../../../domain/tickets/ticket-search';
import { TICKET_SORTS } from '../../../domain/tickets/ticket.repository';
import type { TicketSort } from '../../../domain/tickets/ticket.repository';
import { QUEUE_PATH } from './ticket-format';
import { TICKET_TEXTS as T } from './ticket-texts';

/** Tickets per queue page. */
export const QUEUE_PAGE_SIZE = 25;

export const SLA_STATES = ['ok', 'due_soon', 'breached'] as const satisfies readonly SlaState[];
/** Status choices: the default `open` (new, assigned, waiting), `all`, or one status. */
export const STATUS_CHOICES = ['open', 'all', ...TICKET_STATUSES] as const;
export const QUEUE_FIELDS = ['status', 'group', 'assignee', 'municipality', 'category', 'priority', 'sla', 'sort', 'page'] as const;

export type QueueField = (typeof QUEUE_FIELDS)[number];
export type StatusChoice = (typeof STATUS_CHOICES)[number];

/** The queue's filters as checked values. `assignee` is `me`, `nobody` or an advisor's id. */
export interface QueueFilters {
  readonly status: StatusChoice;
  readonly group?: string;
  readonly assignee?: string;
  readonly municipality?: string;
  readonly category?: string;
  readonly priority?: TicketPriority;
  readonly sla?: SlaState;
  readonly sort: TicketSort;
  readonly page: number;
}

/** The checked filters, or per field what is wrong with it (and what was sent, as far as it is text). */
export type QueueParse =
  | { readonly ok: true; readonly filters: QueueFilters }
  | { readonly ok: false; readonly errors: Partial<Record<QueueField, string>>; readonly sent: Partial<Record<QueueField, string>> };

/** What values are known: the advisor groups and the categories offered. */
export interface QueueChoices {
  readonly isGroup: (groupId: string) => boolean;
  readonly categories: readonly string[];
}

const MAX_TEXT = 200;
const ADVISOR_ID = /^[\w.:@-]{1,128}$/;
// An empty select ("Alle") or an empty text field means: no filter.
const optional = <S extends z.ZodType>(schema: S) => z.preprocess((value) => (value === '' ? undefined : value), schema.optional());

/**
 * Checks the query string of the queue: every value must be one of the known choices (or, for the
 * municipality, short plain text) — an array (a repeated key) or an object (`status[$ne]=x` as a
 * query parser may build it) is refused for its field like any unknown value. Unknown keys are
 * ignored.
 */
export function parseQueueQuery(query: Readonly<Record<string, unknown>>, choices: QueueChoices): QueueParse {
  const schema = z.object({
    status: optional(z.enum(STATUS_CHOICES)),
    group: optional(z.string().refine(choices.isGroup)),
    assignee: optional(z.string().regex(ADVISOR_ID)),
    municipality: optional(z.string().trim().min(1).max(MAX_TEXT).regex(/^[^\p{Cc}]*$/u)),
    category: optional(z.string().refine((value) => choices.categories.includes(value))),
    priority: optional(z.enum(TICKET_PRIORITIES)),
    sla: optional(z.enum(SLA_STATES)),
    sort: optional(z.enum(TICKET_SORTS)),
    page: optional(z.string().regex(/^0*[1-9]\d{0,5}$/).transform(Number)),
  });
  const parsed = schema.safeParse(query);
  if (parsed.success) {
    const { status, sort, page, ...rest } = parsed.data;
    return { ok: true, filters: { ...rest, status: status ?? 'open', sort: sort ?? 'activity', page: page ?? 1 } };
  }
  const errors: Partial<Record<QueueField, string>> = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0] as QueueField;
    errors[field] ??= field === 'page' ? T.fieldErrors.page : field === 'municipality' ? T.fieldErrors.text : T.fieldErrors.choice;
  }
  const sent: Partial<Record<QueueField, string>> = {};
  for (const field of QUEUE_FIELDS) {
    const value = query[field];
    if (typeof value === 'string') sent[field] = value;
  }
  return { ok: false, errors, sent };
}

/** The domain query of the filters for the signed-in advisor (`me`). */
export function toTicketQuery(filters: QueueFilters, userId: string): TicketQuery {
  const statuses: readonly TicketStatus[] | undefined =
    filters.status === 'open' ? OPEN_TICKET_STATUSES : filters.status === 'all' ? undefined : [filters.status];
  const assigneeId = filters.assignee === undefined ? undefined : filters.assignee === 'me' ? userId : filters.assignee === 'nobody' ? null : filters.assignee;
  return {
    criteria: {
      ...(statuses && { statuses }),
      ...(filters.group !== undefined && { advisorGroup: filters.group }),
      ...(assigneeId !== undefined && { assigneeId }),
      ...(filters.municipality !== undefined && { municipality: filters.municipality }),
      ...(filters.category !== undefined && { category: filters.category }),
      ...(filters.priority !== undefined && { priority: filters.priority }),
    },
    ...(filters.sla !== undefined && { sla: filters.sla }),
    sort: filters.sort,
    page: { offset: (filters.page - 1) * QUEUE_PAGE_SIZE, limit: QUEUE_PAGE_SIZE },
  };
}

/** The queue's address for these filters (defaults left out), e.g. `/dashboard/tickets?assignee=me`. */
export function queueHref(filters: QueueFilters, changes: Partial<QueueFilters> = {}): string {
  const merged: QueueFilters = { ...filters, ...changes };
  const params = new URLSearchParams();
  for (const field of QUEUE_FIELDS) {
    const value = merged[field];
    if (value === undefined || (field === 'status' && value === 'open') || (field === 'sort' && value === 'activity') || (field === 'page' && value === 1)) continue;
    params.set(field, String(value));
  }
  const search = params.toString();
  return search === '' ? QUEUE_PATH : `${QUEUE_PATH}?${search}`;
}
