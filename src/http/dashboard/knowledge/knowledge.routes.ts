import type { DashboardRoute } from '../dashboard-route';
import { berlinToday } from './labels';
import { createConsoleRoute } from './knowledge-console.routes';
import { createEditorRoutes, knowledgeRoute } from './knowledge-editor.routes';
import { renderKnowledgeList } from './knowledge-list.page';
import type { KnowledgeRouteDeps } from './knowledge-route-deps';
import { KNOWLEDGE_PATH } from './knowledge-route-deps';
import { createTransferRoutes } from './knowledge-transfer.routes';
import { createVersionRoutes } from './knowledge-versions.routes';

export type { KnowledgeRouteDeps } from './knowledge-route-deps';

/**
 * The admin pages of the knowledge: the FAQ list, the editor with preview, versions with restore,
 * import and export, and the console "Was würde Lotse antworten?". All need the role `admin`.
 * Static paths come before `/:id`, so that `new`, `import` and the exports are never read as ids.
 */
export function createKnowledgeRoutes(deps: KnowledgeRouteDeps): DashboardRoute[] {
  const today = deps.today ?? (() => berlinToday());
  const editor = createEditorRoutes(deps, today);
  return [
    knowledgeRoute('GET', KNOWLEDGE_PATH, (request) => renderKnowledgeList(deps, request, today())),
    ...createTransferRoutes(deps, today),
    ...editor.newEntry,
    ...createVersionRoutes(deps),
    ...editor.entry,
    createConsoleRoute(deps),
  ];
}
