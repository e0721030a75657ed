import { html } from '../html';
import type { Html } from '../html';
import { shorten } from './format';

/**
 * Server-rendered SVG bar charts. Accessible by construction: `role="img"`, labelled by its
 * `<title>` and described by its `<desc>` (what it shows, the highest value), and always placed
 * next to the table with the same figures. No inline styles or scripts (CSP): colours and sizes
 * come from the `.chart` classes of the dashboard stylesheet; geometry is SVG attributes.
 */

export interface ChartBar {
  readonly label: string;
  readonly value: number;
  /** The value as people read it (e.g. "1.234"). */
  readonly display: string;
}

export interface BarChartSpec {
  /** Unique on the page; prefixes the ids of title and desc. */
  readonly id: string;
  readonly title: string;
  /** One sentence on what is counted, e.g. "Anzahl der Tickets je Kategorie." */
  readonly summary: string;
  readonly bars: readonly ChartBar[];
  /** `horizontal` for categories (labels on the left, the first 25 bars in the given order), `vertical` for a time series. */
  readonly orientation: 'horizontal' | 'vertical';
}

const WIDTH = 640;
const MAX_HORIZONTAL_BARS = 25;
const round = (value: number) => Math.round(value * 10) / 10;

function describe(spec: BarChartSpec, shown: number): string {
  const { bars } = spec;
  if (bars.every((bar) => bar.value === 0)) return `${spec.summary} Im Zeitraum gibt es keine Werte.`;
  const top = bars.reduce((best, bar) => (bar.value > best.value ? bar : best), bars[0]!);
  const cut = shown < bars.length ? ` Gezeigt werden die ersten ${shown} von ${bars.length} Werten.` : '';
  return `${spec.summary} ${bars.length} Werte; der höchste: ${top.label} mit ${top.display}.${cut} Alle Werte stehen in der Tabelle zum Diagramm.`;
}

function frame(spec: BarChartSpec, height: number, shown: number, content: Html): Html {
  const titleId = `${spec.id}-title`;
  const descId = `${spec.id}-desc`;
  return html`<svg class="chart" role="img" aria-labelledby="${titleId} ${descId}" viewBox="0 0 ${WIDTH} ${height}" xmlns="http://www.w3.org/2000/svg"><title id="${titleId}">${spec.title}</title><desc id="${descId}">${describe(spec, shown)}</desc>${content}</svg>`;
}

function emptyChart(spec: BarChartSpec): Html {
  return frame(spec, 60, 0, html`<text class="chart-empty" x="${WIDTH / 2}" y="34" text-anchor="middle">Keine Daten im Zeitraum</text>`);
}

function horizontal(spec: BarChartSpec): Html {
  const labelWidth = 200;
  const valueWidth = 80;
  const rowHeight = 26;
  const barHeight = 18;
  const top = 8;
  const bars = spec.bars.slice(0, MAX_HORIZONTAL_BARS);
  const max = Math.max(...bars.map((bar) => bar.value), 1);
  const barSpace = WIDTH - labelWidth - valueWidth;
  const height = top * 2 + bars.length * rowHeight;
  const items = bars.map((bar, index) => {
    const y = top + index * rowHeight;
    const width = round(bar.value > 0 ? Math.max(1, (bar.value / max) * barSpace) : 0);
    return html`<g class="chart-item"><title>${bar.label}: ${bar.display}</title><text class="chart-label" x="${labelWidth - 8}" y="${y + barHeight / 2}" text-anchor="end" dominant-baseline="middle">${shorten(bar.label, 28)}</text><rect class="chart-bar" x="${labelWidth}" y="${y}" width="${width}" height="${barHeight}"></rect><text class="chart-value" x="${labelWidth + width + 6}" y="${y + barHeight / 2}" dominant-baseline="middle">${bar.display}</text></g>`;
  });
  return frame(spec, height, bars.length, html`${items}`);
}

function vertical(spec: BarChartSpec): Html {
  const height = 220;
  const left = 44;
  const right = 8;
  const top = 14;
  const bottom = 28;
  const plotWidth = WIDTH - left - right;
  const plotHeight = height - top - bottom;
  const { bars } = spec;
  const max = Math.max(...bars.map((bar) => bar.value), 1);
  const slot = plotWidth / bars.length;
  const barWidth = round(Math.max(1, slot * 0.8));
  const labelEvery = Math.ceil(bars.length / 8);
  const baseline = top + plotHeight;
  const items = bars.map((bar, index) => {
    const barHeight = round((bar.value / max) * plotHeight);
    const x = round(left + index * slot + (slot - barWidth) / 2);
    const label =
      index % labelEvery === 0 ? html`<text class="chart-label" x="${round(x + barWidth / 2)}" y="${baseline + 18}" text-anchor="middle">${bar.label}</text>` : null;
    return html`<g class="chart-item"><title>${bar.label}: ${bar.display}</title><rect class="chart-bar" x="${x}" y="${round(baseline - barHeight)}" width="${barWidth}" height="${barHeight}"></rect>${label}</g>`;
  });
  const maxLabel = bars.reduce((best, bar) => (bar.value > best.value ? bar : best), bars[0]!).display;
  const axes = html`<line class="chart-axis" x1="${left}" y1="${baseline}" x2="${WIDTH - right}" y2="${baseline}"></line><line class="chart-grid" x1="${left}" y1="${top}" x2="${WIDTH - right}" y2="${top}"></line><text class="chart-label" x="${left - 6}" y="${top}" text-anchor="end" dominant-baseline="middle">${maxLabel}</text><text class="chart-label" x="${left - 6}" y="${baseline}" text-anchor="end" dominant-baseline="middle">0</text>`;
  return frame(spec, height, bars.length, html`${axes}${items}`);
}

/** The chart as inline SVG markup (all text escaped). */
export function barChart(spec: BarChartSpec): Html {
  if (spec.bars.length === 0 || spec.bars.every((bar) => bar.value === 0)) return emptyChart(spec);
  return spec.orientation === 'horizontal' ? horizontal(spec) : vertical(spec);
}
