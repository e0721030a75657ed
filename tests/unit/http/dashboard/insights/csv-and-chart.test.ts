import { barChart } from '../../../../../src/http/dashboard/insights/bar-chart';
import { csvText, toCsv } from '../../../../../src/http/dashboard/insights/csv';

describe('CSV', () => {
  it.each([
    ['Musterstadt', 'Musterstadt'],
    ['Bad Kreuznach; Stadt', '"Bad Kreuznach; Stadt"'],
    ['Sie sagte "Hallo"', '"Sie sagte ""Hallo"""'],
    ['zwei\nZeilen', '"zwei\nZeilen"'],
    ['=SUMME(A1:A9)', "'=SUMME(A1:A9)"],
    ['+49 30 1234', "'+49 30 1234"],
    ['-1', "'-1"],
    ['@Lotse', "'@Lotse"],
  ])('writes the text cell %j as %j', (text, expected) => {
    expect(csvText(text)).toBe(expected);
  });

  it('writes a header row, numbers with a decimal comma, empty cells for missing values, and CRLF', () => {
    const csv = toCsv({
      id: 'tickets',
      caption: 'Tickets',
      columns: [{ header: 'Kennzahl' }, { header: 'Wert' }],
      rows: [
        ['Median (Stunden)', { value: 1234.56, unit: 'hours' }],
        ['Anteil', { value: 0.125, unit: 'percent' }],
        ['Median ohne Tickets', { value: null, unit: 'hours' }],
      ],
    });
    expect(csv).toBe('\uFEFFKennzahl;Wert\r\nMedian (Stunden);1234,6\r\nAnteil;12,5\r\nMedian ohne Tickets;\r\n');
  });
});

describe('barChart', () => {
  it('says in its description when there is nothing to show', () => {
    const svg = barChart({ id: 'c', title: 'Leer', summary: 'Anzahl der Tickets.', bars: [{ label: 'A', value: 0, display: '0' }], orientation: 'horizontal' }).value;
    expect(svg).toContain('<desc id="c-desc">Anzahl der Tickets. Im Zeitraum gibt es keine Werte.</desc>');
    expect(svg).toContain('Keine Daten im Zeitraum');
  });

  it('escapes labels and shows at most 25 bars, saying so', () => {
    const bars = Array.from({ length: 30 }, (_, i) => ({ label: `<b>K${i}</b>`, value: 30 - i, display: String(30 - i) }));
    const svg = barChart({ id: 'c', title: 'Viele', summary: 'Anzahl.', bars, orientation: 'horizontal' }).value;
    expect(svg).not.toContain('<b>');
    expect(svg.match(/class="chart-bar"/g)).toHaveLength(25);
    expect(svg).toContain('der höchste: &lt;b&gt;K0&lt;/b&gt; mit 30. Gezeigt werden die ersten 25 von 30 Werten.');
  });

  it('draws a time series with bar heights proportional to the values', () => {
    const svg = barChart({
      id: 'd',
      title: 'Pro Tag',
      summary: 'Fragen pro Tag.',
      bars: [
        { label: '01.03.', value: 2, display: '2' },
        { label: '02.03.', value: 4, display: '4' },
      ],
      orientation: 'vertical',
    }).value;
    const heights = [...svg.matchAll(/<rect class="chart-bar" x="[\d.]+" y="[\d.]+" width="[\d.]+" height="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(heights).toEqual([89, 178]);
  });
});
