import { AppError, ErrorCode } from '../domain/errors';

/**
 * Ids reach repositories from activities and HTTP requests. Only a non-empty string may become
 * part of a filter, so a value like `{ $ne: null }` can never act as a query operator.
 */
export function assertId(value: unknown, what: string): asserts value is string {
  if (typeof value !== 'string' || value.length === 0 || value.length > 512) {
    throw new AppError(ErrorCode.ValidationFailed, `${what} must be a non-empty string`);
  }
}
