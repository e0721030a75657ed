import { AppError, ErrorCode } from '../domain/errors';
import { OPEN_TICKET_STATUSES, TICKET_PRIORITIES, TICKET_STATUSES } from '../domain/tickets/ticket';
import type { TicketPriority, TicketStatus } from '../domain/tickets/ticket';
import { MAX_TICKET_SEARCH_LIMIT, TICKET_SORTS } from '../domain/tickets/ticket.repository';
import type { SlaPrefilter, TicketSearchCriteria, TicketSearchPage, TicketSort } from '../domain/tickets/ticket.repository';
import type { Filter, SortSpec } from './document-store';
import { assertId } from './repository-guards';

/**
 * The document-store filter of the advisors' queue. Criteria come from a web form: each value is
 * checked for its type here (an enum member, a non-empty string, an ISO instant) before it becomes
 * part of a filter, so a forged `{ $ne: null }` is refused with `VALIDATION_FAILED` and never acts
 * as an operator — whatever the caller validated before.
 */

const SLA_STATES: readonly string[] = ['ok', 'due_soon', 'breached'];

const SORTS: Readonly<Record<TicketSort, SortSpec>> = {
  activity: { updatedAt: -1, _id: 1 },
  created: { createdAt: -1, _id: 1 },
  first_response_due: { 'sla.firstResponseDue': 1, _id: 1 },
  // Within one priority; the priorities themselves are read in turn (see pageByPriority).
  priority: { 'sla.firstResponseDue': 1, _id: 1 },
};

/** The filter without the status criterion, and the statuses asked for (null: any). */
export interface SearchFilter {
  readonly filter: Filter;
  readonly statuses: readonly TicketStatus[] | null;
}

/** The checked criteria as a filter (see {@link SearchFilter}). */
export function searchFilter(criteria: TicketSearchCriteria): SearchFilter {
  if (criteria === null || typeof criteria !== 'object') throw invalid('search criteria must be an object');
  const conditions: Filter[] = [];
  const equal = (path: string, value: unknown, what: string) => {
    if (value === undefined) return;
    assertId(value, what);
    conditions.push({ [path]: value });
  };
  equal('advisorGroup', criteria.advisorGroup, 'advisor group');
  equal('requester.municipality', criteria.municipality, 'municipality');
  equal('category', criteria.category, 'category');
  if (criteria.assigneeId === null) conditions.push({ assignee: null });
  else equal('assignee.id', criteria.assigneeId, 'assignee id');
  if (criteria.priority !== undefined) {
    if (!TICKET_PRIORITIES.includes(criteria.priority as TicketPriority)) throw invalid('unknown priority');
    conditions.push({ priority: criteria.priority });
  }
  if (criteria.slaPrefilter !== undefined) conditions.push(...slaConditions(criteria.slaPrefilter));
  return { filter: allOf(conditions), statuses: checkedStatuses(criteria.statuses) };
}

/** The filter of all conditions: one `$and` (or the single condition, or none). */
export function allOf(conditions: readonly Filter[]): Filter {
  const flat = conditions.flatMap((condition) => (Array.isArray(condition.$and) && Object.keys(condition).length === 1 ? (condition.$and as Filter[]) : [condition]));
  if (flat.length === 0) return {};
  return flat.length === 1 ? flat[0]! : { $and: flat };
}

export function searchSortSpec(sort: TicketSort): SortSpec {
  if (!TICKET_SORTS.includes(sort)) throw invalid('unknown sort order');
  return SORTS[sort];
}

export function checkedSearchPage(page: TicketSearchPage): TicketSearchPage {
  const { offset, limit } = page ?? {};
  if (!Number.isInteger(offset) || offset < 0) throw invalid('offset must be a non-negative integer');
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_TICKET_SEARCH_LIMIT) throw invalid(`limit must be an integer of 1-${MAX_TICKET_SEARCH_LIMIT}`);
  return { offset, limit };
}

function checkedStatuses(statuses: readonly TicketStatus[] | undefined): readonly TicketStatus[] | null {
  if (statuses === undefined) return null;
  if (!Array.isArray(statuses) || !statuses.every((status) => TICKET_STATUSES.includes(status))) throw invalid('unknown status');
  return [...new Set(statuses)];
}

/** See `SlaPrefilter`: open, and due times that allow the state at `at`. */
function slaConditions(prefilter: SlaPrefilter): Filter[] {
  const { state, at } = prefilter ?? {};
  if (!SLA_STATES.includes(state)) throw invalid('unknown SLA state');
  if (typeof at !== 'string' || Number.isNaN(Date.parse(at)) || new Date(at).toISOString() !== at) throw invalid('SLA instant must be an ISO timestamp');
  const open = { status: { $in: [...OPEN_TICKET_STATUSES] } };
  if (state === 'breached') return [open, { $or: [{ 'sla.firstResponseDue': { $lt: at } }, { 'sla.resolutionDue': { $lt: at } }] }];
  return [open, { 'sla.resolutionDue': { $gte: at } }];
}

function invalid(message: string): AppError {
  return new AppError(ErrorCode.ValidationFailed, message);
}
