import pino from 'pino';

/** The closed set of log categories. */
export type LogCategory = 'bot' | 'dialog' | 'nlp' | 'tickets' | 'http' | 'auth' | 'storage' | 'lifecycle' | 'knowledge';

export type Logger = pino.Logger;

/**
 * Paths that must never reach a log line in clear text. Personal data is kept out of log calls in
 * the first place (log ids, scores and outcomes only); this list is the safety net for secrets and
 * for objects that slip through.
 */
const REDACTED_PATHS = [
  'password',
  'secret',
  'token',
  'authorization',
  '*.password',
  '*.secret',
  '*.token',
  '*.authorization',
  'req.headers.authorization',
  'req.headers.cookie',
  'text',
  '*.text',
  'name',
  '*.name',
  'email',
  '*.email',
];

let root: pino.Logger = pino({ level: 'info', redact: { paths: REDACTED_PATHS, censor: '[redacted]' } });

/** Configures the root logger once at start-up (level; destination for tests). */
export function configureLogger(level: string, destination?: pino.DestinationStream): void {
  const options: pino.LoggerOptions = {
    level,
    base: { app: 'lotse' },
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
  };
  root = destination ? pino(options, destination) : pino(options);
}

/** A logger for one category. Callers log ids, scores and outcomes — never message text or names. */
export function createLogger(category: LogCategory): Logger {
  return root.child({ category });
}
