/** Values of a query string or form: plain strings, or arrays of strings for repeated keys. */
export type InputValues = Readonly<Record<string, string | readonly string[]>>;

const MAX_VALUES = 1000;

/**
 * The query string of a request URL. URLSearchParams yields strings only, so `a[b]=c` stays the
 * key `a[b]` and can never become an object.
 */
export function readQuery(url: string): InputValues {
  const params = new URL(url, 'http://localhost').searchParams;
  const values: Record<string, string | string[]> = Object.create(null);
  let count = 0;
  for (const [key, value] of params) {
    if (++count > MAX_VALUES) break;
    const earlier = values[key];
    values[key] = earlier === undefined ? value : Array.isArray(earlier) ? [...earlier, value] : [earlier, value];
  }
  return { ...values };
}

/**
 * The fields of a parsed form body, or null when any value is not a string or an array of strings
 * (the body parser turns `a[b]=c` into an object: such input is refused, never passed on).
 * `_csrf` is left out: it was checked before.
 */
export function readForm(body: unknown): InputValues | null {
  if (body === undefined || body === null || body === '') return {};
  if (typeof body !== 'object' || Array.isArray(body)) return null;
  const values: Record<string, string | readonly string[]> = {};
  for (const [key, value] of Object.entries(body as Record<string, unknown>)) {
    if (key === '_csrf') continue;
    if (typeof value === 'string') values[key] = value;
    else if (Array.isArray(value) && value.every((item) => typeof item === 'string')) values[key] = [...(value as string[])];
    else return null;
  }
  return values;
}

/** Path parameters as strings, or null when the router produced anything else. */
export function readParams(params: unknown): Readonly<Record<string, string>> | null {
  if (params === undefined || params === null) return {};
  if (typeof params !== 'object') return null;
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(params as Record<string, unknown>)) {
    if (typeof value !== 'string') return null;
    values[key] = value;
  }
  return values;
}
