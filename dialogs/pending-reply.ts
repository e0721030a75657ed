import type { CardSubmit } from '../src/bot/cards/card-actions';

/**
 * A short typed reply Lotse accepts after its last message, for channels without cards (and as a
 * convenience everywhere): "1".."3" after choices, "ja"/"nein" after an answer, "ja" after "no
 * answer" (forward the question), "ja"/"nein" after a ticket's resolved notice, "1".."5" after the
 * rating question, a number after "which ticket?". Only the user who was asked may answer it;
 * every new question replaces it.
 */
export type PendingReply =
  | { readonly kind: 'choices'; readonly userId: string; readonly questionId: string; readonly entryIds: readonly string[] }
  | { readonly kind: 'feedback'; readonly userId: string; readonly questionId: string; readonly entryId: string }
  | { readonly kind: 'handoff'; readonly userId: string; readonly questionId: string }
  | { readonly kind: 'ticket_resolved'; readonly userId: string; readonly ticketId: string }
  | { readonly kind: 'ticket_rating'; readonly userId: string; readonly ticketId: string }
  /** "Which ticket?" (several wait for the requester) or "send again?" (one ticket, after a failed save). */
  | { readonly kind: 'ticket_attach'; readonly userId: string; readonly ticketIds: readonly string[] };

/** The conversation-state property that holds the pending reply. */
export const PENDING_REPLY_PROPERTY = 'pendingReply';

const YES = new Set(['ja', 'j', 'yes', 'y', 'jawohl', 'ja danke', 'yes thanks', 'ja bitte', 'yes please']);
const NO = new Set(['nein', 'n', 'no', 'nö', 'leider nein', 'nein danke', 'no thanks']);
const FORWARD = new Set([...['weitergeben', 'ja weitergeben', 'bitte weitergeben', 'forward', 'forward it'], ...YES]);
const NONE = new Set(['0', 'keine', 'keine davon', 'none', 'none of them']);
/** A rating: the score, optionally followed by a comment ("4", "4 - schnelle Hilfe", "5, danke"). */
const RATING = /^([1-5])(?:\s*(?:\/\s*5|von 5|of 5))?(?:$|[\s.,;:!)–-]+([\s\S]*)$)/i;

/** The card submit a typed reply stands for, or null when the text is not an answer to `pending`. */
export function matchPendingReply(pending: PendingReply | undefined, text: string, userId: string): CardSubmit | null {
  if (!pending || pending.userId !== userId) return null;
  const reply = text
    .toLowerCase()
    .replace(/[.,!?;:()]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  switch (pending.kind) {
    case 'choices': {
      const entryId = pending.entryIds[numberIndex(reply)];
      return entryId ? { action: 'choose', questionId: pending.questionId, entryId } : null;
    }
    case 'feedback':
      if (YES.has(reply) || NO.has(reply)) {
        return { action: 'feedback', questionId: pending.questionId, entryId: pending.entryId, helpful: YES.has(reply) };
      }
      return null;
    case 'handoff':
      return FORWARD.has(reply) ? { action: 'handoff', questionId: pending.questionId } : null;
    case 'ticket_resolved':
      if (YES.has(reply)) return { action: 'ticket_confirm_resolved', ticketId: pending.ticketId };
      return NO.has(reply) ? { action: 'ticket_reopen', ticketId: pending.ticketId } : null;
    case 'ticket_rating':
      return matchRating(text, pending.ticketId);
    case 'ticket_attach':
      return matchAttach(reply, pending.ticketIds);
  }
}

function matchRating(text: string, ticketId: string): CardSubmit | null {
  const match = RATING.exec(text.trim());
  if (!match) return null;
  const comment = match[2]?.trim() ?? '';
  return { action: 'ticket_rate', ticketId, score: Number(match[1]), ...(comment ? { comment } : {}) };
}

function matchAttach(reply: string, ticketIds: readonly string[]): CardSubmit | null {
  if (NONE.has(reply)) return { action: 'ticket_attach_none' };
  const single = ticketIds.length === 1 ? ticketIds[0] : undefined;
  const ticketId = single !== undefined && YES.has(reply) ? single : ticketIds[numberIndex(reply)];
  return ticketId ? { action: 'ticket_attach', ticketId } : null;
}

function numberIndex(reply: string): number {
  return /^\d+$/.test(reply) ? Number(reply) - 1 : -1;
}
