import { formatCsvNumber } from './format';
import type { ReportTable } from './analytics-tables';

const BOM = '\uFEFF';
const SEPARATOR = ';';
const LINE_END = '\r\n';

/**
 * A text cell for CSV: quoted when it holds the separator, a quote or a line break (quotes
 * doubled, RFC 4180); a leading `=`, `+`, `-`, `@`, tab or carriage return gets a `'` so that a
 * spreadsheet never runs it as a formula (CSV injection).
 */
export function csvText(text: string): string {
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[;"\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The table as CSV for German spreadsheets: UTF-8 with BOM, `;` separated, CRLF, a header row. */
export function toCsv(table: ReportTable): string {
  const lines = [table.columns.map((column) => csvText(column.header)).join(SEPARATOR)];
  for (const row of table.rows) {
    lines.push(row.map((cell) => (typeof cell === 'string' ? csvText(cell) : formatCsvNumber(cell))).join(SEPARATOR));
  }
  return BOM + lines.join(LINE_END) + LINE_END;
}
