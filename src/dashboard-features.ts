import { randomUUID } from 'node:crypto';
import { hasRole } from './domain/access/dashboard-user';
import { AnalyticsService } from './domain/insights/analytics.service';
import type { KnowledgeDrafts } from './domain/insights/knowledge-drafts';
import { KnowledgeGapService } from './domain/insights/knowledge-gap.service';
import { TicketFaqDraftService } from './domain/insights/ticket-faq-draft.service';
import type { KnowledgeEditorService } from './domain/knowledge/knowledge-editor.service';
import type { KnowledgeService } from './domain/knowledge/knowledge.service';
import type { TicketDesk } from './domain/tickets/ticket-desk';
import type { DashboardRoute } from './http/dashboard/dashboard-route';
import { createInsightRoutes } from './http/dashboard/insights/insight-routes';
import { faqDraftButton } from './http/dashboard/insights/ticket-faq-draft.route';
import { createKnowledgeRoutes } from './http/dashboard/knowledge/knowledge.routes';
import { createTicketRoutes } from './http/dashboard/tickets/tickets.routes';
import { GermanQuestionTerms } from './nlp/question-terms';
import { DocumentAnalyticsSource } from './storage/analytics.repository';
import type { DocumentStore } from './storage/document-store';
import { DocumentGapDecisionStore } from './storage/gap-decision.repository';
import { DocumentGapQuestionSource } from './storage/gap-questions.repository';
import type { DocumentKnowledgeRepository } from './storage/knowledge.repository';
import { DocumentTicketDraftLinks } from './storage/ticket-draft-link.repository';
import { DocumentTicketRepository } from './storage/ticket.repository';

/** What the dashboard's feature pages are built over (all services work over a store that may still be opening). */
export interface DashboardFeatureDeps {
  readonly store: DocumentStore;
  readonly knowledge: KnowledgeService;
  readonly knowledgeRepository: DocumentKnowledgeRepository;
  readonly editor: KnowledgeEditorService;
  readonly desk: TicketDesk;
  readonly municipalities: readonly string[];
  readonly timeZone: string;
}

/** Who edits drafts made from gaps and tickets: the editorial team, reviewed within a year. */
const DRAFT_OWNER = 'Redaktion der Kooperation';
const DRAFT_TAG = 'entwurf';

/**
 * The feature pages of the dashboard: the advisors' queue and ticket pages, the admins' knowledge
 * editor and console, knowledge gaps, ticket → FAQ draft, and analytics.
 */
export function dashboardFeatureRoutes(deps: DashboardFeatureDeps): DashboardRoute[] {
  const { store, knowledge, editor, desk } = deps;
  const drafts = knowledgeDraftsOf(editor);
  const entryTitle = (id: string) => knowledge.getEntry(id)?.question;
  return [
    ...createTicketRoutes({
      desk,
      entryTitle,
      categories: () => [...knowledge.categories(), 'Sonstiges'],
      municipalities: deps.municipalities,
      timeZone: deps.timeZone,
      extraActions: (ticket, request) => (hasRole(request.user, 'admin') ? faqDraftButton(ticket, request.csrfToken) : null),
    }),
    ...createKnowledgeRoutes({ editor, knowledge }),
    ...createInsightRoutes({
      gaps: new KnowledgeGapService({
        questions: new DocumentGapQuestionSource(store),
        decisions: new DocumentGapDecisionStore(store),
        drafts,
        catalog: deps.knowledgeRepository,
        terms: new GermanQuestionTerms(),
        newId: randomUUID,
      }),
      analytics: new AnalyticsService(new DocumentAnalyticsSource(store)),
      ticketDrafts: new TicketFaqDraftService({ tickets: new DocumentTicketRepository(store), links: new DocumentTicketDraftLinks(store), drafts }),
      timeZone: deps.timeZone,
    }),
  ];
}

/** The knowledge editor as the gaps and ticket pages need it: drafts get a tag, the editorial owner and a review date. */
export function knowledgeDraftsOf(editor: Pick<KnowledgeEditorService, 'createEntry' | 'addAlternativeQuestions'>, now: () => Date = () => new Date()): KnowledgeDrafts {
  return {
    async createDraft(draft, author) {
      const review = now();
      review.setUTCFullYear(review.getUTCFullYear() + 1);
      const entry = await editor.createEntry(
        {
          question: draft.question,
          alternativeQuestions: [...draft.alternativeQuestions],
          answer: draft.answer,
          category: draft.category,
          tags: [DRAFT_TAG],
          source: draft.source,
          owner: DRAFT_OWNER,
          reviewDate: review.toISOString().slice(0, 10),
          status: 'draft',
        },
        author,
      );
      return { id: entry.id };
    },
    async addAlternativeQuestions(entryId, questions, author) {
      await editor.addAlternativeQuestions(entryId, questions, author);
    },
  };
}
