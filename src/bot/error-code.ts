import { isAppError } from '../domain/errors';

/**
 * A loggable identifier of an error: the AppError code, else the error's class name. Never the
 * message, which may quote user input.
 */
export function errorCodeOf(error: unknown): string {
  if (isAppError(error)) return error.code;
  if (error instanceof Error) return error.name || 'Error';
  return 'UNKNOWN';
}
