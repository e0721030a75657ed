import { z } from 'zod';
import { TICKET_ACTIONS, TICKET_PRIORITIES } from '../../../domain/tickets/ticket';
import type { TicketAction, TicketPriority } from '../../../domain/tickets/ticket';
import { MAX_MESSAGE_LENGTH } from '../../../domain/tickets/ticket-changes';
import { TICKET_TEXTS as T } from './ticket-texts';

/** The forms of the ticket page; each posts to `/dashboard/tickets/:number/<verb>`. */
export const ACTION_VERBS = ['claim', 'reply', 'note', 'status', 'priority', 'route'] as const;

export type ActionVerb = (typeof ACTION_VERBS)[number];

/** A checked form: the verb, the version the page showed and the verb's value. */
export type ActionInput =
  | { readonly verb: 'claim'; readonly version: number }
  | { readonly verb: 'reply' | 'note'; readonly version: number; readonly text: string }
  | { readonly verb: 'status'; readonly version: number; readonly action: TicketAction }
  | { readonly verb: 'priority'; readonly version: number; readonly priority: TicketPriority }
  | { readonly verb: 'route'; readonly version: number; readonly group: string };

/** The field of each form besides `version` (null: the form has none). */
export const ACTION_FIELD: Readonly<Record<ActionVerb, 'text' | 'action' | 'priority' | 'group' | null>> = {
  claim: null,
  reply: 'text',
  note: 'text',
  status: 'action',
  priority: 'priority',
  route: 'group',
};

/** A form sent back: what was sent (text only) and the problem of its field, if any. */
export interface SentForm {
  readonly verb: ActionVerb;
  readonly value: string;
  readonly error?: string;
}

export type ActionParse =
  | { readonly ok: true; readonly input: ActionInput }
  /** `stale`: the hidden version is missing or forged — nothing the advisor can correct in a field. */
  | { readonly ok: false; readonly sent: SentForm; readonly stale: boolean };

/** The longest message as people read it ("5.000"). */
export const MAX_TEXT_LABEL = MAX_MESSAGE_LENGTH.toLocaleString('de-DE');
const version = z.string().regex(/^[1-9]\d{0,8}$/).transform(Number);
const message = z
  .string()
  .transform((text) => text.replace(/\r\n?/g, '\n').trim())
  .pipe(z.string().min(1, { error: T.fieldErrors.emptyText }).max(MAX_MESSAGE_LENGTH, { error: T.fieldErrors.textTooLong(MAX_TEXT_LABEL) }));

/**
 * Checks a posted form of the ticket page: the version must be a positive integer and the field a
 * string of its kind — an enum member, a known group, a non-empty text of at most 5,000 characters.
 * Arrays (repeated fields) and anything else are refused for their field.
 */
export function parseActionForm(verb: ActionVerb, form: Readonly<Record<string, unknown>>, isGroup: (groupId: string) => boolean): ActionParse {
  const field = ACTION_FIELD[verb];
  const sentValue = field !== null && typeof form[field] === 'string' ? (form[field] as string) : '';
  const checkedVersion = version.safeParse(form.version);
  if (!checkedVersion.success) return { ok: false, sent: { verb, value: sentValue }, stale: true };
  const v = checkedVersion.data;
  const refuse = (error: string): ActionParse => ({ ok: false, sent: { verb, value: sentValue, error }, stale: false });
  switch (verb) {
    case 'claim':
      return { ok: true, input: { verb, version: v } };
    case 'reply':
    case 'note': {
      const text = message.safeParse(form.text);
      if (!text.success) return refuse(typeof form.text === 'string' ? (text.error.issues[0]?.message ?? T.fieldErrors.emptyText) : T.fieldErrors.emptyText);
      return { ok: true, input: { verb, version: v, text: text.data } };
    }
    case 'status': {
      const action = z.enum(TICKET_ACTIONS).safeParse(form.action);
      return action.success ? { ok: true, input: { verb, version: v, action: action.data } } : refuse(T.fieldErrors.choice);
    }
    case 'priority': {
      const priority = z.enum(TICKET_PRIORITIES).safeParse(form.priority);
      return priority.success ? { ok: true, input: { verb, version: v, priority: priority.data } } : refuse(T.fieldErrors.choice);
    }
    case 'route': {
      const group = z.string().refine(isGroup).safeParse(form.group);
      return group.success ? { ok: true, input: { verb, version: v, group: group.data } } : refuse(T.fieldErrors.choice);
    }
  }
}
