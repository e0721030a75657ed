import type { DashboardUser } from '../../../../../src/domain/access/dashboard-user';
import type { AnswerEngine } from '../../../../../src/domain/knowledge/answer-engine';
import type { FaqEntry } from '../../../../../src/domain/knowledge/faq-entry';
import { KnowledgeEditorService } from '../../../../../src/domain/knowledge/knowledge-editor.service';
import { KnowledgeService } from '../../../../../src/domain/knowledge/knowledge.service';
import type { DashboardRequest, DashboardResponse } from '../../../../../src/http/dashboard/dashboard-route';
import { createKnowledgeRoutes } from '../../../../../src/http/dashboard/knowledge/knowledge.routes';
import { ExactMatchAnswerEngine } from '../../../../support/fakes/exact-match-answer-engine';
import { InMemoryKnowledgeRepository } from '../../../../support/fakes/in-memory-knowledge-repository';
import { InMemoryKnowledgeRevision, InMemoryKnowledgeVersions } from '../../../../support/fakes/in-memory-knowledge-versions';

export const ADMIN: DashboardUser = { id: 'aad-anna', name: 'Anna Admin', email: null, tenantId: 'tenant-1', roles: ['admin'] };
export const CSRF = 'csrf-token-123';
export const TODAY = '2026-06-15';

type Values = Record<string, string | readonly string[]>;

export interface CallOptions {
  readonly query?: Values;
  readonly form?: Values;
  readonly user?: DashboardUser;
}

function matchPath(pattern: string, path: string): Record<string, string> | null {
  const names: string[] = [];
  const regex = new RegExp(`^${pattern.replace(/[.]/g, '\\.').replace(/:(\w+)/g, (_m, name: string) => (names.push(name), '([^/]+)'))}$`);
  const match = regex.exec(path);
  if (!match) return null;
  return Object.fromEntries(names.map((name, index) => [name, decodeURIComponent(match[index + 1]!)]));
}

/**
 * The knowledge routes over in-memory fakes, called like the dashboard router does: the first
 * route (in the factory's order) whose method and path match handles a fake DashboardRequest.
 */
export function knowledgeHarness(options: { entries?: readonly FaqEntry[]; engine?: AnswerEngine; pageSize?: number } = {}) {
  const repository = new InMemoryKnowledgeRepository(options.entries ?? []);
  const versions = new InMemoryKnowledgeVersions();
  const revision = new InMemoryKnowledgeRevision();
  const knowledge = new KnowledgeService(repository, options.engine ?? new ExactMatchAnswerEngine());
  const editor = new KnowledgeEditorService({ entries: repository, versions, revision, onChanged: async () => void (await knowledge.reload()) });
  const routes = createKnowledgeRoutes({ editor, knowledge, today: () => TODAY, ...(options.pageSize ? { pageSize: options.pageSize } : {}) });

  async function call(method: 'GET' | 'POST', url: string, callOptions: CallOptions = {}): Promise<DashboardResponse> {
    const path = url.split('?')[0]!;
    for (const route of routes) {
      const params = route.method === method ? matchPath(route.path, path) : null;
      if (!params) continue;
      const request: DashboardRequest = {
        user: callOptions.user ?? ADMIN,
        csrfToken: CSRF,
        params,
        query: callOptions.query ?? {},
        form: method === 'POST' ? { _csrf: CSRF, ...(callOptions.form ?? {}) } : {},
        url,
      };
      return route.handle(request);
    }
    throw new Error(`no route for ${method} ${path}`);
  }

  /** The page's body HTML; fails when the response is no page. */
  async function page(method: 'GET' | 'POST', url: string, callOptions?: CallOptions) {
    const response = await call(method, url, callOptions);
    if (response.kind !== 'page') throw new Error(`expected a page, got ${response.kind}`);
    return { ...response, html: response.body.value };
  }

  return { routes, repository, versions, revision, knowledge, editor, call, page };
}

/** Every `<form method="post">` of the HTML carries the session's CSRF token. */
export function expectCsrfInEveryPostForm(html: string): void {
  const forms = html.match(/<form method="post"[\s\S]*?<\/form>/g) ?? [];
  expect(forms.length).toBeGreaterThan(0);
  for (const form of forms) expect(form).toContain(`<input type="hidden" name="_csrf" value="${CSRF}">`);
}
