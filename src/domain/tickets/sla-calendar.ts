import { AppError, ErrorCode } from '../errors';
import { ZonedClock, isValidTimeZone, isoDate, nextDate, weekdayIndex } from './time-zone';
import type { LocalDate } from './time-zone';

/** Weekdays in ISO order (Monday first). */
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

export type Weekday = (typeof WEEKDAYS)[number];

/**
 * One stretch of working time on a day, local wall-clock `HH:MM`; `end` may be `24:00`. A period
 * never crosses midnight: a late shift is two periods on two days (`22:00-24:00`, `00:00-02:00`).
 */
export interface WorkingPeriod {
  readonly start: string;
  readonly end: string;
}

/** The advisors' working calendar (configuration). */
export interface SlaCalendarConfig {
  /** IANA time zone of the working hours and holidays, e.g. `Europe/Berlin`. */
  readonly timeZone: string;
  /** Working periods per weekday, ascending and non-overlapping; a missing day is a day off. */
  readonly weeklyHours: Readonly<Partial<Record<Weekday, readonly WorkingPeriod[]>>>;
  /** Public holidays (and other closed days) as local ISO dates `YYYY-MM-DD`. */
  readonly holidays: readonly string[];
}

/** Mon-Thu 08:00-16:00, Fri 08:00-13:00 — a typical German municipal office week. */
export const DEFAULT_WEEKLY_HOURS: SlaCalendarConfig['weeklyHours'] = {
  mon: [{ start: '08:00', end: '16:00' }],
  tue: [{ start: '08:00', end: '16:00' }],
  wed: [{ start: '08:00', end: '16:00' }],
  thu: [{ start: '08:00', end: '16:00' }],
  fri: [{ start: '08:00', end: '13:00' }],
};

const TIME = /^(?:([01]\d|2[0-3]):([0-5]\d)|(24):(00))$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MINUTE_MS = 60_000;

type MinuteRange = readonly [start: number, end: number];

/**
 * Working-time arithmetic in the calendar's time zone: weekends, holidays and daylight-saving
 * changes are handled by walking the local calendar day by day and converting each working period
 * to instants with `Intl` (a DST Sunday is simply a day without working hours, and Monday's 08:00
 * is 06:00 or 07:00 UTC as the season demands).
 */
export class SlaCalendar {
  private readonly clock: ZonedClock;
  private readonly periodsByWeekday: readonly (readonly MinuteRange[])[];
  private readonly holidays: ReadonlySet<string>;

  /** Throws `CONFIG_INVALID` listing every problem of the configuration. */
  constructor(config: SlaCalendarConfig) {
    const problems = calendarProblems(config);
    if (problems.length > 0) {
      throw new AppError(ErrorCode.ConfigInvalid, `Invalid SLA calendar: ${problems.join('; ')}`, { problems });
    }
    this.clock = new ZonedClock(config.timeZone);
    this.periodsByWeekday = WEEKDAYS.map((day) => (config.weeklyHours[day] ?? []).map(toMinuteRange));
    this.holidays = new Set(config.holidays);
  }

  /**
   * The instant `minutes` working minutes after `start`. Time outside working hours does not
   * count: a start in the evening begins counting at the next working period. When the minutes
   * run out exactly at the end of a period the result is that end (16:00, not next morning); zero
   * minutes return `start` unchanged.
   */
  addWorkingMinutes(start: Date, minutes: number): Date {
    if (!Number.isFinite(minutes) || minutes < 0) {
      throw new AppError(ErrorCode.ValidationFailed, 'Working minutes must be a finite number >= 0.', { minutes });
    }
    let remainingMs = minutes * MINUTE_MS;
    if (remainingMs === 0) return new Date(start.getTime());
    let cursor = start.getTime();
    for (let day = this.clock.localDate(cursor); ; day = nextDate(day)) {
      for (const [periodStart, periodEnd] of this.periodsOn(day)) {
        if (periodEnd <= cursor) continue;
        const from = Math.max(periodStart, cursor);
        if (remainingMs <= periodEnd - from) return new Date(from + remainingMs);
        remainingMs -= periodEnd - from;
        cursor = periodEnd;
      }
    }
  }

  /**
   * Working minutes between two instants (may be fractional). Negative when `to` is before
   * `from`, so "remaining working time" of an overdue deadline comes out below zero.
   */
  workingMinutesBetween(from: Date, to: Date): number {
    if (to.getTime() < from.getTime()) return -this.workingMinutesBetween(to, from);
    const fromMs = from.getTime();
    const toMs = to.getTime();
    let totalMs = 0;
    for (let day = this.clock.localDate(fromMs); ; day = nextDate(day)) {
      const periods = this.periodsOn(day);
      for (const [periodStart, periodEnd] of periods) {
        totalMs += Math.max(0, Math.min(periodEnd, toMs) - Math.max(periodStart, fromMs));
      }
      if (this.clock.instantAt(day, 24 * 60) >= toMs) break;
    }
    return totalMs / MINUTE_MS;
  }

  /** The calendar year of `at` in the calendar's time zone (e.g. for ticket numbers). */
  localYear(at: Date): number {
    return this.clock.localDate(at.getTime()).year;
  }

  /** True when `at` falls inside a working period (start inclusive, end exclusive). */
  isWorkingTime(at: Date): boolean {
    const ms = at.getTime();
    return this.periodsOn(this.clock.localDate(ms)).some(([start, end]) => start <= ms && ms < end);
  }

  /** The working periods of a local date as instants (epoch milliseconds); none on holidays. */
  private periodsOn(day: LocalDate): MinuteRange[] {
    if (this.holidays.has(isoDate(day))) return [];
    const periods = this.periodsByWeekday[weekdayIndex(day)] ?? [];
    return periods.map(([start, end]) => [this.clock.instantAt(day, start), this.clock.instantAt(day, end)] as const);
  }
}

function toMinuteRange(period: WorkingPeriod): MinuteRange {
  return [minuteOfDay(period.start), minuteOfDay(period.end)];
}

function minuteOfDay(time: string): number {
  const match = TIME.exec(time);
  if (!match) return Number.NaN;
  return Number(match[1] ?? match[3]) * 60 + Number(match[2] ?? match[4]);
}

function calendarProblems(config: SlaCalendarConfig): string[] {
  const problems: string[] = [];
  if (!isValidTimeZone(config.timeZone)) problems.push(`timeZone: unknown time zone "${config.timeZone}"`);
  let workingDays = 0;
  for (const day of WEEKDAYS) {
    const periods = config.weeklyHours[day] ?? [];
    if (periods.length > 0) workingDays += 1;
    let previousEnd = 0;
    periods.forEach((period, index) => {
      const [start, end] = toMinuteRange(period);
      const where = `weeklyHours.${day}[${index}]`;
      if (Number.isNaN(start) || Number.isNaN(end) || start === 24 * 60) {
        problems.push(`${where}: times must be HH:MM (00:00-23:59, end up to 24:00)`);
      } else if (end <= start) {
        problems.push(`${where}: end must be after start`);
      } else if (start < previousEnd) {
        problems.push(`${where}: periods must be ascending and must not overlap`);
      }
      if (!Number.isNaN(end)) previousEnd = Math.max(previousEnd, end);
    });
  }
  if (workingDays === 0) problems.push('weeklyHours: at least one weekday needs working hours');
  for (const holiday of config.holidays) {
    if (!isRealIsoDate(holiday)) problems.push(`holidays: "${holiday}" is not a date YYYY-MM-DD`);
  }
  return problems;
}

function isRealIsoDate(text: string): boolean {
  const match = ISO_DATE.exec(text);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return isoDate({ year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() }) === text;
}
