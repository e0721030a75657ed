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

/** What an `Action.Submit` of a Lotse card sends back as `activity.value`. */
export type CardSubmit = FeedbackSubmit | ChooseSubmit;

const id = z.string().trim().min(1).max(128);

const cardSubmitSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('feedback'), questionId: id, entryId: id, helpful: z.boolean() }),
  z.object({ action: z.literal('choose'), questionId: id, entryId: id }),
]);

/**
 * Validates the value of a card submit. Clients echo the data we put on the card, but the value
 * comes from the network: anything else (other actions, missing or oversized ids) gives null.
 */
export function parseCardSubmit(value: unknown): CardSubmit | null {
  const parsed = cardSubmitSchema.safeParse(value);
  if (!parsed.success) return null;
  const submit = parsed.data;
  return submit.action === 'feedback'
    ? { action: 'feedback', questionId: submit.questionId, entryId: submit.entryId, helpful: submit.helpful }
    : { action: 'choose', questionId: submit.questionId, entryId: submit.entryId };
}
