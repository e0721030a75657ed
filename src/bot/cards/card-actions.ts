import { z } from 'zod';

/** Data of the "Ja" / "Nein" buttons under an answer. */
export interface FeedbackSubmit {
  readonly action: 'feedback';
  readonly questionId: string;
  readonly entryId: string;
  readonly helpful: boolean;
}

/** Data of a button on the choices card. */
export interface ChooseSubmit {
  readonly action: 'choose';
  readonly questionId: string;
  readonly entryId: string;
}

/** "An die Berater:innen weitergeben" under an answer, choices or "no answer": the question becomes a ticket. */
export interface HandoffSubmit {
  readonly action: 'handoff';
  readonly questionId: string;
}

/**
 * The create-ticket form: the draft it belongs to and the input values as the client sent them.
 * The values are checked field by field by the dialog (a forged or incomplete form is shown again).
 */
export interface TicketFormSubmit {
  readonly action: 'ticket_form';
  readonly draftId: string;
  readonly subject?: unknown;
  readonly description?: unknown;
  readonly category?: unknown;
  readonly urgency?: unknown;
  readonly municipality?: unknown;
}

/** A button under the summary of a ticket draft. */
export interface TicketDraftSubmit {
  readonly action: 'ticket_draft';
  readonly draftId: string;
  readonly decision: 'submit' | 'edit' | 'cancel';
}

/** The reply field on a card about one of the requester's tickets; `replyText` is checked by the dialog. */
export interface TicketReplySubmit {
  readonly action: 'ticket_reply';
  readonly ticketId: string;
  readonly replyText?: unknown;
}

/** Adds the message Lotse kept (several tickets wait for the requester) to this ticket. */
export interface TicketAttachSubmit {
  readonly action: 'ticket_attach';
  readonly ticketId: string;
}

/** The kept message belongs to none of the waiting tickets: answer it as a question. */
export interface TicketAttachNoneSubmit {
  readonly action: 'ticket_attach_none';
}

/** "Ja, erledigt" under the resolved notice. */
export interface TicketConfirmResolvedSubmit {
  readonly action: 'ticket_confirm_resolved';
  readonly ticketId: string;
}

/** "Nein, wieder öffnen" under the resolved notice. */
export interface TicketReopenSubmit {
  readonly action: 'ticket_reopen';
  readonly ticketId: string;
}

/** The satisfaction rating; `score` (1-5) and `comment` are checked by the dialog. */
export interface TicketRateSubmit {
  readonly action: 'ticket_rate';
  readonly ticketId: string;
  readonly score?: unknown;
  readonly comment?: unknown;
}

/** What an `Action.Submit` of a Lotse card sends back as `activity.value`. */
export type CardSubmit =
  | FeedbackSubmit
  | ChooseSubmit
  | HandoffSubmit
  | TicketFormSubmit
  | TicketDraftSubmit
  | TicketReplySubmit
  | TicketAttachSubmit
  | TicketAttachNoneSubmit
  | TicketConfirmResolvedSubmit
  | TicketReopenSubmit
  | TicketRateSubmit;

/** The submits that belong to a ticket draft (form and summary). */
export type TicketDraftCardSubmit = TicketFormSubmit | TicketDraftSubmit;

const id = z.string().trim().min(1).max(128);
/** An input's value: checked by the dialog that reads it; clients leave empty inputs out. */
const input = z.unknown().optional();

// z.object drops every key it does not name (e.g. Teams' `msteams`), so the result holds only ours.
const cardSubmitSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('feedback'), questionId: id, entryId: id, helpful: z.boolean() }),
  z.object({ action: z.literal('choose'), questionId: id, entryId: id }),
  z.object({ action: z.literal('handoff'), questionId: id }),
  z.object({
    action: z.literal('ticket_form'),
    draftId: id,
    subject: input,
    description: input,
    category: input,
    urgency: input,
    municipality: input,
  }),
  z.object({ action: z.literal('ticket_draft'), draftId: id, decision: z.enum(['submit', 'edit', 'cancel']) }),
  z.object({ action: z.literal('ticket_reply'), ticketId: id, replyText: input }),
  z.object({ action: z.literal('ticket_attach'), ticketId: id }),
  z.object({ action: z.literal('ticket_attach_none') }),
  z.object({ action: z.literal('ticket_confirm_resolved'), ticketId: id }),
  z.object({ action: z.literal('ticket_reopen'), ticketId: id }),
  z.object({ action: z.literal('ticket_rate'), ticketId: id, score: input, comment: input }),
]);

/**
 * Validates the value of a card submit. Clients echo the data we put on the card, but the value
 * comes from the network: anything else (other actions, missing or oversized ids) gives null.
 * Input values (form fields, reply text, rating) pass through unchecked: their dialog checks them
 * and answers a bad value with the form again rather than "not recognised".
 */
export function parseCardSubmit(value: unknown): CardSubmit | null {
  const parsed = cardSubmitSchema.safeParse(value);
  if (!parsed.success) return null;
  const submit: CardSubmit = parsed.data;
  return withoutUndefined(submit);
}

/** True for the submits of a ticket draft's form and summary. */
export function isTicketDraftSubmit(submit: CardSubmit): submit is TicketDraftCardSubmit {
  return submit.action === 'ticket_form' || submit.action === 'ticket_draft';
}

/** Drops keys whose value is undefined, so absent inputs stay absent (and results compare cleanly). */
function withoutUndefined<T extends object>(submit: T): T {
  return Object.fromEntries(Object.entries(submit).filter(([, value]) => value !== undefined)) as T;
}
