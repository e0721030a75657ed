import type { Server } from 'restify';

/** What `/readyz` reports; every check must be true to be ready. */
export interface ReadinessChecks {
  readonly store: boolean;
  readonly knowledge: boolean;
}

/** `GET /healthz` (the process is alive) and `GET /readyz` (it can serve users). */
export function registerHealthRoutes(server: Server, readiness: () => Promise<ReadinessChecks>): void {
  server.get('/healthz', async (_req, res) => {
    res.send(200, { status: 'ok' });
  });

  server.get('/readyz', async (_req, res) => {
    const checks = await readiness().catch(() => ({ store: false, knowledge: false }));
    const ready = checks.store && checks.knowledge;
    res.send(ready ? 200 : 503, { status: ready ? 'ready' : 'not_ready', checks });
  });
}
