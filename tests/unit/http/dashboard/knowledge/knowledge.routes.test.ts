import { knowledgeHarness } from './knowledge-routes-harness';

describe('createKnowledgeRoutes', () => {
  it('declares admin-only pages in the knowledge and console sections', () => {
    const { routes } = knowledgeHarness();
    expect(routes.map((route) => `${route.method} ${route.path}`)).toEqual([
      'GET /dashboard/knowledge',
      'GET /dashboard/knowledge/export.json',
      'GET /dashboard/knowledge/export.csv',
      'GET /dashboard/knowledge/import',
      'POST /dashboard/knowledge/import',
      'GET /dashboard/knowledge/new',
      'POST /dashboard/knowledge/new',
      'GET /dashboard/knowledge/:id/versions',
      'POST /dashboard/knowledge/:id/versions/:version/restore',
      'GET /dashboard/knowledge/:id',
      'POST /dashboard/knowledge/:id',
      'GET /dashboard/console',
    ]);
    expect(routes.every((route) => route.role === 'admin')).toBe(true);
    expect(routes.filter((route) => route.section === 'knowledge')).toHaveLength(11);
  });
});
