import { AppError, ErrorCode } from '../errors';

/**
 * Human ticket numbers: `LOT-<year>-<sequence>`, the sequence zero-padded to six digits and counted
 * per year by an atomic counter in the store (`LOT-2026-000042`). From the millionth ticket of a
 * year on the sequence simply gets longer (`LOT-2026-1000000`); numbers never wrap or truncate.
 *
 * Parsing is lenient about what people type and strict about everything else: case does not
 * matter, the separators may be a hyphen, an en dash (Outlook/Word autocorrect) or one space, and
 * leading zeros may be left out (`lot-2026-42`, `LOT 2026 42`). Anything else — a missing part,
 * letters in the digits, sequence 0, a year outside 2000–2999, more than nine sequence digits —
 * is rejected.
 */

/** A ticket number split into its parts, with its canonical spelling. */
export interface TicketNumber {
  readonly year: number;
  readonly sequence: number;
  /** Canonical form, e.g. `LOT-2026-000042`. */
  readonly text: string;
}

const PREFIX = 'LOT';
const PAD = 6;
const MAX_SEQUENCE = 999_999_999;
const SEPARATOR = '[-\\u2013 ]';
const BODY = `${PREFIX}${SEPARATOR}(2\\d{3})${SEPARATOR}(\\d{1,9})`;
const WHOLE = new RegExp(`^${BODY}$`, 'i');
/** In free text the number must stand alone: no letter, digit or hyphen glued to either end. */
const IN_TEXT = new RegExp(`(?<![\\p{L}\\p{N}-])${BODY}(?![\\p{L}\\p{N}-])`, 'iu');

/**
 * Formats the canonical ticket number. Throws `VALIDATION_FAILED` for a year outside 2000–2999 or
 * a sequence that is not an integer in 1–999,999,999.
 */
export function formatTicketNumber(year: number, sequence: number): string {
  if (!Number.isInteger(year) || year < 2000 || year > 2999) {
    throw new AppError(ErrorCode.ValidationFailed, 'Ticket number year must be an integer in 2000-2999.', { year });
  }
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > MAX_SEQUENCE) {
    throw new AppError(ErrorCode.ValidationFailed, `Ticket number sequence must be an integer in 1-${MAX_SEQUENCE}.`, {
      sequence,
    });
  }
  return `${PREFIX}-${year}-${String(sequence).padStart(PAD, '0')}`;
}

/**
 * Parses a string that is a ticket number and nothing else (surrounding whitespace aside).
 * Returns null for anything that is not one (see the module comment for what is accepted).
 */
export function parseTicketNumber(text: string): TicketNumber | null {
  const match = WHOLE.exec(text.trim());
  return match ? fromMatch(match) : null;
}

/**
 * Finds the first ticket number inside free text, e.g. "Wie ist der Stand von LOT-2026-42?".
 * Returns null when there is none.
 */
export function findTicketNumber(text: string): TicketNumber | null {
  const match = IN_TEXT.exec(text);
  return match ? fromMatch(match) : null;
}

function fromMatch(match: RegExpExecArray): TicketNumber | null {
  const year = Number(match[1]);
  const sequence = Number(match[2]);
  if (sequence < 1) return null;
  return { year, sequence, text: formatTicketNumber(year, sequence) };
}
