import { parseCsv, writeCsv } from './csv';
import type { CsvRecord } from './csv';
import type { FaqEntry } from './faq-entry';
import type { FaqFieldIssue } from './faq-entry-validation';
import { FAQ_FIELDS, findFaqEntryIssues, normalizeFaqEntryInput } from './faq-entry-validation';
import type { NewFaqEntry } from './knowledge-editor.service';
import { findJsonEntryLines } from './json-entry-lines';

/**
 * Export and import of the whole FAQ as one file: JSON in the format of `knowledge/faq/*.json`
 * (`{ "$schema": ..., "entries": [...] }`), or CSV for Excel (one entry per row, the columns named
 * like the JSON fields, list fields joined with ` | `). Export followed by import is lossless.
 */

export type TransferFormat = 'json' | 'csv';

export type TransferParseResult = { readonly ok: true; readonly entries: NewFaqEntry[] } | { readonly ok: false; readonly problems: string[] };

/** The `$schema` of an exported JSON file: valid as it is when put into `knowledge/faq/`. */
export const FAQ_FILE_SCHEMA_REF = '../schema/faq-file.schema.json';
const LIST_FIELDS: ReadonlySet<string> = new Set(['alternativeQuestions', 'tags']);
const LIST_SEPARATOR = ' | ';
/** A leading character that makes Excel read a cell as a formula; escaped with `'` on export. */
const FORMULA_START = /^[=+\-@']/;

function contentOf(entry: FaqEntry): FaqEntry {
  return Object.fromEntries(FAQ_FIELDS.map((field) => [field, entry[field]])) as unknown as FaqEntry;
}

/** The entries as a FAQ file (JSON, two-space indent, final newline). */
export function exportFaqJson(entries: readonly FaqEntry[]): string {
  return `${JSON.stringify({ $schema: FAQ_FILE_SCHEMA_REF, entries: entries.map(contentOf) }, null, 2)}\n`;
}

/** `|` and `\` inside a list item are escaped with `\`, so that ` | ` can join the items. */
function joinList(items: readonly string[]): string {
  return items.map((item) => item.replace(/[\\|]/g, (char) => `\\${char}`)).join(LIST_SEPARATOR);
}

function splitList(cell: string): string[] {
  const items: string[] = [];
  let current = '';
  for (let i = 0; i < cell.length; i++) {
    const char = cell[i]!;
    if (char === '\\' && (cell[i + 1] === '|' || cell[i + 1] === '\\')) {
      current += cell[++i];
    } else if (char === '|') {
      items.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  items.push(current);
  return items.map((item) => item.trim()).filter((item) => item !== '');
}

function protectCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

function unprotectCell(value: string): string {
  return value.startsWith("'") && FORMULA_START.test(value.slice(1)) ? value.slice(1) : value;
}

/** The entries as CSV for Excel: byte order mark, `;`, header row of field names, CRLF. */
export function exportFaqCsv(entries: readonly FaqEntry[]): string {
  const rows = entries.map((entry) =>
    FAQ_FIELDS.map((field) => {
      const value = entry[field];
      return protectCell(typeof value === 'string' ? value : joinList(value));
    }),
  );
  return writeCsv([[...FAQ_FIELDS], ...rows]);
}

/** `json` when the text (after a byte order mark and whitespace) starts with `{`, else `csv`. */
export function detectTransferFormat(text: string): TransferFormat {
  return /^\uFEFF?\s*\{/.test(text) ? 'json' : 'csv';
}

function describeIssue(line: number, issue: FaqFieldIssue): string {
  if (issue.kind === 'missing') return `Zeile ${line}: Feld '${issue.field}' fehlt`;
  if (issue.kind === 'unknown') return `Zeile ${line}: Unbekanntes Feld '${issue.field}'`;
  return `Zeile ${line}: Feld '${issue.field}': ${issue.message}`;
}

/** Validates candidates (each with its line), also for ids used twice; every problem as one line. */
function validateAll(candidates: readonly { line: number; value: unknown }[]): TransferParseResult {
  const problems: string[] = [];
  const firstLine = new Map<string, number>();
  for (const { line, value } of candidates) {
    const normalized = typeof value === 'object' && value !== null && !Array.isArray(value) ? normalizeFaqEntryInput(value) : value;
    problems.push(...findFaqEntryIssues(normalized, { idOptional: true }).map((issue) => describeIssue(line, issue)));
    const id = (normalized as { id?: unknown } | null)?.id;
    if (typeof id !== 'string') continue;
    const first = firstLine.get(id);
    if (first === undefined) firstLine.set(id, line);
    else problems.push(`Zeile ${line}: ID '${id}' kommt mehrfach vor (auch Zeile ${first})`);
  }
  if (candidates.length === 0) problems.push('Die Datei enthält keine Einträge.');
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, entries: candidates.map(({ value }) => normalizeFaqEntryInput(value as NewFaqEntry)) };
}

function parseJson(text: string): TransferParseResult {
  const body = text.replace(/^\uFEFF/, '');
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch (error) {
    const position = /position (\d+)/.exec((error as Error).message);
    const line = position ? body.slice(0, Number(position[1])).split('\n').length : 1;
    return { ok: false, problems: [`Zeile ${line}: Kein gültiges JSON.`] };
  }
  if (typeof data !== 'object' || data === null || !Array.isArray((data as { entries?: unknown }).entries)) {
    return { ok: false, problems: ['Zeile 1: Erwartet wird ein Objekt mit der Liste „entries“ (Format von knowledge/faq/*.json).'] };
  }
  const unknownKeys = Object.keys(data).filter((key) => key !== 'entries' && key !== '$schema');
  if (unknownKeys.length > 0) return { ok: false, problems: unknownKeys.map((key) => `Zeile 1: Unbekanntes Feld '${key}'`) };
  const lines = findJsonEntryLines(body);
  const entries = (data as { entries: unknown[] }).entries;
  return validateAll(entries.map((value, index) => ({ line: lines[index] ?? 1, value })));
}

function rowToCandidate(header: readonly string[], record: CsvRecord): Record<string, unknown> {
  const candidate: Record<string, unknown> = {};
  header.forEach((column, index) => {
    const cell = unprotectCell((record.fields[index] ?? '').trim());
    if (LIST_FIELDS.has(column)) candidate[column] = splitList(cell);
    // An empty cell is a missing value ("Feld 'question' fehlt"); an empty id means a new entry.
    else if (cell !== '') candidate[column] = cell;
  });
  return candidate;
}

function parseCsvText(text: string): TransferParseResult {
  const parsed = parseCsv(text);
  if (!parsed.ok) return { ok: false, problems: [`Zeile ${parsed.line}: ${parsed.problem}`] };
  const [headerRecord, ...rows] = parsed.records;
  if (!headerRecord) return { ok: false, problems: ['Die Datei enthält keine Einträge.'] };
  const header = headerRecord.fields.map((name) => name.trim());
  const problems = [
    ...FAQ_FIELDS.filter((field) => !header.includes(field)).map((field) => `Zeile 1: Spalte '${field}' fehlt (Trennzeichen ist „;“)`),
    ...header.filter((name) => !(FAQ_FIELDS as readonly string[]).includes(name)).map((name) => `Zeile 1: Unbekannte Spalte '${name}'`),
    ...rows
      .filter((row) => row.fields.length > header.length)
      .map((row) => `Zeile ${row.line}: ${row.fields.length} Werte statt ${header.length} (Text mit „;“ muss in Anführungszeichen stehen)`),
  ];
  if (problems.length > 0) return { ok: false, problems };
  return validateAll(rows.map((row) => ({ line: row.line, value: rowToCandidate(header, row) })));
}

/**
 * Reads an import file and validates every entry with the FAQ schema. Returns the entries, or —
 * when anything is wrong — every problem as one German line naming the line of the file
 * (`Zeile 7: Feld 'question' fehlt`). An entry without id becomes a new entry.
 */
export function parseFaqTransfer(text: string, format: TransferFormat = detectTransferFormat(text)): TransferParseResult {
  return format === 'json' ? parseJson(text) : parseCsvText(text);
}
