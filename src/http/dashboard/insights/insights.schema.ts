import { z } from 'zod';
import { FAQ_LIMITS } from '../../../domain/knowledge/faq-entry.schema';
import {
  DEFAULT_PERIOD_DAYS,
  MAX_PERIOD_DAYS,
  addDays,
  createReportingPeriod,
  daysInclusive,
  localToday,
  parseIsoDate,
} from '../../../domain/insights/reporting-period';
import type { ReportingPeriod } from '../../../domain/insights/reporting-period';
import { isoDate } from '../../../domain/tickets/time-zone';
import { ANALYTICS_TABLES } from './analytics-tables';

/**
 * Request schemas of the insight pages. Every query and form value is a single string checked
 * here before it reaches a service; a repeated key (an array) or anything else fails with a German
 * message per field, shown on a 422 page.
 */

/** Field name -> German message. */
export type FieldErrors = Readonly<Record<string, string>>;

const emptyToUndefined = (value: unknown) => (value === '' ? undefined : value);

const oneString = (what: string) => z.string({ error: `Bitte geben Sie genau einen Wert für ${what} an.` });

const dateField = (what: string) =>
  z.preprocess(
    emptyToUndefined,
    oneString(what)
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'Bitte geben Sie das Datum im Format JJJJ-MM-TT an.')
      .refine((value) => parseIsoDate(value) !== null, 'Dieses Datum gibt es nicht.')
      .optional(),
  );

const PeriodFields = {
  from: dateField('„Von“'),
  to: dateField('„Bis“'),
};

export const PeriodQuerySchema = z.object(PeriodFields);

export const GapsQuerySchema = z.object({
  ...PeriodFields,
  page: z.preprocess(emptyToUndefined, oneString('die Seite').regex(/^[1-9]\d{0,3}$/, 'Bitte geben Sie eine Seitenzahl an.').optional()),
});

export const CsvQuerySchema = z.object({
  ...PeriodFields,
  table: z.enum(ANALYTICS_TABLES, { error: 'Diese Tabelle gibt es nicht.' }),
});

/** The group a gap action refers to: its key as shown on the page, with the period it was shown for. */
export const GapTargetSchema = z.object({
  ...PeriodFields,
  group: oneString('die Gruppe').min(1, 'Die Gruppe fehlt.').max(2000, 'Die Gruppe ist ungültig.'),
});

/** The choice in the "new entry" form of a group. */
export const NewEntryChoiceSchema = z.object({
  category: z.preprocess(
    emptyToUndefined,
    z
      .string({ error: 'Bitte wählen Sie eine Kategorie.' })
      .max(FAQ_LIMITS.categoryMax, 'Bitte wählen Sie eine Kategorie aus der Liste.'),
  ),
});

/** The choice in the "alternative questions" form of a group. */
export const AlternativesChoiceSchema = z.object({
  entryId: z.preprocess(
    emptyToUndefined,
    z.string({ error: 'Bitte wählen Sie einen Eintrag.' }).regex(FAQ_LIMITS.idPattern, 'Bitte wählen Sie einen Eintrag aus der Liste.'),
  ),
});

export const TicketNumberParamsSchema = z.object({
  number: oneString('die Ticketnummer').min(1).max(40, 'Die Ticketnummer ist ungültig.'),
});

/** The first message per top-level field of a zod error. */
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? '_form');
    errors[field] ??= issue.message;
  }
  return errors;
}

export type PeriodResult =
  | { readonly ok: true; readonly period: ReportingPeriod }
  | { readonly ok: false; readonly errors: FieldErrors; readonly from: string; readonly to: string };

/**
 * The period of validated `from`/`to` (either may be missing): both missing = the last 30 days up
 * to today; only `to` = the 30 days up to it; only `from` = from it to today (or that one day when
 * it lies ahead). Local days of `timeZone`; at most {@link MAX_PERIOD_DAYS} days; `to` not before `from`.
 */
export function resolvePeriod(input: { from?: string | undefined; to?: string | undefined }, now: Date, timeZone: string): PeriodResult {
  const today = localToday(now, timeZone);
  const to = input.to ?? (input.from !== undefined && input.from > today ? input.from : today);
  const from = input.from ?? isoDate(addDays(parseIsoDate(to)!, 1 - DEFAULT_PERIOD_DAYS));
  const days = daysInclusive(parseIsoDate(from)!, parseIsoDate(to)!);
  if (days < 1) return { ok: false, errors: { to: 'Das Enddatum darf nicht vor dem Anfangsdatum liegen.' }, from, to };
  if (days > MAX_PERIOD_DAYS) return { ok: false, errors: { from: `Der Zeitraum darf höchstens ${MAX_PERIOD_DAYS} Tage umfassen.` }, from, to };
  return { ok: true, period: createReportingPeriod(from, to, timeZone) };
}

/** A raw value as text for re-showing it in a form (arrays and other types show as empty). */
export function rawText(value: unknown): string {
  return typeof value === 'string' ? value.slice(0, 100) : '';
}

export type ParsedWithPeriod<T> =
  | { readonly ok: true; readonly data: T; readonly period: ReportingPeriod }
  | { readonly ok: false; readonly errors: FieldErrors; readonly values: { readonly from: string; readonly to: string } };

/** Validates `input` with `schema` (which has `from`/`to`) and resolves the period (see {@link resolvePeriod}). */
export function parseWithPeriod<T extends { from?: string | undefined; to?: string | undefined }>(
  schema: z.ZodType<T>,
  input: unknown,
  now: Date,
  timeZone: string,
): ParsedWithPeriod<T> {
  const raw = (input ?? {}) as Record<string, unknown>;
  const values = { from: rawText(raw.from), to: rawText(raw.to) };
  const parsed = schema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: fieldErrorsOf(parsed.error), values };
  const resolved = resolvePeriod(parsed.data, now, timeZone);
  if (!resolved.ok) return { ok: false, errors: resolved.errors, values: { from: resolved.from, to: resolved.to } };
  return { ok: true, data: parsed.data, period: resolved.period };
}
