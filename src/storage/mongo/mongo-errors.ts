import { MongoError, MongoNetworkError, MongoServerError, MongoServerSelectionError } from 'mongodb';
import { AppError, ErrorCode } from '../../domain/errors';

/** Error names of the driver that mean "the server is not reachable (now)". */
const UNAVAILABLE_NAMES = new Set([
  'MongoNetworkError',
  'MongoNetworkTimeoutError',
  'MongoServerSelectionError',
  'MongoNotConnectedError',
  'MongoTopologyClosedError',
  'MongoServerClosedError',
  'MongoPoolClearedError',
  'MongoOperationTimeoutError',
]);

const DUPLICATE_KEY_CODES = new Set([11000, 11001]);
/** FerretDB v1 (SQLite) reports a unique-index violation of an update as InternalError (code 1). */
const SQLITE_UNIQUE_VIOLATION = /UNIQUE constraint failed/;

/** `mongodb://user:secret@host/db` -> `mongodb://user:***@host/db` (for logs and errors). */
export function redactMongoUri(uri: string): string {
  return uri.replace(/^(mongodb(?:\+srv)?:\/\/[^:@/]*):[^@/]*@/, '$1:***@');
}

/** The database named in the URI path, or `lotse`. */
export function databaseNameOf(uri: string): string {
  // Credentials must be percent-encoded in a connection string, so the first "/" ends the hosts.
  const withoutScheme = uri.replace(/^mongodb(?:\+srv)?:\/\//, '');
  const slash = withoutScheme.indexOf('/');
  if (slash === -1) return 'lotse';
  const name = decodeURIComponent(withoutScheme.slice(slash + 1).split('?')[0] ?? '');
  return name.length > 0 ? name : 'lotse';
}

export function isUnavailableError(error: unknown): boolean {
  return (
    error instanceof MongoNetworkError ||
    error instanceof MongoServerSelectionError ||
    (error instanceof MongoError && UNAVAILABLE_NAMES.has(error.name))
  );
}

/**
 * Maps driver errors to the catalogue. Messages never quote the server's text: a duplicate-key
 * message contains the offending values, which may be personal data.
 */
export function mapMongoError(error: unknown, collection: string): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof MongoServerError) {
    const code = typeof error.code === 'number' ? error.code : undefined;
    if ((code !== undefined && DUPLICATE_KEY_CODES.has(code)) || SQLITE_UNIQUE_VIOLATION.test(error.message)) {
      return new AppError(ErrorCode.DuplicateKey, `duplicate key in collection ${collection}`, { collection }, { cause: error });
    }
    if (code === 66) return new AppError(ErrorCode.ValidationFailed, '_id is immutable', { collection }, { cause: error });
  }
  if (isUnavailableError(error)) {
    return new AppError(ErrorCode.StoreUnavailable, 'the MongoDB server is not reachable', { collection }, { cause: error });
  }
  const mongoCode = error instanceof MongoError ? error.code : undefined;
  return new AppError(ErrorCode.Internal, `MongoDB operation failed in ${collection}`, { collection, mongoCode }, { cause: error });
}
