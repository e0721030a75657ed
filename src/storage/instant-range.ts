import { AppError, ErrorCode } from '../domain/errors';
import type { InstantRange } from '../domain/insights/reporting-period';

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?Z$/;

/**
 * A time range reaches a filter only as two ISO instants (UTC, `Z`), which compare correctly as
 * strings with the stored timestamps; anything else is refused with `VALIDATION_FAILED`.
 */
export function assertInstantRange(range: InstantRange): void {
  for (const value of [range?.start, range?.end]) {
    if (typeof value !== 'string' || !ISO_INSTANT.test(value)) {
      throw new AppError(ErrorCode.ValidationFailed, 'range bounds must be ISO instants');
    }
  }
}
