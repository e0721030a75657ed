import { AppError, ErrorCode } from '../errors';
import type { SlaPolicy, TicketSlaState } from './sla-policy';
import type {
  Actor,
  OpaqueJson,
  PersonRef,
  Requester,
  Ticket,
  TicketAction,
  TicketCandidate,
  TicketPriority,
} from './ticket';
import { TICKET_ACTIONS } from './ticket';
import { addTicketMessage, assertPriority, changeTicketGroup, changeTicketPriority, checkedText, rateTicket } from './ticket-changes';
import { parseTicketNumber } from './ticket-number';
import { searchTickets } from './ticket-search';
import type { TicketQuery, TicketQueryResult } from './ticket-search';
import { applyTicketChange, transition } from './ticket-state-machine';
import type { CreateTicketResult, TicketListOptions, TicketRepository } from './ticket.repository';

/** What the create-ticket dialog collected. Texts are trimmed and length-checked here. */
export interface OpenTicketInput {
  /** Conversation id + activity id of the submit (see `Ticket.idempotencyKey`). */
  readonly idempotencyKey: string;
  readonly requester: Requester;
  readonly subject: string;
  readonly description: string;
  readonly originalQuestion: string;
  readonly category: string;
  readonly advisorGroup: string;
  readonly priority: TicketPriority;
  readonly candidates: readonly TicketCandidate[];
  readonly conversationReference: OpaqueJson;
}

export interface TicketServiceOptions {
  /** Generates ticket and message ids (e.g. `crypto.randomUUID`). */
  readonly newId: () => string;
  readonly now?: () => Date;
  /** Reads + conditional writes per change before giving up with `VERSION_CONFLICT` (default 3). */
  readonly maxAttempts?: number;
}

export interface AddMessageOptions {
  /** An internal note (advisors only) instead of a public reply. */
  readonly internal?: boolean;
  /** The version the writer saw; a different stored version refuses with `VERSION_CONFLICT`. */
  readonly expectedVersion?: number;
}

const MAX_SUBJECT_LENGTH = 200;
const MAX_DESCRIPTION_LENGTH = 5000;
const MAX_NAME_LENGTH = 200;

type Mutation = (ticket: Ticket, now: Date) => Ticket;

/**
 * The ticket use cases over the {@link TicketRepository} port. Every change is: read, pure change
 * (state machine or `ticket-changes.ts`), one conditional update on the version read. When another
 * writer came first, the ticket is read again and the change re-validated on the new state, up to
 * `maxAttempts` times — so of two advisors claiming at once one wins and the other gets
 * `TICKET_ALREADY_CLAIMED` with the holder's id. With an `expectedVersion` (the version a card
 * showed) a status, priority or message change on a ticket that changed meanwhile is refused with
 * `VERSION_CONFLICT` instead (`details.currentVersion`), so nobody acts on what they did not see.
 *
 * A requester only ever sees and changes their own tickets; another's ticket is `NOT_FOUND`, never
 * `FORBIDDEN`, so that its existence does not leak. Whether an advisor belongs to the ticket's
 * group is the caller's check.
 */
export class TicketService {
  private readonly newId: () => string;
  private readonly now: () => Date;
  private readonly maxAttempts: number;

  constructor(
    private readonly repository: TicketRepository,
    private readonly slaPolicy: SlaPolicy,
    options: TicketServiceOptions,
  ) {
    this.newId = options.newId;
    this.now = options.now ?? (() => new Date());
    this.maxAttempts = Math.max(1, options.maxAttempts ?? 3);
  }

  /**
   * Opens a ticket (status `new`, number from the counter, SLA due times by priority, audit entry
   * `created`). Idempotent: a second call with the same idempotency key returns the first ticket
   * with `created: false` — also when both run at once.
   */
  async openTicket(input: OpenTicketInput): Promise<CreateTicketResult> {
    const checked = checkedInput(input);
    const existing = await this.repository.getByIdempotencyKey(checked.idempotencyKey);
    if (existing) return retried(existing, checked.requester);
    const now = this.now();
    const at = now.toISOString();
    // The local year (e.g. Europe/Berlin): a ticket opened at 00:30 on 1 January gets the new year.
    const number = await this.repository.nextNumber(this.slaPolicy.localYear(now));
    const ticket: Ticket = {
      ...checked,
      id: this.newId(),
      number,
      status: 'new',
      assignee: null,
      messages: [],
      auditTrail: [
        {
          at,
          actor: { ...personOf(checked.requester), role: 'requester' },
          action: 'created',
          changes: [
            { field: 'status', from: null, to: 'new' },
            { field: 'priority', from: null, to: checked.priority },
            { field: 'category', from: null, to: checked.category },
            { field: 'advisorGroup', from: null, to: checked.advisorGroup },
          ],
        },
      ],
      sla: { ...this.slaPolicy.slaDueTimes(checked.priority, now), firstRespondedAt: null, resolvedAt: null },
      satisfaction: null,
      version: 1,
      createdAt: at,
      updatedAt: at,
    };
    const result = await this.repository.create(ticket);
    return result.created ? result : retried(result.ticket, checked.requester);
  }

  /** The ticket for advisors; `NOT_FOUND` when unknown. */
  async getTicket(ticketId: string): Promise<Ticket> {
    return this.load(ticketId, null);
  }

  /**
   * The ticket for advisors by number as people type it (`lot-2026-42`). `VALIDATION_FAILED` for
   * something that is no ticket number; `NOT_FOUND` when unknown.
   */
  async getTicketByNumber(number: string): Promise<Ticket> {
    assertString(number, 'ticket number');
    const parsed = parseTicketNumber(number);
    if (parsed === null) throw new AppError(ErrorCode.ValidationFailed, 'That is not a ticket number.');
    const ticket = await this.repository.getByNumber(parsed.text);
    if (ticket === null) throw notFound();
    return ticket;
  }

  /** The advisors' queue (filters, SLA state at the service's now, order, page); see `searchTickets`. */
  async search(query: TicketQuery): Promise<TicketQueryResult> {
    return searchTickets(this.repository, this.slaPolicy, query, this.now());
  }

  /**
   * The advisor takes the ticket. A stale `expectedVersion` does not refuse a claim: the claim is
   * re-validated on the current state, so a lost race ends in `TICKET_ALREADY_CLAIMED`.
   */
  async claim(ticketId: string, actor: Actor, expectedVersion?: number): Promise<Ticket> {
    return this.mutate(ticketId, actor, (ticket, now) => applyTicketChange(ticket, transition(ticket, 'claim', actor, now)), {
      expectedVersion,
      strict: false,
    });
  }

  /** Any status action of the state machine (claim included, with the semantics of {@link claim}). */
  async changeStatus(ticketId: string, action: TicketAction, actor: Actor, expectedVersion?: number): Promise<Ticket> {
    if (!TICKET_ACTIONS.includes(action)) throw new AppError(ErrorCode.ValidationFailed, 'Unknown ticket action.');
    if (action === 'claim') return this.claim(ticketId, actor, expectedVersion);
    return this.mutate(ticketId, actor, (ticket, now) => applyTicketChange(ticket, transition(ticket, action, actor, now)), {
      expectedVersion,
      strict: true,
    });
  }

  /**
   * A public reply or (advisors) an internal note; see `addTicketMessage` for who may write when.
   * A requester's message on a ticket waiting for them resumes it.
   */
  async addMessage(ticketId: string, actor: Actor, text: string, options: AddMessageOptions = {}): Promise<Ticket> {
    const internal = options.internal === true;
    return this.mutate(ticketId, actor, (ticket, now) => addTicketMessage(ticket, { id: this.newId(), actor, text, internal }, now), {
      expectedVersion: options.expectedVersion,
      strict: true,
    });
  }

  /** Advisors change the priority of an open ticket; the SLA due times follow. */
  async changePriority(ticketId: string, priority: TicketPriority, actor: Actor, expectedVersion?: number): Promise<Ticket> {
    assertPriority(priority);
    return this.mutate(
      ticketId,
      actor,
      (ticket, now) => changeTicketPriority(ticket, priority, actor, this.slaPolicy.slaDueTimes(priority, new Date(ticket.createdAt)), now),
      { expectedVersion, strict: true },
    );
  }

  /** Advisors route an open ticket to another group; a claimed ticket becomes `new` there. */
  async changeGroup(ticketId: string, groupId: string, actor: Actor, expectedVersion?: number): Promise<Ticket> {
    return this.mutate(ticketId, actor, (ticket, now) => changeTicketGroup(ticket, groupId, actor, now), { expectedVersion, strict: true });
  }

  /** The requester rates their resolved or closed ticket once (score 1-5, optional comment). */
  async rate(ticketId: string, requester: Actor, score: number, comment: string | null = null): Promise<Ticket> {
    return this.mutate(ticketId, requester, (ticket, now) => rateTicket(ticket, requester, score, comment, now), { strict: false });
  }

  /** The requester's tickets, most recent activity first. */
  async listForRequester(userId: string, options?: TicketListOptions): Promise<Ticket[]> {
    assertString(userId, 'user id');
    return this.repository.listByRequester(userId, options);
  }

  /** The requester's open tickets (e.g. to attach their next message), most recent activity first. */
  async listOpenForRequester(userId: string, options?: TicketListOptions): Promise<Ticket[]> {
    assertString(userId, 'user id');
    return this.repository.listOpenByRequester(userId, options);
  }

  /**
   * The requester's ticket by number as people type it (`lot-2026-42`). `VALIDATION_FAILED` for
   * something that is no ticket number; `NOT_FOUND` when unknown or someone else's.
   */
  async getForRequester(userId: string, number: string): Promise<Ticket> {
    assertString(userId, 'user id');
    assertString(number, 'ticket number');
    const parsed = parseTicketNumber(number);
    if (parsed === null) throw new AppError(ErrorCode.ValidationFailed, 'That is not a ticket number.');
    const ticket = await this.repository.getByNumber(parsed.text);
    if (ticket === null || ticket.requester.id !== userId) throw notFound();
    return ticket;
  }

  /** Both SLA clocks of the ticket now. */
  slaState(ticket: Ticket): TicketSlaState {
    return this.slaPolicy.slaState(ticket, this.now());
  }

  private async load(ticketId: string, actor: Actor | null): Promise<Ticket> {
    assertString(ticketId, 'ticket id');
    const ticket = await this.repository.get(ticketId);
    if (ticket === null || (actor?.role === 'requester' && ticket.requester.id !== actor.id)) throw notFound(ticketId);
    return ticket;
  }

  /**
   * Read, change, conditional update; on a lost race read again and re-apply. `strict`: a stored
   * version other than `expectedVersion` (also after a lost race) is `VERSION_CONFLICT`; otherwise a
   * stale `expectedVersion` only costs a re-read.
   */
  private async mutate(ticketId: string, actor: Actor, change: Mutation, options: { expectedVersion?: number; strict: boolean }): Promise<Ticket> {
    assertActor(actor);
    let expected = options.expectedVersion;
    if (expected !== undefined && !Number.isInteger(expected)) throw new AppError(ErrorCode.ValidationFailed, 'expectedVersion must be an integer.');
    for (let attempt = 1; attempt <= this.maxAttempts; attempt += 1) {
      const current = await this.load(ticketId, actor);
      const stale = expected !== undefined && current.version !== expected;
      if (stale && options.strict) throw conflict(current);
      if (!options.strict) expected = undefined;
      if (!stale) {
        const next = change(current, this.now());
        if (next === current) return current;
        if (await this.repository.update(next, current.version)) return next;
      }
    }
    throw conflict(await this.load(ticketId, actor));
  }
}

function checkedInput(input: OpenTicketInput): OpenTicketInput {
  assertString(input.idempotencyKey, 'idempotency key');
  assertPriority(input.priority);
  const { requester } = input;
  assertString(requester?.id, 'requester id');
  if (!Array.isArray(input.candidates)) throw new AppError(ErrorCode.ValidationFailed, 'candidates must be a list.');
  if (input.conversationReference === null || typeof input.conversationReference !== 'object') {
    throw new AppError(ErrorCode.ValidationFailed, 'conversationReference must be an object.');
  }
  return {
    idempotencyKey: input.idempotencyKey,
    requester: {
      id: requester.id,
      displayName: checkedText(requester.displayName, MAX_NAME_LENGTH, 'requester name', true),
      municipality: checkedText(requester.municipality, MAX_NAME_LENGTH, 'municipality'),
    },
    subject: checkedText(input.subject, MAX_SUBJECT_LENGTH, 'subject'),
    description: checkedText(input.description, MAX_DESCRIPTION_LENGTH, 'description', true),
    originalQuestion: checkedText(input.originalQuestion, MAX_DESCRIPTION_LENGTH, 'original question', true),
    category: checkedText(input.category, MAX_NAME_LENGTH, 'category'),
    advisorGroup: checkedText(input.advisorGroup, MAX_NAME_LENGTH, 'advisor group'),
    priority: input.priority,
    candidates: input.candidates.map((c) => ({ entryId: c.entryId, score: c.score, confidence: c.confidence })),
    conversationReference: input.conversationReference,
  };
}

/** A retry returns the first ticket — never one of another requester who reused the key. */
function retried(existing: Ticket, requester: PersonRef): CreateTicketResult {
  if (existing.requester.id !== requester.id) {
    throw new AppError(ErrorCode.DuplicateKey, 'The idempotency key was used by another requester.', { ticketId: existing.id });
  }
  return { ticket: existing, created: false };
}

function personOf(person: PersonRef): PersonRef {
  return { id: person.id, displayName: person.displayName };
}

function assertString(value: unknown, what: string): asserts value is string {
  if (typeof value !== 'string' || value.length === 0 || value.length > 512) {
    throw new AppError(ErrorCode.ValidationFailed, `The ${what} must be a non-empty string.`);
  }
}

function assertActor(actor: Actor): void {
  assertString(actor?.id, 'actor id');
  if (!['requester', 'advisor', 'system'].includes(actor.role)) throw new AppError(ErrorCode.ValidationFailed, 'Unknown actor role.');
}

function notFound(ticketId?: string): AppError {
  return new AppError(ErrorCode.NotFound, 'No such ticket.', ticketId === undefined ? {} : { ticketId });
}

function conflict(current: Ticket): AppError {
  return new AppError(ErrorCode.VersionConflict, 'The ticket was changed meanwhile.', { ticketId: current.id, currentVersion: current.version });
}
