import type { AnalyticsReport } from '../../../domain/insights/analytics.service';
import type { KeyCount } from '../../../domain/insights/analytics-source';
import type { NumberCell, NumberUnit } from './format';

/** The tables of the analytics page; each is shown as HTML and downloadable as CSV. */
export const ANALYTICS_TABLES = [
  'questions',
  'questions-per-day',
  'outcomes',
  'tickets',
  'tickets-by-category',
  'tickets-by-municipality',
  'satisfaction',
] as const;

export type AnalyticsTableId = (typeof ANALYTICS_TABLES)[number];

export type TableCell = string | NumberCell;

/** One table of figures: the HTML table, the chart and the CSV are all made from it. */
export interface ReportTable {
  readonly id: AnalyticsTableId;
  readonly caption: string;
  readonly columns: readonly { readonly header: string }[];
  readonly rows: readonly (readonly TableCell[])[];
}

const n = (value: number | null, unit: NumberUnit = 'count'): NumberCell => ({ value, unit });
const share = (part: number, whole: number): NumberCell => n(whole > 0 ? part / whole : null, 'percent');
const hours = (minutes: number | null): NumberCell => n(minutes === null ? null : minutes / 60, 'hours');

const FIGURE_COLUMNS = [{ header: 'Kennzahl' }, { header: 'Wert' }];

function questionsTable({ questions: q }: AnalyticsReport): ReportTable {
  return {
    id: 'questions',
    caption: 'Fragen an Lotse',
    columns: FIGURE_COLUMNS,
    rows: [
      ['Gestellte Fragen', n(q.asked)],
      ['Direkt beantwortet', n(q.answered)],
      ['Auswahl angeboten', n(q.choices)],
      ['Ohne Antwort', n(q.none)],
      ['Gesprächsnachrichten (Begrüßung, Befehle; nicht mitgezählt)', n(q.intents)],
      ['Bewertet als „hilfreich“', n(q.helpful)],
      ['Bewertet als „nicht hilfreich“', n(q.notHelpful)],
      ['Anteil „hilfreich“ an den Bewertungen', n(q.helpfulRate, 'percent')],
      ['Ohne Ticket gelöst', n(q.selfServed)],
      ['Beantwortet, aber Ticket innerhalb von 24 Stunden', n(q.servedThenTicket)],
      ['Quote „ohne Ticket gelöst“ (Deflection)', n(q.deflectionRate, 'percent')],
    ],
  };
}

function perDayTable(report: AnalyticsReport): ReportTable {
  return {
    id: 'questions-per-day',
    caption: 'Fragen pro Tag',
    columns: [{ header: 'Tag' }, { header: 'Fragen' }, { header: 'Direkt beantwortet' }, { header: 'Auswahl angeboten' }, { header: 'Ohne Antwort' }],
    rows: report.questionsPerDay.map((day) => [day.date, n(day.asked), n(day.answered), n(day.choices), n(day.none)]),
  };
}

function outcomesTable({ questions: q }: AnalyticsReport): ReportTable {
  return {
    id: 'outcomes',
    caption: 'Ergebnis der Fragen',
    columns: [{ header: 'Ergebnis' }, { header: 'Fragen' }, { header: 'Anteil (%)' }],
    rows: [
      ['Direkt beantwortet', n(q.answered), share(q.answered, q.asked)],
      ['Auswahl angeboten', n(q.choices), share(q.choices, q.asked)],
      ['Ohne Antwort', n(q.none), share(q.none, q.asked)],
    ],
  };
}

function ticketsTable({ tickets: t }: AnalyticsReport): ReportTable {
  return {
    id: 'tickets',
    caption: 'Tickets und Bearbeitungszeiten',
    columns: FIGURE_COLUMNS,
    rows: [
      ['Eröffnete Tickets', n(t.opened)],
      ['Tickets mit erster Antwort', n(t.firstResponse.count)],
      ['Median bis zur ersten Antwort (Stunden)', hours(t.firstResponse.medianMinutes)],
      ['Gelöste oder geschlossene Tickets', n(t.resolution.count)],
      ['Median bis zur Lösung (Stunden)', hours(t.resolution.medianMinutes)],
      ['Frist für die erste Antwort überschritten', n(t.slaBreaches.firstResponse)],
      ['Frist für die Lösung überschritten', n(t.slaBreaches.resolution)],
      ['Zufriedenheit: Bewertungen', n(t.satisfaction.count)],
      ['Zufriedenheit: Mittelwert (1–5)', n(t.satisfaction.mean, 'score')],
    ],
  };
}

function keyCountTable(id: AnalyticsTableId, caption: string, header: string, rows: readonly KeyCount[], total: number): ReportTable {
  return {
    id,
    caption,
    columns: [{ header }, { header: 'Tickets' }, { header: 'Anteil (%)' }],
    rows: rows.map((row) => [row.key || '(ohne Angabe)', n(row.count), share(row.count, total)]),
  };
}

function satisfactionTable({ tickets: t }: AnalyticsReport): ReportTable {
  const { count, distribution } = t.satisfaction;
  return {
    id: 'satisfaction',
    caption: 'Zufriedenheit mit gelösten Tickets',
    columns: [{ header: 'Bewertung' }, { header: 'Anzahl' }, { header: 'Anteil (%)' }],
    rows: distribution.map((row) => [`${row.score} von 5`, n(row.count), share(row.count, count)]),
  };
}

/** Every table of the report, in page order. */
export function analyticsTables(report: AnalyticsReport): Record<AnalyticsTableId, ReportTable> {
  const { tickets } = report;
  return {
    questions: questionsTable(report),
    'questions-per-day': perDayTable(report),
    outcomes: outcomesTable(report),
    tickets: ticketsTable(report),
    'tickets-by-category': keyCountTable('tickets-by-category', 'Tickets nach Kategorie', 'Kategorie', tickets.byCategory, tickets.opened),
    'tickets-by-municipality': keyCountTable('tickets-by-municipality', 'Tickets nach Kommune', 'Kommune', tickets.byMunicipality, tickets.opened),
    satisfaction: satisfactionTable(report),
  };
}
