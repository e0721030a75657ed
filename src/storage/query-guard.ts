import { AppError, ErrorCode } from '../domain/errors';
import type { Filter, FindOptions, PipelineStage, StoredDocument, Update } from './document-store';

/**
 * Validation shared by both document-store backends, so that the port's subset is the same
 * everywhere: a filter, update or stage that one backend would run and the other would not is
 * refused by both with AppError `VALIDATION_FAILED`. It is also the safety net against operator
 * injection: only the listed operators pass, and values are plain data.
 */

const FIELD_OPERATORS = new Set(['$eq', '$ne', '$gt', '$gte', '$lt', '$lte', '$in', '$nin', '$exists']);
const UPDATE_OPERATORS = new Set(['$set', '$unset', '$inc', '$push', '$setOnInsert']);
const STAGES = new Set(['$match', '$group', '$sort', '$skip', '$limit', '$project', '$count', '$unwind']);
const ACCUMULATORS = new Set(['$sum', '$avg', '$min', '$max', '$first', '$last']);
const COLLECTION_NAME = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;

function invalid(message: string, details: Record<string, unknown> = {}): AppError {
  return new AppError(ErrorCode.ValidationFailed, message, details);
}

/** True for `{...}` literals and null-prototype objects (not arrays, dates, class instances). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

export function assertCollectionName(name: string): void {
  if (typeof name !== 'string' || !COLLECTION_NAME.test(name)) {
    throw invalid('collection names are 1-64 letters, digits, "_" or "-", starting with a letter', { collection: String(name) });
  }
}

/** An empty path, an empty part ("a..b", ".a", "a.") or a part starting with `$`. */
const INVALID_FIELD_PATH = /^$|^\.|\.$|\.\.|(?:^|\.)\$/;

function assertFieldPath(path: string, where: string): void {
  if (INVALID_FIELD_PATH.test(path)) throw invalid(`${where}: invalid field path`, { path });
}

const DOLLAR = 36; // '$'

/**
 * A value that both backends store and return unchanged: string, finite number, boolean, null,
 * Date, arrays and plain objects of those, with keys that are neither empty, `$`-prefixed nor dotted.
 */
export function assertStorableValue(value: unknown, where: string): void {
  if (value === null || typeof value === 'string' || typeof value === 'boolean' || value instanceof Date) return;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw invalid(`${where}: numbers must be finite`);
    return;
  }
  if (Array.isArray(value)) {
    for (const item of value) assertStorableValue(item, where);
    return;
  }
  if (!isPlainObject(value)) throw invalid(`${where}: unsupported value type ${typeof value}`);
  for (const key in value) {
    if (!Object.prototype.hasOwnProperty.call(value, key)) continue;
    if (key.length === 0 || key.charCodeAt(0) === DOLLAR || key.includes('.')) {
      throw invalid(`${where}: field names must not be empty, start with "$" or contain "."`);
    }
    assertStorableValue(value[key], where);
  }
}

/** A document to insert or replace with: storable, with a non-empty string `_id`. */
export function assertStorableDocument(doc: StoredDocument, where = 'document'): void {
  if (!isPlainObject(doc)) throw invalid(`${where}: must be a plain object`);
  if (typeof doc._id !== 'string' || doc._id.length === 0) throw invalid(`${where}: _id must be a non-empty string`);
  assertStorableValue(doc, where);
}

function assertFieldCondition(path: string, condition: unknown): void {
  if (!isPlainObject(condition) || !Object.keys(condition).some((key) => key.startsWith('$'))) {
    assertStorableValue(condition, 'filter');
    return;
  }
  for (const operator of Object.keys(condition)) {
    const operand = condition[operator];
    if (!FIELD_OPERATORS.has(operator)) throw invalid('filter: unsupported operator', { operator, path });
    if (operator === '$in' || operator === '$nin') {
      if (!Array.isArray(operand)) throw invalid(`filter: ${operator} needs an array`, { path });
    } else if (operator === '$exists') {
      if (typeof operand !== 'boolean') throw invalid('filter: $exists needs true or false', { path });
    }
    assertStorableValue(operand, 'filter');
  }
}

/** The port's filter subset (see {@link Filter}). */
export function assertSupportedFilter(filter: Filter): void {
  if (!isPlainObject(filter)) throw invalid('filter: must be a plain object');
  for (const key of Object.keys(filter)) {
    const value = filter[key];
    if (key === '$and' || key === '$or') {
      if (!Array.isArray(value) || value.length === 0) throw invalid(`filter: ${key} needs a non-empty array`);
      for (const branch of value) assertSupportedFilter(branch as Filter);
    } else if (key.startsWith('$')) {
      throw invalid('filter: unsupported operator', { operator: key });
    } else {
      assertFieldPath(key, 'filter');
      assertFieldCondition(key, value);
    }
  }
}

function assertPushValue(path: string, value: unknown): void {
  if (!isPlainObject(value) || !Object.keys(value).some((key) => key.startsWith('$'))) {
    assertStorableValue(value, 'update');
    return;
  }
  const { $each, $slice, ...rest } = value;
  if (Object.keys(rest).length > 0) throw invalid('update: $push supports only $each and $slice', { path });
  if (!Array.isArray($each)) throw invalid('update: $push modifiers need $each with an array', { path });
  if ($slice !== undefined && !Number.isInteger($slice)) throw invalid('update: $slice must be an integer', { path });
  assertStorableValue($each, 'update');
}

/**
 * The port's update subset (see {@link Update}); returns it without empty operator objects.
 * `_id` is immutable: only `$setOnInsert` may name it.
 */
export function normalizeUpdate(update: Update): Update {
  if (!isPlainObject(update)) throw invalid('update: must be a plain object');
  const result: Record<string, Record<string, unknown>> = {};
  for (const operator of Object.keys(update)) {
    const fields = (update as Record<string, unknown>)[operator];
    if (!UPDATE_OPERATORS.has(operator)) throw invalid('update: unsupported operator', { operator });
    if (!isPlainObject(fields)) throw invalid(`update: ${operator} needs an object`);
    for (const path of Object.keys(fields)) {
      const value = fields[path];
      assertFieldPath(path, 'update');
      if (operator !== '$setOnInsert' && (path === '_id' || path.startsWith('_id.'))) {
        throw invalid('update: _id is immutable', { operator });
      }
      if (operator === '$inc' && (typeof value !== 'number' || !Number.isFinite(value))) throw invalid('update: $inc needs a finite number', { path });
      if (operator === '$unset' && value !== '' && value !== true && value !== 1) throw invalid('update: $unset takes "", true or 1', { path });
      if (operator === '$push') assertPushValue(path, value);
      else assertStorableValue(value, 'update');
    }
    if (Object.keys(fields).length > 0) result[operator] = fields;
  }
  if (Object.keys(result).length === 0) throw invalid('update: no update operator given');
  return result as Update;
}

/**
 * The `_id` an upsert would insert with: an equality on `_id` in the filter, or `$setOnInsert._id`.
 * Ids are application-generated, so an upsert without one is refused (a backend would invent one).
 */
export function upsertIdOf(filter: Filter, update: Update | StoredDocument): string {
  const fromFilter = filter._id;
  const candidates = [
    fromFilter,
    isPlainObject(fromFilter) ? fromFilter.$eq : undefined,
    '$setOnInsert' in update ? update.$setOnInsert?._id : undefined,
    '_id' in update ? update._id : undefined,
  ];
  const id = candidates.find((value): value is string => typeof value === 'string' && value.length > 0);
  if (id === undefined) throw invalid('upsert needs a string _id in the filter or in $setOnInsert');
  return id;
}

export function assertFindOptions(options: FindOptions): void {
  for (const key of ['skip', 'limit'] as const) {
    const value = options[key];
    if (value !== undefined && (!Number.isInteger(value) || value < 0)) throw invalid(`find: ${key} must be a non-negative integer`);
  }
  if (options.sort !== undefined) assertSortSpec(options.sort);
}

function assertSortSpec(sort: unknown): void {
  if (!isPlainObject(sort)) throw invalid('sort: must be an object');
  for (const [path, direction] of Object.entries(sort)) {
    assertFieldPath(path, 'sort');
    if (direction !== 1 && direction !== -1) throw invalid('sort: direction must be 1 or -1', { path });
  }
}

function assertGroupStage(spec: unknown): void {
  if (!isPlainObject(spec) || !('_id' in spec)) throw invalid('$group needs an _id');
  for (const [field, accumulator] of Object.entries(spec)) {
    if (field === '_id') continue;
    const operators = isPlainObject(accumulator) ? Object.keys(accumulator) : [];
    if (operators.length !== 1 || !ACCUMULATORS.has(operators[0]!)) {
      throw invalid('$group: unsupported accumulator', { field, accumulator: operators.join(',') });
    }
  }
}

/** The port's aggregation subset (see {@link PipelineStage}). */
export function assertSupportedPipeline(pipeline: readonly PipelineStage[]): void {
  if (!Array.isArray(pipeline)) throw invalid('pipeline: must be an array');
  for (const stage of pipeline) {
    const names = isPlainObject(stage) ? Object.keys(stage) : [];
    const name = names[0];
    if (names.length !== 1 || name === undefined || !STAGES.has(name)) throw invalid('pipeline: unsupported stage', { stage: names.join(',') });
    const spec = stage[name];
    if (name === '$match') assertSupportedFilter(spec as Filter);
    else if (name === '$group') assertGroupStage(spec);
    else if (name === '$sort') assertSortSpec(spec);
    else if ((name === '$skip' || name === '$limit') && (!Number.isInteger(spec) || (spec as number) < 0)) throw invalid(`${name} needs a non-negative integer`);
    else if (name === '$count' && (typeof spec !== 'string' || spec.length === 0 || spec.startsWith('$'))) throw invalid('$count needs a field name');
    else if (name === '$project' && !isPlainObject(spec)) throw invalid('$project needs an object');
    else if (name === '$unwind' && typeof spec !== 'string' && !isPlainObject(spec)) throw invalid('$unwind needs a path');
  }
}
