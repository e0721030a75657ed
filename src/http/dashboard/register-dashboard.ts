import type { Request, Response, Server } from 'restify';
import type { DashboardConfig } from '../../config/config';
import { isLoopbackHost } from '../../config/config';
import type { DashboardSessionRepository } from '../../domain/access/dashboard-session';
import { DashboardSessions } from '../../domain/access/dashboard-sessions';
import type { PendingSignInRepository } from '../../domain/access/pending-sign-in';
import { createLogger } from '../../logging/logger';
import { registerAssetRoutes } from './assets.routes';
import { registerDevSignInRoutes } from './auth/dev-sign-in.routes';
import { EntraSignIn } from './auth/entra-sign-in';
import { registerSignInRoutes } from './auth/sign-in.routes';
import { registerSignOutRoute } from './auth/sign-out.route';
import type { DashboardContext } from './dashboard-context';
import type { DashboardRoute } from './dashboard-route';
import { NOT_FOUND_PAGE } from './pages';
import { FixedWindowRateLimiter } from './rate-limiter';
import { guarded, sendPage } from './respond';
import { mountRoute } from './route-runner';

/** What the dashboard needs from the composition root. */
export interface DashboardDeps {
  /** `config.dashboard`. */
  readonly config: DashboardConfig;
  /** The address the server listens on: the development sign-in needs a loopback address. */
  readonly listenHost: string;
  /** Session store (collection `dashboardSessions`); may answer AppError NOT_READY while the store starts. */
  readonly sessions: DashboardSessionRepository;
  /** Started Entra sign-ins (collection `dashboardSignIns`). */
  readonly signIns: PendingSignInRepository;
  /** The pages: each is mounted behind sign-in, its role check and (POST) CSRF/origin checks. */
  readonly routes: readonly DashboardRoute[];
  /** The clock of sessions and sign-ins (tests); default the system clock. */
  readonly clock?: () => Date;
}

const SIGN_IN_WINDOW_MS = 60_000;

/**
 * Mounts the web dashboard under /dashboard on the restify server: the pages of `deps.routes`, the
 * sign-in (Entra ID via msal-node, and the development sign-in on loopback), sign-out, the static
 * assets and a German 404 page for every other /dashboard path. Every response carries the
 * dashboard's security headers (strict CSP, no framing, no caching).
 */
export function registerDashboard(server: Server, deps: DashboardDeps): void {
  const clock = deps.clock ?? (() => new Date());
  const { config } = deps;
  const ctx: DashboardContext = {
    config,
    sessions: new DashboardSessions(
      deps.sessions,
      { idleMs: config.sessionIdleMinutes * 60_000, maxMs: config.sessionMaxHours * 3_600_000 },
      clock,
    ),
    signIns: deps.signIns,
    signInLimiter: new FixedWindowRateLimiter(config.signInLimitPerMinute, SIGN_IN_WINDOW_MS, () => clock().getTime()),
    devSignIn: config.devSignIn && isLoopbackHost(deps.listenHost),
    entra:
      config.entra && config.publicUrl
        ? new EntraSignIn({ ...config.entra, redirectUri: `${config.publicUrl}/dashboard/auth/callback` })
        : undefined,
    clock,
    https: config.publicUrl?.startsWith('https:') ?? false,
    authLog: createLogger('auth'),
    httpLog: createLogger('http'),
  };
  registerAssetRoutes(server, ctx);
  registerSignInRoutes(server, ctx);
  registerSignOutRoute(server, ctx);
  registerDevSignInRoutes(server, ctx);
  for (const route of deps.routes) mountRoute(server, ctx, route);
  server.get('/dashboard/*', async (_req: Request, res: Response) => guarded(ctx, res, async () => sendPage(res, NOT_FOUND_PAGE)));
}
