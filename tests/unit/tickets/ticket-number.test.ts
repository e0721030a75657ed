import { findTicketNumber, formatTicketNumber, parseTicketNumber } from '../../../src/domain/tickets/ticket-number';

describe('formatTicketNumber', () => {
  it('pads the sequence to six digits', () => {
    expect(formatTicketNumber(2026, 42)).toBe('LOT-2026-000042');
    expect(formatTicketNumber(2026, 1)).toBe('LOT-2026-000001');
    expect(formatTicketNumber(2027, 999_999)).toBe('LOT-2027-999999');
  });

  it('lets the millionth ticket of a year grow a digit instead of wrapping', () => {
    expect(formatTicketNumber(2026, 1_000_000)).toBe('LOT-2026-1000000');
  });

  it.each([
    [2026, 0],
    [2026, -1],
    [2026, 1.5],
    [2026, Number.NaN],
    [2026, 1_000_000_000],
    [1999, 1],
    [3000, 1],
    [26, 1],
  ])('rejects year %p with sequence %p', (year, sequence) => {
    expect(() => formatTicketNumber(year, sequence)).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
  });
});

describe('parseTicketNumber', () => {
  it.each([
    'LOT-2026-000042',
    'lot-2026-000042',
    'lot-2026-42',
    'Lot-2026-0042',
    '  LOT-2026-000042  ',
    'LOT 2026 42',
    'LOT\u20132026\u201342',
  ])('reads %p as LOT-2026-000042', (text) => {
    expect(parseTicketNumber(text)).toEqual({ year: 2026, sequence: 42, text: 'LOT-2026-000042' });
  });

  it('round-trips every formatted number', () => {
    for (const sequence of [1, 9, 10, 999_999, 1_000_000, 123_456_789]) {
      expect(parseTicketNumber(formatTicketNumber(2031, sequence))).toMatchObject({ year: 2031, sequence });
    }
  });

  it.each([
    '',
    'LOT',
    'LOT-2026',
    'LOT-2026-',
    'LOT-2026-000000',
    'LOT-26-42',
    'LOT-1999-42',
    'LOT-2026-4a2',
    'LOT-2026-1234567890',
    'LOT--2026-42',
    'LOT_2026_42',
    'LOT2026000042',
    'ABC-2026-000042',
    'LOT-2026-000042x',
    'LOT-2026-000042?',
    '$where: 1',
  ])('rejects %p', (text) => {
    expect(parseTicketNumber(text)).toBeNull();
  });
});

describe('findTicketNumber', () => {
  it('finds a number inside a sentence, with punctuation around it', () => {
    expect(findTicketNumber('Wie ist der Stand von LOT-2026-000042?')?.text).toBe('LOT-2026-000042');
    expect(findTicketNumber('(lot-2026-7) bitte')?.text).toBe('LOT-2026-000007');
  });

  it('ignores numbers glued to other words or digits and text without one', () => {
    expect(findTicketNumber('Meine Anfragen')).toBeNull();
    expect(findTicketNumber('XLOT-2026-000042')).toBeNull();
    expect(findTicketNumber('LOT-2026-0000421234567')).toBeNull();
    expect(findTicketNumber('LOT-2026-000000')).toBeNull();
  });

  it('finds nothing in a long run of half numbers, without throwing', () => {
    expect(findTicketNumber('LOT-2026-'.repeat(10_000))).toBeNull();
  });
});
