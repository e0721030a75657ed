import type { PipelineStage, Update } from '../document-store';
import { isPlainObject } from '../query-guard';

/**
 * Workarounds for FerretDB v1.24 (SQLite backend), observed against v1.24.2 and proven by the
 * contract suite:
 * - updates are a read followed by a write by `_id`, not atomic: concurrent `$inc`s lose updates and
 *   two conditional updates can both "win" -> the store serialises writes per collection in process;
 * - `$push` ignores `$slice` silently -> the push runs natively, the trim is a second `$set`;
 * - `$group` gets every accumulator after the first wrong (`$sum: 1` yields 0), and `$avg`, `$min`,
 *   `$max`, `$first`, `$last` are not implemented; `$project` returns `"$field"` expressions as
 *   literal strings -> the pipeline runs on the server up to the first such stage, the rest in memory.
 */

export interface PushSlice {
  readonly path: string;
  readonly slice: number;
}

/** Splits `$slice` out of `$push` modifiers; `slices` is empty when there is none. */
export function splitPushSlices(update: Update): { base: Update; slices: PushSlice[] } {
  if (!update.$push) return { base: update, slices: [] };
  const slices: PushSlice[] = [];
  const push: Record<string, unknown> = {};
  for (const [path, value] of Object.entries(update.$push)) {
    if (isPlainObject(value) && typeof value.$slice === 'number') {
      slices.push({ path, slice: value.$slice });
      push[path] = { $each: value.$each };
    } else {
      push[path] = value;
    }
  }
  return { base: { ...update, $push: push }, slices };
}

function valueAt(doc: Record<string, unknown>, path: string): unknown {
  return path.split('.').reduce<unknown>((value, key) => (isPlainObject(value) ? value[key] : undefined), doc);
}

/** MongoDB's `$slice` of `$push`: n >= 0 keeps the first n elements, n < 0 the last -n. */
export function sliceArray<T>(items: readonly T[], slice: number): T[] {
  if (slice >= 0) return items.slice(0, slice);
  return items.slice(Math.max(items.length + slice, 0));
}

/** The `$set` that trims the pushed arrays of `doc`, or null when none is too long. */
export function trimUpdate(doc: Record<string, unknown>, slices: readonly PushSlice[]): Update | null {
  const set: Record<string, unknown> = {};
  for (const { path, slice } of slices) {
    const items = valueAt(doc, path);
    if (!Array.isArray(items)) continue;
    const trimmed = sliceArray(items, slice);
    if (trimmed.length !== items.length) set[path] = trimmed;
  }
  return Object.keys(set).length > 0 ? { $set: set } : null;
}

function runsCorrectlyOnFerretDb(stage: PipelineStage): boolean {
  const [name] = Object.keys(stage);
  switch (name) {
    case '$match':
    case '$sort':
    case '$skip':
    case '$limit':
    case '$count':
      return true;
    case '$unwind':
      return typeof stage.$unwind === 'string';
    case '$project':
      return isPlainObject(stage.$project) && Object.values(stage.$project).every((v) => v === 0 || v === 1 || v === true || v === false);
    default:
      return false;
  }
}

/** Splits a pipeline into the prefix FerretDB runs correctly and the rest (run in memory). */
export function splitPipelineForFerretDb(pipeline: readonly PipelineStage[]): { server: PipelineStage[]; memory: PipelineStage[] } {
  const cut = pipeline.findIndex((stage) => !runsCorrectlyOnFerretDb(stage));
  if (cut === -1) return { server: [...pipeline], memory: [] };
  return { server: pipeline.slice(0, cut), memory: pipeline.slice(cut) };
}
