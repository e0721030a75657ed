import { AppError, ErrorCode } from '../domain/errors';

/** The JSON body of every error response. */
export interface ErrorBody {
  readonly error: { readonly code: string; readonly message: string };
}

const STATUS_BY_CODE: Readonly<Record<ErrorCode, number>> = {
  [ErrorCode.ValidationFailed]: 400,
  [ErrorCode.NotFound]: 404,
  [ErrorCode.DuplicateKey]: 409,
  [ErrorCode.VersionConflict]: 409,
  [ErrorCode.PayloadTooLarge]: 413,
  [ErrorCode.UnsupportedMediaType]: 415,
  [ErrorCode.Unauthorized]: 401,
  [ErrorCode.Forbidden]: 403,
  [ErrorCode.StoreUnavailable]: 503,
  [ErrorCode.StoreLocked]: 503,
  [ErrorCode.ConfigInvalid]: 500,
  [ErrorCode.KnowledgeInvalid]: 500,
  [ErrorCode.NotReady]: 503,
  [ErrorCode.InvalidTransition]: 409,
  [ErrorCode.TicketAlreadyClaimed]: 409,
  [ErrorCode.Internal]: 500,
};

/** Codes whose message is safe and useful to show to the client. */
const CLIENT_VISIBLE = new Set<ErrorCode>([
  ErrorCode.ValidationFailed,
  ErrorCode.NotFound,
  ErrorCode.DuplicateKey,
  ErrorCode.VersionConflict,
  ErrorCode.InvalidTransition,
  ErrorCode.TicketAlreadyClaimed,
  ErrorCode.PayloadTooLarge,
  ErrorCode.UnsupportedMediaType,
  ErrorCode.Unauthorized,
  ErrorCode.Forbidden,
  ErrorCode.NotReady,
  ErrorCode.StoreUnavailable,
]);

/** restify's own HTTP errors (body parser, routing) by their status code. */
const CODE_BY_HTTP_STATUS: Readonly<Record<number, ErrorCode>> = {
  400: ErrorCode.ValidationFailed,
  404: ErrorCode.NotFound,
  405: ErrorCode.ValidationFailed,
  413: ErrorCode.PayloadTooLarge,
  415: ErrorCode.UnsupportedMediaType,
};

/**
 * The one place that maps errors to HTTP statuses and bodies. Unknown errors become a 500 with a
 * generic message; their details belong in the log only.
 */
export function mapError(error: unknown): { status: number; body: ErrorBody } {
  if (error instanceof AppError) {
    const message = CLIENT_VISIBLE.has(error.code) ? error.message : 'Internal error.';
    return { status: STATUS_BY_CODE[error.code], body: { error: { code: error.code, message } } };
  }
  const status = (error as { statusCode?: unknown } | null)?.statusCode;
  if (typeof status === 'number' && status in CODE_BY_HTTP_STATUS) {
    const code = CODE_BY_HTTP_STATUS[status] as ErrorCode;
    return { status, body: { error: { code, message: clientMessageFor(status) } } };
  }
  return { status: 500, body: { error: { code: ErrorCode.Internal, message: 'Internal error.' } } };
}

function clientMessageFor(status: number): string {
  switch (status) {
    case 400:
      return 'The request body is not valid JSON.';
    case 404:
      return 'Not found.';
    case 405:
      return 'Method not allowed.';
    case 413:
      return 'The request body is too large.';
    case 415:
      return 'Content-Type must be application/json.';
    default:
      return 'Request rejected.';
  }
}
