import type { z } from 'zod';
import { AppError, ErrorCode } from '../errors';
import { FAQ_ENTRY_FIELDS, type FaqEntry } from './faq-entry';
import { FAQ_LIMITS, FaqEntrySchema } from './faq-entry.schema';

/** The editorial fields of an entry without its id: what an editor writes. */
export type FaqEntryFields = Omit<FaqEntry, 'id'>;

/** A field of an FAQ entry. */
export type FaqField = keyof FaqEntry;

/** The fields of an entry in the order of the file format (and of the editor and the CSV). */
export const FAQ_FIELDS: readonly FaqField[] = FAQ_ENTRY_FIELDS;

/** One problem of a candidate entry, with a German message for the editor. */
export interface FaqFieldIssue {
  /** The field, or the unknown key for `unknown`. */
  readonly field: string;
  /** `missing`: the field is absent or empty; `unknown`: a field the format does not have; else `invalid`. */
  readonly kind: 'missing' | 'unknown' | 'invalid';
  /** German, addressed to the editor, e.g. "Bitte mindestens 5 Zeichen eingeben." */
  readonly message: string;
}

/** German field errors by field name (the first problem of each field), as in `details.fields`. */
export type FieldErrors = Readonly<Record<string, string>>;

const SINGLE_LINE_HINT = 'Bitte eine Zeile ohne Leerzeichen am Anfang oder Ende.';

const FORMAT_MESSAGES: Readonly<Record<string, string>> = {
  id: 'Die ID besteht aus 2–64 Zeichen a–z, 0–9 und „-“ (z. B. „kb-085“).',
  answer: 'Die Antwort darf nicht mit Leerzeichen beginnen oder enden.',
  tags: 'Schlagwörter bestehen aus Kleinbuchstaben, Ziffern, inneren Leerzeichen und „. / & + -“.',
  reviewDate: 'Bitte ein gültiges Datum im Format JJJJ-MM-TT angeben.',
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function itemPrefix(field: string, index: PropertyKey | undefined, candidate: unknown): string {
  if (typeof index !== 'number') return '';
  if (field === 'alternativeQuestions') return `Alternative Frage ${index + 1}: `;
  const items = isRecord(candidate) ? candidate[field] : undefined;
  const item: unknown = Array.isArray(items) ? items[index] : undefined;
  return typeof item === 'string' ? `„${item}“: ` : `Eintrag ${index + 1}: `;
}

function describe(issue: z.core.$ZodIssue, field: string): string {
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'array') return `Bitte mindestens ${String(issue.minimum)} Eintrag angeben.`;
      return `Bitte mindestens ${String(issue.minimum)} Zeichen eingeben.`;
    case 'too_big':
      if (issue.origin === 'array') return `Höchstens ${String(issue.maximum)} Einträge.`;
      return `Höchstens ${String(issue.maximum)} Zeichen.`;
    case 'invalid_format':
      return FORMAT_MESSAGES[field] ?? SINGLE_LINE_HINT;
    case 'invalid_value':
      return 'Bitte „draft“, „published“ oder „retired“ wählen.';
    case 'custom':
      return 'Jeder Eintrag darf nur einmal vorkommen (Groß-/Kleinschreibung zählt nicht).';
    case 'invalid_type':
      return field === 'alternativeQuestions' || field === 'tags' ? 'Bitte eine Liste von Texten angeben.' : 'Bitte einen Text angeben.';
    default:
      return 'Ungültiger Wert.';
  }
}

/**
 * Trims text fields, turns CRLF line ends of the answer into LF and drops empty list items, so
 * that what people type (or Excel writes) is judged by its content. Other values pass unchanged.
 */
export function normalizeFaqEntryInput<T extends object>(input: T): T {
  const out: Record<string, unknown> = { ...(input as Record<string, unknown>) };
  for (const [key, value] of Object.entries(out)) {
    if (typeof value === 'string') {
      out[key] = (key === 'answer' ? value.replace(/\r\n?/g, '\n') : value).trim();
    } else if (Array.isArray(value)) {
      out[key] = value.map((item: unknown) => (typeof item === 'string' ? item.trim() : item)).filter((item) => item !== '');
    }
  }
  return out as T;
}

/**
 * Checks a candidate entry against the FAQ schema (the same rules as the knowledge/ files) and
 * describes every problem in German, at most one per field. With `idOptional`, a missing id is
 * no problem (a new entry gets the next free id).
 */
export function findFaqEntryIssues(candidate: unknown, options: { idOptional?: boolean } = {}): FaqFieldIssue[] {
  const record = isRecord(candidate) ? candidate : {};
  const withId = options.idOptional && record.id === undefined ? { ...record, id: 'kb-000' } : candidate;
  const parsed = FaqEntrySchema.safeParse(withId);
  if (parsed.success) return [];
  const issues: FaqFieldIssue[] = [];
  const seen = new Set<string>();
  for (const issue of parsed.error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) issues.push({ field: key, kind: 'unknown', message: `Unbekanntes Feld „${key}“.` });
      continue;
    }
    const field = String(issue.path[0] ?? '(entry)');
    if (seen.has(field)) continue;
    seen.add(field);
    if ((record[field] === undefined || record[field] === '') && issue.path.length === 1) {
      issues.push({ field, kind: 'missing', message: 'Dieses Feld ist erforderlich.' });
    } else {
      issues.push({ field, kind: 'invalid', message: itemPrefix(field, issue.path[1], candidate) + describe(issue, field) });
    }
  }
  return issues;
}

/** The field errors of a list of issues, by field (for `details.fields`). */
export function toFieldErrors(issues: readonly FaqFieldIssue[]): FieldErrors {
  return Object.fromEntries(issues.map((issue) => [issue.field, issue.message]));
}

/** An AppError `VALIDATION_FAILED` whose `details.fields` holds German messages by field. */
export function fieldValidationError(fields: FieldErrors, entryId?: string): AppError {
  return new AppError(ErrorCode.ValidationFailed, 'the FAQ entry is invalid', { fields, ...(entryId ? { entryId } : {}) });
}

/**
 * Returns the entry when it is valid, else throws AppError `VALIDATION_FAILED` with
 * `details.fields` (German messages by field name).
 */
export function assertValidFaqEntry(candidate: FaqEntry): FaqEntry {
  const issues = findFaqEntryIssues(candidate);
  if (issues.length > 0) throw fieldValidationError(toFieldErrors(issues), candidate.id);
  return FaqEntrySchema.parse(candidate);
}

/** The maximum number of alternative questions of one entry. */
export const MAX_ALTERNATIVE_QUESTIONS = FAQ_LIMITS.alternativeQuestionsMax;
