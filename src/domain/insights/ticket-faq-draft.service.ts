import type { Ticket, TicketStatus } from '../tickets/ticket';
import type { TicketRepository } from '../tickets/ticket.repository';
import { FAQ_LIMITS } from '../knowledge/faq-entry.schema';
import { questionsNewTo } from './knowledge-drafts';
import type { DraftAuthor, FaqDraft, KnowledgeDrafts } from './knowledge-drafts';

/** A pending link older than this is taken as abandoned (its process stopped) and may be taken over. */
const STALE_LINK_MS = 15 * 60_000;

/** Which FAQ entry a ticket became (one per ticket). */
export interface TicketDraftLink {
  readonly ticketNumber: string;
  /** Null while the draft is being created. */
  readonly entryId: string | null;
  /** Dashboard user id. */
  readonly createdBy: string;
  readonly createdAt: string;
}

/** Port: the ticket → FAQ entry links (implemented in src/storage); one per ticket number. */
export interface TicketDraftLinks {
  /**
   * Reserves the ticket for a new draft. Returns null when the reservation is ours (also when it
   * took over a pending one claimed before `staleBefore`), else the existing link.
   */
  claim(link: TicketDraftLink, staleBefore: string): Promise<TicketDraftLink | null>;
  complete(ticketNumber: string, entryId: string): Promise<void>;
  release(ticketNumber: string): Promise<void>;
  get(ticketNumber: string): Promise<TicketDraftLink | null>;
}

export type TicketFaqDraftResult =
  | { readonly kind: 'created'; readonly entryId: string; readonly ticketNumber: string }
  /** The ticket became an entry before (or is becoming one right now: `entryId` null). */
  | { readonly kind: 'exists'; readonly entryId: string | null; readonly ticketNumber: string }
  | { readonly kind: 'not_found' }
  | { readonly kind: 'not_finished'; readonly status: TicketStatus }
  | { readonly kind: 'no_reply' }
  | { readonly kind: 'no_question' };

const FINISHED: readonly TicketStatus[] = ['resolved', 'closed'];

/** The last public advisor reply, or undefined. */
function lastAdvisorReply(ticket: Pick<Ticket, 'messages'>): string | undefined {
  const replies = ticket.messages.filter((message) => message.role === 'advisor' && !message.internal);
  return replies[replies.length - 1]?.text.trim() || undefined;
}

/** True when the ticket may become an FAQ draft: resolved or closed, with a public advisor reply. */
export function canBecomeFaqDraft(ticket: Pick<Ticket, 'status' | 'messages'>): boolean {
  return FINISHED.includes(ticket.status) && lastAdvisorReply(ticket) !== undefined;
}

/**
 * The draft a ticket gives: the subject as question (the original question when the subject does
 * not fit), the original question as alternative (how people actually ask), the advisor's last
 * public reply as answer, the ticket's category, and the ticket number as source. Null when the
 * ticket has no reply or no usable question.
 */
export function faqDraftOfTicket(ticket: Ticket): FaqDraft | null {
  const reply = lastAdvisorReply(ticket);
  if (reply === undefined) return null;
  const [question, ...alternatives] = questionsNewTo([ticket.subject, ticket.originalQuestion], [], 2);
  if (question === undefined) return null;
  return {
    question,
    alternativeQuestions: alternatives,
    answer: reply.slice(0, FAQ_LIMITS.answerMax).trim(),
    category: ticket.category,
    source: `Ticket ${ticket.number}`,
  };
}

export interface TicketFaqDraftServiceDeps {
  readonly tickets: Pick<TicketRepository, 'getByNumber'>;
  readonly links: TicketDraftLinks;
  readonly drafts: KnowledgeDrafts;
  readonly now?: () => Date;
}

/** Turns a resolved ticket into an FAQ draft, once per ticket. */
export class TicketFaqDraftService {
  private readonly now: () => Date;

  constructor(private readonly deps: TicketFaqDraftServiceDeps) {
    this.now = deps.now ?? (() => new Date());
  }

  /** The entry a ticket became, if any (for a link on the ticket page). */
  linkOf(ticketNumber: string): Promise<TicketDraftLink | null> {
    return this.deps.links.get(ticketNumber);
  }

  /** Creates the draft of the ticket `ticketNumber` (canonical form, see `parseTicketNumber`). */
  async createDraft(ticketNumber: string, author: DraftAuthor): Promise<TicketFaqDraftResult> {
    const ticket = await this.deps.tickets.getByNumber(ticketNumber);
    if (!ticket) return { kind: 'not_found' };
    if (!FINISHED.includes(ticket.status)) return { kind: 'not_finished', status: ticket.status };
    if (lastAdvisorReply(ticket) === undefined) return { kind: 'no_reply' };
    const draft = faqDraftOfTicket(ticket);
    if (draft === null) return { kind: 'no_question' };
    const now = this.now();
    const link: TicketDraftLink = { ticketNumber: ticket.number, entryId: null, createdBy: author.id, createdAt: now.toISOString() };
    const existing = await this.deps.links.claim(link, new Date(now.getTime() - STALE_LINK_MS).toISOString());
    if (existing) return { kind: 'exists', entryId: existing.entryId, ticketNumber: ticket.number };
    let entryId: string;
    try {
      entryId = (await this.deps.drafts.createDraft(draft, author)).id;
    } catch (error) {
      await this.deps.links.release(ticket.number).catch(() => undefined);
      throw error;
    }
    await this.deps.links.complete(ticket.number, entryId);
    return { kind: 'created', entryId, ticketNumber: ticket.number };
  }
}
