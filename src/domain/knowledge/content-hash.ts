import { createHash } from 'node:crypto';
import { FAQ_ENTRY_FIELDS, type FaqEntry } from './faq-entry';

/** Canonical JSON of the editorial fields of an entry (fixed key order, no whitespace). */
export function canonicalEntryJson(entry: FaqEntry): string {
  const canonical: Record<string, unknown> = {};
  for (const field of FAQ_ENTRY_FIELDS) {
    const value = entry[field];
    canonical[field] = Array.isArray(value) ? [...(value as readonly string[])] : value;
  }
  return JSON.stringify(canonical);
}

/**
 * SHA-256 (lowercase hex) over the canonical JSON of the editorial fields of an entry. Equal for
 * the same content however the object was built (key order, extra bookkeeping fields), different
 * as soon as any editorial field changes. Used by the import to detect edits made in the store.
 */
export function contentHash(entry: FaqEntry): string {
  return createHash('sha256').update(canonicalEntryJson(entry), 'utf8').digest('hex');
}
