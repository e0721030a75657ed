import { z } from 'zod';
import { TICKET_ACTIONS, TICKET_PRIORITIES } from '../../domain/tickets/ticket';
import type { TicketAction, TicketPriority } from '../../domain/tickets/ticket';

/**
 * What an advisor asked for with a ticket card button. The data comes from the network (Teams
 * echoes what the card carried, plus the inputs' values), so it is validated here; anything else
 * is a forged or outdated payload.
 */
export type AdvisorAction =
  | { readonly verb: 'refresh'; readonly ticketId: string }
  | { readonly verb: TicketAction; readonly ticketId: string; readonly version: number }
  | { readonly verb: 'reply' | 'note'; readonly ticketId: string; readonly version: number; readonly text: string }
  | { readonly verb: 'priority'; readonly ticketId: string; readonly version: number; readonly priority: TicketPriority }
  | { readonly verb: 'route'; readonly ticketId: string; readonly version: number; readonly groupId: string };

export type AdvisorVerb = AdvisorAction['verb'];

const ticketId = z.string().trim().min(1).max(128);
const version = z.union([z.number().int().min(1).max(1e9), z.string().regex(/^\d{1,9}$/).transform(Number)]);
/** The length is the domain's check (a clear notice); this only bounds what is read at all. */
const text = z.string().max(20_000).default('');

const schema = z.discriminatedUnion('verb', [
  z.object({ verb: z.literal('refresh'), ticketId }),
  z.object({ verb: z.enum(TICKET_ACTIONS), ticketId, version }),
  z.object({ verb: z.literal('reply'), ticketId, version, replyText: text }),
  z.object({ verb: z.literal('note'), ticketId, version, noteText: text }),
  z.object({ verb: z.literal('priority'), ticketId, version, priority: z.enum(TICKET_PRIORITIES) }),
  z.object({ verb: z.literal('route'), ticketId, version, groupId: z.string().trim().min(1).max(128) }),
]);

/** The `value` of an `adaptiveCard/action` invoke (other fields such as `trigger` are ignored). */
const invokeValueSchema = z.object({
  action: z.object({
    type: z.literal('Action.Execute'),
    verb: z.string().max(64),
    data: z.record(z.string(), z.unknown()).optional(),
  }),
});

/** Validates verb and data of an Action.Execute; null for anything forged, unknown or malformed. */
export function parseAdvisorAction(verb: unknown, data: unknown): AdvisorAction | null {
  const fields = data !== null && typeof data === 'object' && !Array.isArray(data) ? data : {};
  const parsed = schema.safeParse({ ...fields, verb });
  if (!parsed.success) return null;
  const action = parsed.data;
  switch (action.verb) {
    case 'refresh':
      return { verb: 'refresh', ticketId: action.ticketId };
    case 'reply':
      return { verb: 'reply', ticketId: action.ticketId, version: action.version, text: action.replyText };
    case 'note':
      return { verb: 'note', ticketId: action.ticketId, version: action.version, text: action.noteText };
    case 'priority':
      return { verb: 'priority', ticketId: action.ticketId, version: action.version, priority: action.priority };
    case 'route':
      return { verb: 'route', ticketId: action.ticketId, version: action.version, groupId: action.groupId };
    default:
      return { verb: action.verb, ticketId: action.ticketId, version: action.version };
  }
}

/** The action of an `adaptiveCard/action` invoke value, or null. */
export function parseAdvisorInvoke(value: unknown): AdvisorAction | null {
  const parsed = invokeValueSchema.safeParse(value);
  return parsed.success ? parseAdvisorAction(parsed.data.action.verb, parsed.data.action.data) : null;
}

/**
 * True when a message's `value` is meant for the advisors' ticket card (the `Action.Submit`
 * fallback carries `verb` and `ticketId`), whether or not it is valid; requester cards use `action`.
 */
export function isAdvisorSubmit(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && 'verb' in value && 'ticketId' in value;
}

/** The action of an `Action.Submit` fallback (`value` = data with the verb, plus the inputs), or null. */
export function parseAdvisorSubmit(value: unknown): AdvisorAction | null {
  if (!isAdvisorSubmit(value)) return null;
  return parseAdvisorAction(value.verb, value);
}
