import type { Filter, Update } from '../document-store';
import { isPlainObject } from '../query-guard';

/**
 * Fast paths of the embedded store for the operations a bot turn makes (bot state by key, the
 * question log by id): filters and updates simple enough that nedb's own matching, or a plain
 * assignment, gives exactly MongoDB's result. Everything else goes through mingo.
 */

type Primitive = string | number | boolean;

function isPrimitive(value: unknown): value is Primitive {
  return typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value));
}

function isTopLevelField(key: string): boolean {
  return !key.startsWith('$') && !key.includes('.');
}

function isStringIn(condition: unknown): condition is { $in: string[] } {
  return (
    isPlainObject(condition) &&
    Object.keys(condition).length === 1 &&
    Array.isArray(condition.$in) &&
    condition.$in.every((value) => typeof value === 'string')
  );
}

/**
 * The filter itself when nedb matches it exactly as MongoDB does: only equalities of top-level
 * fields with a string, finite number or boolean (an array field matches when it contains the
 * value, in both), and `_id` also as `$in` of strings. Null otherwise (null, objects, operators,
 * dotted paths differ in detail and go through mingo).
 */
export function exactNedbQuery(filter: Filter): Record<string, unknown> | null {
  for (const key of Object.keys(filter)) {
    const condition = filter[key];
    if (!isTopLevelField(key)) return null;
    if (isPrimitive(condition)) continue;
    if (key === '_id' && isStringIn(condition)) continue;
    return null;
  }
  return filter as Record<string, unknown>;
}

/** The ids a (validated) nedb query names at the top level: `_id` a string or an `$in` of strings; else null. */
export function idsOf(query: Record<string, unknown>): string | readonly string[] | null {
  const id = query._id;
  if (typeof id === 'string') return id;
  return isStringIn(id) ? id.$in : null;
}

/**
 * Applies an update that is only a `$set` of top-level fields (not `_id`) to primitive values or
 * null, in place, as MongoDB would (also to the seed document of an upsert: there is no
 * `$setOnInsert`). Returns whether the document changed, or null when the update is not that
 * simple (the caller then uses the general updater).
 */
export function applySimpleSet(doc: Record<string, unknown>, update: Update): boolean | null {
  const operators = Object.keys(update);
  if (operators.length !== 1 || operators[0] !== '$set') return null;
  const set = update.$set!;
  const keys = Object.keys(set);
  for (const key of keys) {
    const value = set[key];
    if (!isTopLevelField(key) || key === '_id' || (value !== null && !isPrimitive(value))) return null;
  }
  let changed = false;
  for (const key of keys) {
    const value = set[key];
    if (key in doc && doc[key] === value) continue;
    doc[key] = value;
    changed = true;
  }
  return changed;
}
