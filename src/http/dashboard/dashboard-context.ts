import type { DashboardConfig } from '../../config/config';
import type { DashboardSessions } from '../../domain/access/dashboard-sessions';
import type { PendingSignInRepository } from '../../domain/access/pending-sign-in';
import type { Logger } from '../../logging/logger';
import type { EntraSignIn } from './auth/entra-sign-in';
import type { FixedWindowRateLimiter } from './rate-limiter';

/** What the dashboard's own routes (router, sign-in, assets) share; built once by `registerDashboard`. */
export interface DashboardContext {
  readonly config: DashboardConfig;
  readonly sessions: DashboardSessions;
  readonly signIns: PendingSignInRepository;
  /** Sign-in starts, callbacks and development sign-ins per client address. */
  readonly signInLimiter: FixedWindowRateLimiter;
  /** The development sign-in is on (configured, and Lotse listens on a loopback address). */
  readonly devSignIn: boolean;
  /** Entra ID sign-in; undefined when not configured. */
  readonly entra: EntraSignIn | undefined;
  readonly clock: () => Date;
  /** Served over https (public URL): Secure cookies are then a must and HSTS is sent. */
  readonly https: boolean;
  /** Category `auth`: sign-in outcomes (ids, roles, reasons — never names or e-mail addresses). */
  readonly authLog: Logger;
  /** Category `http`: refused requests and failed pages. */
  readonly httpLog: Logger;
}
