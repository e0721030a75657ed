import { AppError } from '../../../src/domain/errors';
import { DEFAULT_WEEKLY_HOURS, SlaCalendar } from '../../../src/domain/tickets/sla-calendar';

/** Public holidays in Baden-Württemberg 2026 around Easter (Good Friday, Easter Monday). */
const HOLIDAYS_2026 = ['2026-01-01', '2026-01-06', '2026-04-03', '2026-04-06', '2026-05-01', '2026-12-25', '2026-12-26'];

/** Mon-Thu 08:00-16:00, Fri 08:00-13:00 in Europe/Berlin. */
const sut = new SlaCalendar({ timeZone: 'Europe/Berlin', weeklyHours: DEFAULT_WEEKLY_HOURS, holidays: HOLIDAYS_2026 });

function add(startIso: string, minutes: number): string {
  return sut.addWorkingMinutes(new Date(startIso), minutes).toISOString();
}

function between(fromIso: string, toIso: string): number {
  return sut.workingMinutesBetween(new Date(fromIso), new Date(toIso));
}

describe('SlaCalendar.addWorkingMinutes (Europe/Berlin, winter = UTC+1, summer = UTC+2)', () => {
  it('counts within one working day', () => {
    // Mon 9 March 2026, 09:00 local -> 11:00 local
    expect(add('2026-03-09T08:00:00.000Z', 120)).toBe('2026-03-09T10:00:00.000Z');
  });

  it('continues the next morning across midnight', () => {
    // Mon 15:00 + 2 h = Mon 16:00 (1 h) + Tue 08:00-09:00
    expect(add('2026-03-09T14:00:00.000Z', 120)).toBe('2026-03-10T08:00:00.000Z');
  });

  it('ends at the close of the day, not the next morning, when the minutes run out exactly then', () => {
    expect(add('2026-03-09T14:00:00.000Z', 60)).toBe('2026-03-09T15:00:00.000Z');
  });

  it('skips the weekend after the short Friday', () => {
    // Fri 13 March 12:00 + 2 h = Fri 13:00 (1 h) + Mon 16 March 08:00-09:00
    expect(add('2026-03-13T11:00:00.000Z', 120)).toBe('2026-03-16T08:00:00.000Z');
  });

  it('starts counting at the next working period when started outside working hours', () => {
    expect(add('2026-03-14T09:00:00.000Z', 30)).toBe('2026-03-16T07:30:00.000Z'); // Saturday -> Mon 08:30
    expect(add('2026-03-10T19:00:00.000Z', 60)).toBe('2026-03-11T08:00:00.000Z'); // Tue 20:00 -> Wed 09:00
    expect(add('2026-03-11T05:00:00.000Z', 60)).toBe('2026-03-11T08:00:00.000Z'); // Wed 06:00 -> Wed 09:00
  });

  it('uses the local date, not the UTC date, after local midnight', () => {
    // 23:30 UTC on Tuesday is 00:30 on Wednesday in Berlin
    expect(add('2026-03-10T23:30:00.000Z', 60)).toBe('2026-03-11T08:00:00.000Z');
  });

  it('skips public holidays (Easter 2026: Good Friday and Easter Monday)', () => {
    // Thu 2 April 15:00 CEST + 2 h = Thu 16:00 (1 h) + Tue 7 April 08:00-09:00 CEST
    expect(add('2026-04-02T13:00:00.000Z', 120)).toBe('2026-04-07T07:00:00.000Z');
  });

  it('handles the week clocks go forward (Sunday 29 March 2026)', () => {
    // Fri 27 March 12:00 CET + 4 h = Fri 13:00 (1 h) + Mon 30 March 08:00-11:00 CEST (UTC+2)
    expect(add('2026-03-27T11:00:00.000Z', 240)).toBe('2026-03-30T09:00:00.000Z');
  });

  it('handles the week clocks go back (Sunday 25 October 2026)', () => {
    // Fri 23 October 12:00 CEST + 4 h = Fri 13:00 (1 h) + Mon 26 October 08:00-11:00 CET (UTC+1)
    expect(add('2026-10-23T10:00:00.000Z', 240)).toBe('2026-10-26T10:00:00.000Z');
  });

  it('returns the start for zero minutes and rejects negative or infinite ones', () => {
    expect(add('2026-03-14T09:00:00.000Z', 0)).toBe('2026-03-14T09:00:00.000Z');
    expect(() => add('2026-03-09T08:00:00.000Z', -1)).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
    expect(() => add('2026-03-09T08:00:00.000Z', Infinity)).toThrow(AppError);
  });
});

describe('SlaCalendar.workingMinutesBetween', () => {
  it('counts only working time, over weekends and across DST changes', () => {
    expect(between('2026-03-13T11:00:00.000Z', '2026-03-16T08:00:00.000Z')).toBe(120);
    // Fri 27 March 08:00 CET -> Mon 30 March 16:00 CEST: 5 h + 8 h
    expect(between('2026-03-27T07:00:00.000Z', '2026-03-30T14:00:00.000Z')).toBe(780);
    expect(between('2026-10-23T06:00:00.000Z', '2026-10-26T15:00:00.000Z')).toBe(780);
  });

  it('is zero outside working hours and negative when the end lies before the start', () => {
    expect(between('2026-03-14T09:00:00.000Z', '2026-03-15T20:00:00.000Z')).toBe(0);
    expect(between('2026-03-16T08:00:00.000Z', '2026-03-13T11:00:00.000Z')).toBe(-120);
  });

  it('counts a holiday as no working time', () => {
    expect(between('2026-04-02T06:00:00.000Z', '2026-04-07T06:00:00.000Z')).toBe(8 * 60);
  });

  it('is the inverse of addWorkingMinutes', () => {
    const starts = ['2026-03-09T08:17:00.000Z', '2026-03-13T11:59:30.000Z', '2026-03-27T15:00:00.000Z', '2026-10-24T12:00:00.000Z'];
    for (const start of starts) {
      for (const minutes of [1, 59, 300, 481, 2400, 4800]) {
        expect(between(start, add(start, minutes))).toBeCloseTo(minutes, 6);
      }
    }
  });

  it('measures real elapsed time on the DST Sundays (23 and 25 hours)', () => {
    const roundTheClock = new SlaCalendar({
      timeZone: 'Europe/Berlin',
      weeklyHours: { sun: [{ start: '00:00', end: '24:00' }] },
      holidays: [],
    });
    const day = (fromIso: string, toIso: string) => roundTheClock.workingMinutesBetween(new Date(fromIso), new Date(toIso));
    expect(day('2026-03-28T00:00:00.000Z', '2026-03-31T00:00:00.000Z')).toBe(23 * 60);
    expect(day('2026-10-24T00:00:00.000Z', '2026-10-27T00:00:00.000Z')).toBe(25 * 60);
  });
});

describe('SlaCalendar configuration', () => {
  it('supports several periods a day (a lunch break does not count)', () => {
    const withLunch = new SlaCalendar({
      timeZone: 'Europe/Berlin',
      weeklyHours: { mon: [{ start: '08:00', end: '12:00' }, { start: '13:00', end: '16:00' }] },
      holidays: [],
    });
    // Mon 11:00 + 2 h = 11:00-12:00 + 13:00-14:00
    expect(withLunch.addWorkingMinutes(new Date('2026-03-09T10:00:00.000Z'), 120).toISOString()).toBe('2026-03-09T13:00:00.000Z');
    expect(withLunch.isWorkingTime(new Date('2026-03-09T11:30:00.000Z'))).toBe(false);
    expect(withLunch.isWorkingTime(new Date('2026-03-09T12:00:00.000Z'))).toBe(true);
  });

  it('knows when it is working time', () => {
    expect(sut.isWorkingTime(new Date('2026-03-09T07:00:00.000Z'))).toBe(true); // Mon 08:00
    expect(sut.isWorkingTime(new Date('2026-03-09T15:00:00.000Z'))).toBe(false); // Mon 16:00
    expect(sut.isWorkingTime(new Date('2026-04-03T08:00:00.000Z'))).toBe(false); // Good Friday
  });

  it('lists every problem of an invalid configuration', () => {
    let error: unknown;
    try {
      new SlaCalendar({
        timeZone: 'Europe/Bärlin',
        weeklyHours: {
          mon: [{ start: '8:00', end: '16:00' }],
          tue: [{ start: '16:00', end: '08:00' }],
          wed: [
            { start: '08:00', end: '12:00' },
            { start: '11:00', end: '16:00' },
          ],
        },
        holidays: ['2026-02-30', '03.10.2026'],
      });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('CONFIG_INVALID');
    expect((error as AppError).details['problems']).toEqual([
      'timeZone: unknown time zone "Europe/Bärlin"',
      'weeklyHours.mon[0]: times must be HH:MM (00:00-23:59, end up to 24:00)',
      'weeklyHours.tue[0]: end must be after start',
      'weeklyHours.wed[1]: periods must be ascending and must not overlap',
      'holidays: "2026-02-30" is not a date YYYY-MM-DD',
      'holidays: "03.10.2026" is not a date YYYY-MM-DD',
    ]);
  });

  it('refuses a week without any working hours (deadlines would never come)', () => {
    expect(() => new SlaCalendar({ timeZone: 'Europe/Berlin', weeklyHours: {}, holidays: [] })).toThrow(
      'Invalid SLA calendar: weeklyHours: at least one weekday needs working hours',
    );
  });
});
