import type { AnalyticsReport } from '../../../domain/insights/analytics.service';
import { html } from '../html';
import type { Html } from '../html';
import { analyticsTables } from './analytics-tables';
import type { AnalyticsTableId, ReportTable, TableCell } from './analytics-tables';
import { barChart } from './bar-chart';
import type { ChartBar } from './bar-chart';
import { formatDate, formatDateTime, formatNumber, formatShortDate } from './format';
import { periodForm, periodQuery } from './period-form';

export const ANALYTICS_PATH = '/dashboard/analytics';
export const ANALYTICS_TITLE = 'Auswertung';

function cellText(cell: TableCell): string {
  return typeof cell === 'string' ? cell : formatNumber(cell);
}

/** The table as HTML; numbers right-aligned via class. */
export function renderTable(table: ReportTable, captionId?: string): Html {
  const head = table.columns.map((column, index) => html`<th scope="col"${index > 0 ? html` class="numeric"` : null}>${column.header}</th>`);
  const rows = table.rows.map(
    (row) =>
      html`<tr>${row.map((cell, index) =>
        index === 0 ? html`<th scope="row">${cellText(cell)}</th>` : html`<td class="numeric">${cellText(cell)}</td>`,
      )}</tr>`,
  );
  return html`<table class="table" data-table="${table.id}"><caption${captionId ? html` id="${captionId}"` : null}>${table.caption}</caption><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table>`;
}

function csvLink(id: AnalyticsTableId, report: AnalyticsReport, caption: string): Html {
  return html`<p class="report-download"><a class="button button-secondary" href="${ANALYTICS_PATH}.csv?table=${id}&${periodQuery(report.period)}" download>CSV herunterladen<span class="visually-hidden">: ${caption}</span></a></p>`;
}

/** Bars from the first two columns of a table (label, count). */
function barsOf(table: ReportTable, label: (text: string) => string = (text) => text): ChartBar[] {
  return table.rows.map((row) => {
    const value = row[1];
    const count = typeof value === 'object' ? (value.value ?? 0) : 0;
    return { label: label(cellText(row[0]!)), value: count, display: typeof value === 'object' ? formatNumber(value) : '' };
  });
}

function chartBlock(table: ReportTable, report: AnalyticsReport, chart: { summary: string; orientation: 'horizontal' | 'vertical'; folded?: boolean; label?: (text: string) => string }): Html {
  const headingId = `report-${table.id}`;
  const svg = barChart({ id: `chart-${table.id}`, title: table.caption, summary: chart.summary, bars: barsOf(table, chart.label), orientation: chart.orientation });
  const data = chart.folded
    ? html`<details class="report-data"><summary>Tabelle: ${table.caption}</summary>${renderTable(table)}</details>`
    : renderTable(table);
  return html`<section class="report-block" aria-labelledby="${headingId}"><h2 id="${headingId}">${table.caption}</h2><figure class="report-chart">${svg}</figure>${data}${csvLink(table.id, report, table.caption)}</section>`;
}

function tableBlock(table: ReportTable, report: AnalyticsReport): Html {
  const headingId = `report-${table.id}`;
  return html`<section class="report-block" aria-labelledby="${headingId}"><h2 id="${headingId}">${table.caption}</h2>${renderTable(table)}${csvLink(table.id, report, table.caption)}</section>`;
}

const DEFINITIONS = html`<section class="report-block" aria-labelledby="report-definitions"><h2 id="report-definitions">So wird gezählt</h2><dl class="report-definitions">
<dt>Fragen</dt><dd>Fragen an die FAQ im gewählten Zeitraum (Kalendertage nach deutscher Zeit). Gesprächsnachrichten wie Begrüßungen oder „Ticket eröffnen“ zählen nicht mit.</dd>
<dt>Anteil „hilfreich“</dt><dd>Bewertungen „hilfreich“ geteilt durch alle Bewertungen der Fragen im Zeitraum.</dd>
<dt>Ohne Ticket gelöst (Deflection)</dt><dd>Fragen, die Lotse beantwortet hat (direkt oder durch einen gewählten Vorschlag), die nicht als „nicht hilfreich“ bewertet wurden und nach denen dieselbe Person innerhalb von 24 Stunden kein Ticket eröffnet hat. Die Quote bezieht sich auf alle gestellten Fragen.</dd>
<dt>Tickets</dt><dd>Alle Angaben zu Tickets beziehen sich auf die im Zeitraum eröffneten Tickets.</dd>
<dt>Bearbeitungszeiten</dt><dd>Median der Zeit von der Eröffnung bis zur ersten öffentlichen Antwort der Berater:innen bzw. bis zur Lösung oder Schließung, in Stunden nach der Uhr (nicht nur Arbeitszeit) — so lange, wie die anfragende Person wartet. Gezählt werden die Tickets, die diesen Schritt schon erreicht haben.</dd>
<dt>Fristüberschreitungen</dt><dd>Tickets, deren Antwort- bzw. Lösungsfrist (nach den Servicezeiten) bei der Antwort oder Lösung überschritten war oder jetzt bereits abgelaufen ist.</dd>
<dt>Zufriedenheit</dt><dd>Bewertungen (1 bis 5) der anfragenden Personen zu diesen Tickets.</dd>
</dl></section>`;

/** The analytics page body. */
export function renderAnalytics(report: AnalyticsReport): Html {
  const tables = analyticsTables(report);
  const { period } = report;
  return html`${periodForm(ANALYTICS_PATH, period)}<p class="report-period">Zeitraum: ${formatDate(period.from)} bis ${formatDate(period.to)} (${period.dayCount} Tage), Stand: ${formatDateTime(report.generatedAt, period.timeZone)}.</p>
${tableBlock(tables.questions, report)}
${chartBlock(tables['questions-per-day'], report, { summary: 'Anzahl der Fragen an Lotse pro Tag.', orientation: 'vertical', folded: true, label: formatShortDate })}
${chartBlock(tables.outcomes, report, { summary: 'Anzahl der Fragen je Ergebnis: direkt beantwortet, Auswahl angeboten, ohne Antwort.', orientation: 'horizontal' })}
${tableBlock(tables.tickets, report)}
${chartBlock(tables['tickets-by-category'], report, { summary: 'Anzahl der eröffneten Tickets je Kategorie.', orientation: 'horizontal' })}
${chartBlock(tables['tickets-by-municipality'], report, { summary: 'Anzahl der eröffneten Tickets je Kommune.', orientation: 'horizontal' })}
${chartBlock(tables.satisfaction, report, { summary: 'Anzahl der Bewertungen je Note von 1 (unzufrieden) bis 5 (sehr zufrieden).', orientation: 'horizontal' })}
${DEFINITIONS}`;
}
