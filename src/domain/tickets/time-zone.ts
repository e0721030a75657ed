/**
 * Wall-clock arithmetic in an IANA time zone with nothing but `Intl` (no date library): the local
 * calendar date of an instant, and the instant of a local date and time.
 */

/** A calendar date as people in the time zone see it. `month` is 1-12. */
export interface LocalDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** True when the runtime knows the IANA time zone (e.g. `Europe/Berlin`). */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** Converts between instants and the wall clock of one time zone. */
export class ZonedClock {
  private readonly format: Intl.DateTimeFormat;

  /** `timeZone` must be valid (see {@link isValidTimeZone}); Intl throws a RangeError otherwise. */
  constructor(readonly timeZone: string) {
    this.format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  }

  /** The local calendar date of an instant. */
  localDate(instantMs: number): LocalDate {
    const wall = this.wallClock(instantMs);
    return { year: wall.getUTCFullYear(), month: wall.getUTCMonth() + 1, day: wall.getUTCDate() };
  }

  /**
   * The instant at which the local clock shows `minuteOfDay` (0-1440) on `date`. A wall time that
   * does not exist (the skipped hour when clocks go forward) maps to the same distance after the
   * gap (02:30 -> 03:30); a wall time that occurs twice (clocks go back) maps to its second occurrence.
   */
  instantAt(date: LocalDate, minuteOfDay: number): number {
    const asIfUtc = Date.UTC(date.year, date.month - 1, date.day, 0, minuteOfDay);
    const firstGuess = asIfUtc - this.offsetMs(asIfUtc);
    const secondOffset = this.offsetMs(firstGuess);
    return asIfUtc - secondOffset;
  }

  /** Offset of local time from UTC at an instant, in milliseconds (+1 h for CET, +2 h for CEST). */
  private offsetMs(instantMs: number): number {
    const wholeSecond = Math.floor(instantMs / 1000) * 1000;
    return this.wallClock(wholeSecond).getTime() - wholeSecond;
  }

  /** The local wall-clock reading of an instant, encoded as if it were UTC. */
  private wallClock(instantMs: number): Date {
    const parts: Record<string, number> = {};
    for (const part of this.format.formatToParts(new Date(instantMs))) {
      if (part.type !== 'literal') parts[part.type] = Number(part.value);
    }
    const { year = 0, month = 1, day = 1, hour = 0, minute = 0, second = 0 } = parts;
    const wall = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
    return new Date(wall.getTime() + (instantMs - Math.floor(instantMs / 1000) * 1000));
  }
}

/** The next calendar date. */
export function nextDate(date: LocalDate): LocalDate {
  const next = new Date(Date.UTC(date.year, date.month - 1, date.day + 1));
  return { year: next.getUTCFullYear(), month: next.getUTCMonth() + 1, day: next.getUTCDate() };
}

/** ISO weekday index of a date: 0 = Monday … 6 = Sunday. */
export function weekdayIndex(date: LocalDate): number {
  return (new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay() + 6) % 7;
}

/** `YYYY-MM-DD` of a date. */
export function isoDate(date: LocalDate): string {
  const pad = (value: number, width: number) => String(value).padStart(width, '0');
  return `${pad(date.year, 4)}-${pad(date.month, 2)}-${pad(date.day, 2)}`;
}
