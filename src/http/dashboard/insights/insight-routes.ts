import type { AnalyticsService } from '../../../domain/insights/analytics.service';
import type { KnowledgeGapService } from '../../../domain/insights/knowledge-gap.service';
import type { TicketFaqDraftService } from '../../../domain/insights/ticket-faq-draft.service';
import type { DashboardRoute } from '../dashboard-route';
import { analyticsRoutes } from './analytics.routes';
import { gapRoutes } from './gaps.routes';
import { ticketFaqDraftRoute } from './ticket-faq-draft.route';

/** What the insight pages need (wired in main.ts). */
export interface InsightRouteDeps {
  readonly gaps: Pick<KnowledgeGapService, 'listGroups' | 'createEntryFromGroup' | 'addGroupToEntry'>;
  readonly analytics: Pick<AnalyticsService, 'report'>;
  readonly ticketDrafts: Pick<TicketFaqDraftService, 'createDraft'>;
  /** IANA time zone of the reporting days (the SLA calendar's, `Europe/Berlin`). */
  readonly timeZone: string;
  readonly now?: () => Date;
}

/**
 * The admin pages of issue 4, sections 3 and 4: knowledge gaps (`/dashboard/gaps`), a resolved
 * ticket as FAQ draft (`POST /dashboard/tickets/:number/faq-draft`) and the analytics
 * (`/dashboard/analytics`, `/dashboard/analytics.csv`). All need the role `admin`.
 */
export function createInsightRoutes(deps: InsightRouteDeps): DashboardRoute[] {
  const now = deps.now ?? (() => new Date());
  return [
    ...gapRoutes({ gaps: deps.gaps, timeZone: deps.timeZone, now }),
    ticketFaqDraftRoute({ ticketDrafts: deps.ticketDrafts }),
    ...analyticsRoutes({ analytics: deps.analytics, timeZone: deps.timeZone, now }),
  ];
}
