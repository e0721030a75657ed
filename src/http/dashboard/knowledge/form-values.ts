import type { DashboardRequest } from '../dashboard-route';

type Values = DashboardRequest['form'] | DashboardRequest['query'];

/** The first value of a form or query field, '' when absent. */
export function valueOf(values: Values, name: string): string {
  const value = values[name];
  if (value === undefined) return '';
  return typeof value === 'string' ? value : (value[0] ?? '');
}

/** A positive integer from a field, or undefined when it is absent or not one. */
export function positiveIntOf(values: Values, name: string): number | undefined {
  const text = valueOf(values, name).trim();
  if (!/^\d{1,9}$/.test(text)) return undefined;
  const number = Number(text);
  return number >= 1 ? number : undefined;
}

/** Lines of a textarea, trimmed, without empty ones. */
export function linesOf(text: string): string[] {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/** Comma- or line-separated tags, trimmed and lowercased, without empty ones. */
export function tagsOf(text: string): string[] {
  return text
    .split(/[,\r\n]+/)
    .map((tag) => tag.trim().toLocaleLowerCase('de'))
    .filter((tag) => tag !== '');
}

/** A query string from the given values (empty values left out), e.g. `?q=ozg&page=2`. */
export function queryString(values: Readonly<Record<string, string | number | undefined>>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}
