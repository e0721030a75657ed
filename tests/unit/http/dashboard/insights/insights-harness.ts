import type { DashboardUser } from '../../../../../src/domain/access/dashboard-user';
import type { AnalyticsSource } from '../../../../../src/domain/insights/analytics-source';
import { AnalyticsService } from '../../../../../src/domain/insights/analytics.service';
import { KnowledgeGapService } from '../../../../../src/domain/insights/knowledge-gap.service';
import type { InstantRange } from '../../../../../src/domain/insights/reporting-period';
import { TicketFaqDraftService } from '../../../../../src/domain/insights/ticket-faq-draft.service';
import type { Ticket } from '../../../../../src/domain/tickets/ticket';
import type { DashboardRequest, DashboardResponse, DashboardRoute } from '../../../../../src/http/dashboard/dashboard-route';
import { createInsightRoutes } from '../../../../../src/http/dashboard/insights/insight-routes';
import { GermanQuestionTerms } from '../../../../../src/nlp/question-terms';
import { faqEntry } from '../../../../support/factories/faq-entries';
import { FakeKnowledgeDrafts, InMemoryGapDecisionStore, InMemoryTicketDraftLinks, ListGapQuestionSource } from '../../../../support/fakes/in-memory-insights';

export const adminUser: DashboardUser = { id: 'aad-admin-1', name: 'Ada Admin', email: null, tenantId: 'tenant-1', roles: ['admin'] };
export const CSRF = 'csrf-token-123';
/** 15 March 2026, 11:00 in Berlin: the default period is 14 Feb to 15 Mar. */
export const NOW = new Date('2026-03-15T10:00:00.000Z');

export const ENTRIES = [
  faqEntry('kb-001', { question: 'Wie empfangen wir XRechnungen?', alternativeQuestions: [], category: 'E-Rechnung' }),
  faqEntry('kb-002', { question: 'Wie setze ich mein Passwort zurück?', alternativeQuestions: [], category: 'Zugang' }),
];

/** An analytics source with fixed answers; records every range it was asked for. */
export class FixedAnalyticsSource implements AnalyticsSource {
  readonly calls: InstantRange[] = [];
  constructor(private readonly data: Partial<{ [K in keyof AnalyticsSource]: Awaited<ReturnType<AnalyticsSource[K]>> }> = {}) {}
  private answer<K extends keyof AnalyticsSource>(key: K, range: InstantRange): Promise<Awaited<ReturnType<AnalyticsSource[K]>>> {
    this.calls.push(range);
    return Promise.resolve((this.data[key] ?? []) as Awaited<ReturnType<AnalyticsSource[K]>>);
  }
  questionOutcomes = (range: InstantRange) => this.answer('questionOutcomes', range);
  askedQuestions = (range: InstantRange) => this.answer('askedQuestions', range);
  servedQuestions = (range: InstantRange) => this.answer('servedQuestions', range);
  ticketStarts = (range: InstantRange) => this.answer('ticketStarts', range);
  ticketsByCategory = (range: InstantRange) => this.answer('ticketsByCategory', range);
  ticketsByMunicipality = (range: InstantRange) => this.answer('ticketsByMunicipality', range);
  satisfactionScores = (range: InstantRange) => this.answer('satisfactionScores', range);
  ticketTimings = (range: InstantRange) => this.answer('ticketTimings', range);
}

/** The insight routes over in-memory fakes of every port. */
export function createInsightsHarness(options: { analytics?: FixedAnalyticsSource; tickets?: readonly Ticket[] } = {}) {
  const questions = new ListGapQuestionSource();
  const decisions = new InMemoryGapDecisionStore();
  const drafts = new FakeKnowledgeDrafts(ENTRIES);
  const links = new InMemoryTicketDraftLinks();
  const analyticsSource = options.analytics ?? new FixedAnalyticsSource();
  const tickets = new Map((options.tickets ?? []).map((ticket) => [ticket.number, ticket]));
  let decisionId = 0;
  const now = () => NOW;
  const routes = createInsightRoutes({
    gaps: new KnowledgeGapService({ questions, decisions, drafts, catalog: drafts, terms: new GermanQuestionTerms(), newId: () => `dec-${++decisionId}`, now }),
    analytics: new AnalyticsService(analyticsSource, now),
    ticketDrafts: new TicketFaqDraftService({ tickets: { getByNumber: async (number) => tickets.get(number) ?? null }, links, drafts, now }),
    timeZone: 'Europe/Berlin',
    now,
  });

  function route(method: 'GET' | 'POST', path: string): DashboardRoute {
    const found = routes.find((candidate) => candidate.method === method && candidate.path === path);
    if (!found) throw new Error(`no route ${method} ${path}`);
    return found;
  }

  function call(method: 'GET' | 'POST', path: string, parts: Partial<Pick<DashboardRequest, 'params' | 'query' | 'form'>> = {}): Promise<DashboardResponse> {
    const request: DashboardRequest = { user: adminUser, csrfToken: CSRF, params: {}, query: {}, form: {}, url: path, ...parts };
    return route(method, path).handle(request);
  }

  return {
    routes,
    questions,
    decisions,
    drafts,
    links,
    analyticsSource,
    get: (path: string, query: DashboardRequest['query'] = {}) => call('GET', path, { query }),
    post: (path: string, form: DashboardRequest['form'], params: DashboardRequest['params'] = {}) => call('POST', path, { form, params }),
  };
}

export function bodyOf(response: DashboardResponse): string {
  if (response.kind !== 'page') throw new Error(`expected a page, got ${response.kind}`);
  return response.body.value;
}

/** The visible text of markup: tags removed, entities decoded, whitespace collapsed. */
export function textOf(markup: string): string {
  return markup
    .replace(/<[^>]*>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The body rows of the table `data-table="id"` as cell texts. */
export function tableRows(markup: string, id: string): string[][] {
  const table = new RegExp(`<table class="table" data-table="${id}">([\\s\\S]*?)</table>`).exec(markup)?.[1] ?? '';
  const body = /<tbody>([\s\S]*?)<\/tbody>/.exec(table)?.[1] ?? '';
  return [...body.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((row) => [...row[1]!.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((cell) => textOf(cell[1]!)));
}

/** The `<svg …>…</svg>` of the chart for table `id`. */
export function chartOf(markup: string, id: string): string {
  return new RegExp(`<svg class="chart"[^>]*aria-labelledby="chart-${id}-title chart-${id}-desc"[\\s\\S]*?</svg>`).exec(markup)?.[0] ?? '';
}
