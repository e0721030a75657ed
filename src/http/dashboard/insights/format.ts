/** German number and date formatting of the insight pages (HTML) and their CSV downloads. */

const INTEGER = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 0 });
const ONE_DECIMAL = new Intl.NumberFormat('de-DE', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const TWO_DECIMALS = new Intl.NumberFormat('de-DE', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** What a number in a report means; decides its formatting. */
export type NumberUnit = 'count' | 'percent' | 'hours' | 'score';

/** A number cell of a report table; null is "no value" (e.g. a median without tickets). */
export interface NumberCell {
  readonly value: number | null;
  readonly unit: NumberUnit;
}

/** 1.234 / 62,5 % / 3,5 Std. / 4,25 — for HTML; "–" for no value. */
export function formatNumber(cell: NumberCell): string {
  if (cell.value === null) return '–';
  switch (cell.unit) {
    case 'count':
      return INTEGER.format(cell.value);
    case 'percent':
      return `${ONE_DECIMAL.format(cell.value * 100)} %`;
    case 'hours':
      return `${ONE_DECIMAL.format(cell.value)} Std.`;
    case 'score':
      return TWO_DECIMALS.format(cell.value);
  }
}

/**
 * For CSV: no thousands separator and a decimal comma (what German spreadsheet programs read with
 * `;` as separator); percentages as numbers 0-100; empty for no value.
 */
export function formatCsvNumber(cell: NumberCell): string {
  if (cell.value === null) return '';
  const fixed = (value: number, digits: number) => value.toFixed(digits).replace('.', ',');
  switch (cell.unit) {
    case 'count':
      return String(Math.round(cell.value));
    case 'percent':
      return fixed(cell.value * 100, 1);
    case 'hours':
      return fixed(cell.value, 1);
    case 'score':
      return fixed(cell.value, 2);
  }
}

/** `2026-03-01` -> `01.03.2026`. */
export function formatDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-');
  return `${day}.${month}.${year}`;
}

/** `2026-03-01` -> `01.03.` (chart axis labels). */
export function formatShortDate(isoDate: string): string {
  const [, month, day] = isoDate.split('-');
  return `${day}.${month}.`;
}

/** An ISO instant as local date and time, e.g. `01.03.2026, 09:15`. */
export function formatDateTime(instant: string, timeZone: string): string {
  return new Intl.DateTimeFormat('de-DE', { timeZone, day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' }).format(
    new Date(instant),
  );
}

/** Shortens a text to `max` characters with an ellipsis (for labels; the full text is shown elsewhere). */
export function shorten(text: string, max: number): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length <= max ? line : `${line.slice(0, max - 1).trimEnd()}…`;
}
