import type { AnalyticsService } from '../../../domain/insights/analytics.service';
import type { DashboardResponse, DashboardRoute } from '../dashboard-route';
import { html } from '../html';
import { analyticsTables } from './analytics-tables';
import { ANALYTICS_PATH, ANALYTICS_TITLE, renderAnalytics } from './analytics.page';
import { toCsv } from './csv';
import { CsvQuerySchema, PeriodQuerySchema, parseWithPeriod } from './insights.schema';
import type { FieldErrors } from './insights.schema';
import { errorSummary, periodForm } from './period-form';

export interface AnalyticsRouteDeps {
  readonly analytics: Pick<AnalyticsService, 'report'>;
  /** IANA time zone of the reporting days. */
  readonly timeZone: string;
  readonly now: () => Date;
}

function invalidPeriod(errors: FieldErrors, values: { from: string; to: string }): DashboardResponse {
  return {
    kind: 'page',
    title: ANALYTICS_TITLE,
    status: 422,
    body: html`${errorSummary(errors, ['from', 'to'])}${periodForm(ANALYTICS_PATH, values, errors)}`,
  };
}

/** GET /dashboard/analytics (page) and GET /dashboard/analytics.csv?table=… (one table as CSV). */
export function analyticsRoutes(deps: AnalyticsRouteDeps): DashboardRoute[] {
  return [
    {
      method: 'GET',
      path: ANALYTICS_PATH,
      role: 'admin',
      section: 'analytics',
      async handle(request) {
        const parsed = parseWithPeriod(PeriodQuerySchema, request.query, deps.now(), deps.timeZone);
        if (!parsed.ok) return invalidPeriod(parsed.errors, parsed.values);
        const report = await deps.analytics.report(parsed.period);
        return { kind: 'page', title: ANALYTICS_TITLE, body: renderAnalytics(report) };
      },
    },
    {
      method: 'GET',
      path: `${ANALYTICS_PATH}.csv`,
      role: 'admin',
      section: 'analytics',
      async handle(request) {
        const parsed = parseWithPeriod(CsvQuerySchema, request.query, deps.now(), deps.timeZone);
        if (!parsed.ok) return invalidPeriod(parsed.errors, parsed.values);
        const report = await deps.analytics.report(parsed.period);
        const table = analyticsTables(report)[parsed.data.table];
        return {
          kind: 'download',
          filename: `lotse-${table.id}-${parsed.period.from}-${parsed.period.to}.csv`,
          contentType: 'text/csv; charset=utf-8',
          body: toCsv(table),
        };
      },
    },
  ];
}
