import { z } from 'zod';
import { TICKET_PRIORITIES, type TicketPriority } from '../../domain/tickets/ticket';
import { cleanText } from '../turn-input';

/**
 * What a requester fills in for a ticket, and the checks of every value that comes back from the
 * form or is typed in the plain-text dialog. The limits are those of `TicketService.openTicket`,
 * so a checked draft is never refused there.
 */

/** The category for anything the knowledge categories do not cover (routed to the default group). */
export const OTHER_CATEGORY = 'Sonstiges';
export const MAX_SUBJECT_LENGTH = 200;
export const MAX_DESCRIPTION_LENGTH = 5000;
export const MAX_MUNICIPALITY_LENGTH = 200;

/** The inputs of the form (their ids) and the questions of the plain-text dialog, in this order. */
export const TICKET_FIELDS = ['subject', 'description', 'category', 'urgency', 'municipality'] as const;

export type TicketField = (typeof TICKET_FIELDS)[number];

/** A ticket draft's content, checked. */
export interface TicketFields {
  readonly subject: string;
  readonly description: string;
  readonly category: string;
  readonly priority: TicketPriority;
  readonly municipality: string;
}

/** What the form showed and what a submit is checked against. */
export interface FormContext {
  /** The categories offered (see {@link categoryChoices}). */
  readonly categories: readonly string[];
  /** The remembered municipality when the form did not ask for it; null when it did. */
  readonly municipality: string | null;
}

export type FormCheck = { readonly ok: true; readonly fields: TicketFields } | { readonly ok: false; readonly problems: readonly TicketField[] };

/** The categories a requester can choose from: the knowledge categories (sorted, once each) and "Sonstiges". */
export function categoryChoices(categories: readonly string[]): string[] {
  const unique = [...new Set(categories.map((category) => category.trim()).filter((category) => category && category !== OTHER_CATEGORY))];
  return [...unique.sort((a, b) => a.localeCompare(b, 'de')), OTHER_CATEGORY];
}

/** Subject and description prefilled from the question: the description only holds a question too long for the subject. */
export function prefillFromQuestion(question: string): { subject: string; description: string } {
  const text = cleanText(question);
  if (text.length <= MAX_SUBJECT_LENGTH) return { subject: text, description: '' };
  const cut = text.slice(0, MAX_SUBJECT_LENGTH - 1);
  const atWord = cut.lastIndexOf(' ');
  return { subject: `${(atWord > MAX_SUBJECT_LENGTH / 2 ? cut.slice(0, atWord) : cut).trimEnd()}…`, description: question.trim() };
}

/** Keeps line breaks, drops control and invisible characters, collapses runs of spaces and blank lines. */
export function cleanMultilineText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[\p{Cc}\p{Cf}]/gu, (char) => (char === '\n' ? char : char === '\t' ? ' ' : ''))
    .replace(/[^\S\n]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

const singleLine = (max: number) => z.string().transform(cleanText).pipe(z.string().min(1).max(max));
const description = z.string().transform(cleanMultilineText).pipe(z.string().max(MAX_DESCRIPTION_LENGTH));
const priority = z.enum(TICKET_PRIORITIES);

/**
 * Checks a submitted form field by field. Every problem is reported (the form is shown again with
 * all of them); values other than strings — a forged submit — are problems too.
 */
export function checkTicketForm(values: Readonly<Partial<Record<TicketField, unknown>>>, context: FormContext): FormCheck {
  const schema = z.object({
    subject: singleLine(MAX_SUBJECT_LENGTH),
    // An empty description field may be left out by the client.
    description: description.optional().transform((value) => value ?? ''),
    category: z.string().refine((value) => context.categories.includes(value)),
    urgency: priority,
    municipality: context.municipality === null ? singleLine(MAX_MUNICIPALITY_LENGTH) : z.unknown(),
  });
  const parsed = schema.safeParse(values);
  if (!parsed.success) {
    const problems = new Set(parsed.error.issues.map((issue) => issue.path[0]));
    return { ok: false, problems: TICKET_FIELDS.filter((field) => problems.has(field)) };
  }
  const { subject, category, urgency } = parsed.data;
  const municipality = context.municipality ?? (parsed.data.municipality as string);
  return { ok: true, fields: { subject, description: parsed.data.description, category, priority: urgency, municipality } };
}

/** A typed answer in the plain-text dialog: the value, or that it does not fit. */
export type TextAnswer<T> = { readonly ok: true; readonly value: T } | { readonly ok: false };

const NO_DESCRIPTION = new Set(['-', '–', 'keine', 'nein', 'none', 'no']);

const URGENCY_WORDS: Readonly<Record<string, TicketPriority>> = {
  niedrig: 'low',
  low: 'low',
  normal: 'normal',
  hoch: 'high',
  high: 'high',
  dringend: 'urgent',
  urgent: 'urgent',
};

/** A subject typed in the plain-text dialog (1-200 characters). */
export function readSubject(text: string): TextAnswer<string> {
  return fromSchema(singleLine(MAX_SUBJECT_LENGTH), text);
}

/** A description typed in the plain-text dialog; "-" or "keine" for none. */
export function readDescription(text: string): TextAnswer<string> {
  if (NO_DESCRIPTION.has(text.trim().toLowerCase())) return { ok: true, value: '' };
  return fromSchema(description, text);
}

/** A municipality typed in the plain-text dialog (1-200 characters). */
export function readMunicipality(text: string): TextAnswer<string> {
  return fromSchema(singleLine(MAX_MUNICIPALITY_LENGTH), text);
}

/** A category by its number in `choices` (1-based) or its name, case-insensitive. */
export function readCategory(text: string, choices: readonly string[]): TextAnswer<string> {
  const answer = text.trim().replace(/[.)]$/, '').toLowerCase();
  const byNumber = /^\d{1,3}$/.test(answer) ? choices[Number(answer) - 1] : undefined;
  const value = byNumber ?? choices.find((choice) => choice.toLowerCase() === answer);
  return value === undefined ? { ok: false } : { ok: true, value };
}

/** An urgency by its number (1 niedrig … 4 dringend) or its word, German or English. */
export function readUrgency(text: string): TextAnswer<TicketPriority> {
  const answer = text.trim().replace(/[.)]$/, '').toLowerCase();
  const byNumber = /^\d$/.test(answer) ? TICKET_PRIORITIES[Number(answer) - 1] : undefined;
  const value = byNumber ?? URGENCY_WORDS[answer];
  return value === undefined ? { ok: false } : { ok: true, value };
}

function fromSchema<T>(schema: z.ZodType<T>, text: string): TextAnswer<T> {
  const parsed = schema.safeParse(text);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false };
}
