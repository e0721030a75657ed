import { ErrorCode } from '../../../../src/domain/errors';
import { createReportingPeriod, dayIndexOf, defaultReportingPeriod, parseIsoDate, periodDays } from '../../../../src/domain/insights/reporting-period';

const BERLIN = 'Europe/Berlin';

describe('reporting periods (local days in Europe/Berlin)', () => {
  it('covers the local days from midnight to midnight, also across the change to summer time', () => {
    const period = createReportingPeriod('2026-03-28', '2026-03-30', BERLIN);
    expect(period).toMatchObject({ start: '2026-03-27T23:00:00.000Z', end: '2026-03-30T22:00:00.000Z', dayCount: 3 });
    const days = periodDays(period);
    expect(days.dates).toEqual(['2026-03-28', '2026-03-29', '2026-03-30']);
    // 29 March has 23 hours: it ends at 22:00 UTC
    expect(dayIndexOf(days, Date.parse('2026-03-29T21:59:59.999Z'))).toBe(1);
    expect(dayIndexOf(days, Date.parse('2026-03-29T22:00:00.000Z'))).toBe(2);
    expect(dayIndexOf(days, Date.parse('2026-03-27T22:59:59.999Z'))).toBe(-1);
    expect(dayIndexOf(days, Date.parse('2026-03-30T22:00:00.000Z'))).toBe(-1);
  });

  it('defaults to the last 30 days including today (local date)', () => {
    // 23:30 UTC on 31 March is already 1 April in Berlin
    expect(defaultReportingPeriod(new Date('2026-03-31T23:30:00.000Z'), BERLIN)).toMatchObject({ from: '2026-03-03', to: '2026-04-01', dayCount: 30 });
  });

  it('refuses unreal dates, a reversed period and more than 366 days', () => {
    expect(parseIsoDate('2026-02-29')).toBeNull();
    expect(parseIsoDate('2028-02-29')).toEqual({ year: 2028, month: 2, day: 29 });
    expect(() => createReportingPeriod('2026-02-30', '2026-03-01', BERLIN)).toThrow(expect.objectContaining({ code: ErrorCode.ValidationFailed }));
    expect(() => createReportingPeriod('2026-03-02', '2026-03-01', BERLIN)).toThrow(expect.objectContaining({ code: ErrorCode.ValidationFailed }));
    expect(createReportingPeriod('2024-01-01', '2024-12-31', BERLIN).dayCount).toBe(366);
    expect(() => createReportingPeriod('2025-01-01', '2026-01-02', BERLIN)).toThrow(expect.objectContaining({ code: ErrorCode.ValidationFailed }));
  });
});
