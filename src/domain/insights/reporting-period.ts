import { AppError, ErrorCode } from '../errors';
import { ZonedClock, isValidTimeZone, isoDate, nextDate } from '../tickets/time-zone';
import type { LocalDate } from '../tickets/time-zone';

/** The longest period a report covers, in days. */
export const MAX_PERIOD_DAYS = 366;

/** The period a report covers when none is chosen: the last 30 days including today. */
export const DEFAULT_PERIOD_DAYS = 30;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** A half-open range of instants `[start, end)` as ISO strings (UTC), the way the store keeps times. */
export interface InstantRange {
  readonly start: string;
  readonly end: string;
}

/**
 * A range of local calendar days (both ends inclusive) in one time zone, with the instants it
 * covers: from `from` 00:00 local up to, not including, the day after `to` 00:00 local. Daylight
 * saving is honoured (a day in spring has 23 hours).
 */
export interface ReportingPeriod extends InstantRange {
  /** First day, `YYYY-MM-DD`. */
  readonly from: string;
  /** Last day, `YYYY-MM-DD` (inclusive). */
  readonly to: string;
  readonly timeZone: string;
  /** Number of calendar days, 1 to {@link MAX_PERIOD_DAYS}. */
  readonly dayCount: number;
}

/** A real calendar date `YYYY-MM-DD`, or null (also for 2026-02-30). */
export function parseIsoDate(text: string): LocalDate | null {
  const match = ISO_DATE.exec(text);
  if (!match) return null;
  const date = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  const check = new Date(Date.UTC(date.year, date.month - 1, date.day));
  if (date.year < 2000 || date.year > 2999) return null;
  return isoDate({ year: check.getUTCFullYear(), month: check.getUTCMonth() + 1, day: check.getUTCDate() }) === text ? date : null;
}

/** Days from `from` to `to`, both inclusive (0 or less when `to` is before `from`). */
export function daysInclusive(from: LocalDate, to: LocalDate): number {
  return Math.round((Date.UTC(to.year, to.month - 1, to.day) - Date.UTC(from.year, from.month - 1, from.day)) / DAY_MS) + 1;
}

/** The date `days` days after (or before, when negative) `date`. */
export function addDays(date: LocalDate, days: number): LocalDate {
  const shifted = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() };
}

/**
 * The period of the local days `from`..`to`. Throws `VALIDATION_FAILED` for a date that is not a
 * real `YYYY-MM-DD`, `to` before `from`, more than {@link MAX_PERIOD_DAYS} days, or an unknown time
 * zone. (The dashboard validates the same rules first, with messages per field.)
 */
export function createReportingPeriod(from: string, to: string, timeZone: string): ReportingPeriod {
  const first = typeof from === 'string' ? parseIsoDate(from) : null;
  const last = typeof to === 'string' ? parseIsoDate(to) : null;
  if (first === null || last === null) throw new AppError(ErrorCode.ValidationFailed, 'period dates must be real dates YYYY-MM-DD');
  const dayCount = daysInclusive(first, last);
  if (dayCount < 1) throw new AppError(ErrorCode.ValidationFailed, 'period end must not be before its start');
  if (dayCount > MAX_PERIOD_DAYS) throw new AppError(ErrorCode.ValidationFailed, `a period spans at most ${MAX_PERIOD_DAYS} days`, { dayCount });
  if (!isValidTimeZone(timeZone)) throw new AppError(ErrorCode.ValidationFailed, 'unknown time zone', { timeZone });
  const clock = new ZonedClock(timeZone);
  return {
    from,
    to,
    timeZone,
    dayCount,
    start: new Date(clock.instantAt(first, 0)).toISOString(),
    end: new Date(clock.instantAt(nextDate(last), 0)).toISOString(),
  };
}

/** The last `days` local days up to and including the day of `now`. */
export function defaultReportingPeriod(now: Date, timeZone: string, days = DEFAULT_PERIOD_DAYS): ReportingPeriod {
  const today = new ZonedClock(timeZone).localDate(now.getTime());
  return createReportingPeriod(isoDate(addDays(today, 1 - days)), isoDate(today), timeZone);
}

/** Today's local date `YYYY-MM-DD` in the time zone. */
export function localToday(now: Date, timeZone: string): string {
  return isoDate(new ZonedClock(timeZone).localDate(now.getTime()));
}

/** The local days of the period in order, each with the instant (ms) it starts at; plus the end. */
export interface PeriodDays {
  readonly dates: readonly string[];
  /** `dates.length + 1` ascending instants: day i is `[starts[i], starts[i + 1])`. */
  readonly starts: readonly number[];
}

/** The days of a period with their start instants (for bucketing timestamps by local day). */
export function periodDays(period: ReportingPeriod): PeriodDays {
  const clock = new ZonedClock(period.timeZone);
  const dates: string[] = [];
  const starts: number[] = [];
  let day = parseIsoDate(period.from)!;
  for (let i = 0; i < period.dayCount; i += 1) {
    dates.push(isoDate(day));
    starts.push(clock.instantAt(day, 0));
    day = nextDate(day);
  }
  starts.push(Date.parse(period.end));
  return { dates, starts };
}

/** Index of the day an instant falls on, or -1 outside the period (binary search). */
export function dayIndexOf(days: PeriodDays, instantMs: number): number {
  const { starts } = days;
  if (!(instantMs >= starts[0]!) || instantMs >= starts[starts.length - 1]!) return -1;
  let low = 0;
  let high = starts.length - 2;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid]! <= instantMs) low = mid;
    else high = mid - 1;
  }
  return low;
}
