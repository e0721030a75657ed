import type { CardSubmit } from '../src/bot/cards/card-actions';

/**
 * A short typed reply Lotse accepts after its last message, for channels without cards (and as a
 * convenience everywhere): "1".."3" after choices, "ja"/"nein" after an answer. Only the user who
 * asked may answer it; every new question replaces it.
 */
export type PendingReply =
  | { readonly kind: 'choices'; readonly userId: string; readonly questionId: string; readonly entryIds: readonly string[] }
  | { readonly kind: 'feedback'; readonly userId: string; readonly questionId: string; readonly entryId: string };

const YES = new Set(['ja', 'j', 'yes', 'y', 'jawohl', 'ja danke', 'yes thanks']);
const NO = new Set(['nein', 'n', 'no', 'nö', 'leider nein', 'nein danke', 'no thanks']);

/** The card submit a typed reply stands for, or null when the text is not an answer to `pending`. */
export function matchPendingReply(pending: PendingReply | undefined, text: string, userId: string): CardSubmit | null {
  if (!pending || pending.userId !== userId) return null;
  const reply = text
    .toLowerCase()
    .replace(/[.,!?;:()]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (pending.kind === 'choices') {
    const index = /^\d+$/.test(reply) ? Number(reply) - 1 : -1;
    const entryId = pending.entryIds[index];
    return entryId ? { action: 'choose', questionId: pending.questionId, entryId } : null;
  }
  if (YES.has(reply) || NO.has(reply)) {
    return { action: 'feedback', questionId: pending.questionId, entryId: pending.entryId, helpful: YES.has(reply) };
  }
  return null;
}
