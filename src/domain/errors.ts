/**
 * The one catalogue of application error codes. Codes are stable: clients and tests rely on them.
 * HTTP statuses are assigned in `src/http/error-mapper.ts`, never here.
 */
export const ErrorCode = {
  ValidationFailed: 'VALIDATION_FAILED',
  NotFound: 'NOT_FOUND',
  DuplicateKey: 'DUPLICATE_KEY',
  VersionConflict: 'VERSION_CONFLICT',
  PayloadTooLarge: 'PAYLOAD_TOO_LARGE',
  UnsupportedMediaType: 'UNSUPPORTED_MEDIA_TYPE',
  Unauthorized: 'UNAUTHORIZED',
  Forbidden: 'FORBIDDEN',
  StoreUnavailable: 'STORE_UNAVAILABLE',
  StoreLocked: 'STORE_LOCKED',
  ConfigInvalid: 'CONFIG_INVALID',
  KnowledgeInvalid: 'KNOWLEDGE_INVALID',
  NotReady: 'NOT_READY',
  /** The ticket's status does not allow the requested action (e.g. resolving a closed ticket). */
  InvalidTransition: 'INVALID_TRANSITION',
  /**
   * Someone already holds the ticket; `details.holderId` is the holder's id (no name: details go
   * to the log). The caller shows the name from the ticket's `assignee`.
   */
  TicketAlreadyClaimed: 'TICKET_ALREADY_CLAIMED',
  Internal: 'INTERNAL',
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** Extra machine-readable facts about an error; never personal data. */
export type ErrorDetails = Readonly<Record<string, unknown>>;

/** The only error type the application throws on purpose. */
export class AppError extends Error {
  override readonly name = 'AppError';

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: ErrorDetails = {},
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** True when `error` is an {@link AppError} with the given code. */
export function isAppError(error: unknown, code?: ErrorCode): error is AppError {
  return error instanceof AppError && (code === undefined || error.code === code);
}
