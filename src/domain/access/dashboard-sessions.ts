import type { DashboardSession, DashboardSessionRepository } from './dashboard-session';
import type { DashboardUser } from './dashboard-user';
import { createToken, hashToken, isWellFormedToken } from './session-token';

/** How long a session lives. */
export interface SessionPolicy {
  /** Without a request for this long, the session ends. */
  readonly idleMs: number;
  /** After this long from sign-in, the session ends however active it is. */
  readonly maxMs: number;
}

/** Activity is written at most this often per session (a write per page view is not needed). */
const TOUCH_INTERVAL_MS = 60_000;

/**
 * Dashboard sessions: start at sign-in, resolve from the cookie token on every request (enforcing
 * the idle and absolute timeouts), end at sign-out. The cookie token is random; only its hash is stored.
 */
export class DashboardSessions {
  constructor(
    private readonly repository: DashboardSessionRepository,
    private readonly policy: SessionPolicy,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /** Starts a session; returns the cookie token (shown to the browser once) and the session. */
  async start(user: DashboardUser): Promise<{ token: string; session: DashboardSession }> {
    const now = this.clock();
    await this.purgeExpired(now);
    const token = createToken();
    const session: DashboardSession = {
      id: hashToken(token),
      user,
      csrfToken: createToken(),
      createdAt: now.toISOString(),
      lastSeenAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + this.policy.maxMs).toISOString(),
      notice: null,
    };
    await this.repository.insert(session);
    return { token, session };
  }

  /**
   * The live session of a cookie token, or null (no or malformed token, unknown, idle too long, or
   * past its absolute end — an expired session is deleted). Records the activity.
   */
  async resolve(token: string | undefined): Promise<DashboardSession | null> {
    if (!isWellFormedToken(token)) return null;
    const id = hashToken(token);
    const session = await this.repository.get(id);
    if (!session) return null;
    const now = this.clock().getTime();
    const lastSeen = Date.parse(session.lastSeenAt);
    if (now >= Date.parse(session.expiresAt) || now - lastSeen >= this.policy.idleMs) {
      await this.repository.delete(id);
      return null;
    }
    if (now - lastSeen >= TOUCH_INTERVAL_MS) {
      const lastSeenAt = new Date(now).toISOString();
      await this.repository.touch(id, lastSeenAt);
      return { ...session, lastSeenAt };
    }
    return session;
  }

  /** Ends the session of a cookie token (sign-out); true when there was one. */
  async end(token: string | undefined): Promise<boolean> {
    if (!isWellFormedToken(token)) return false;
    return this.repository.delete(hashToken(token));
  }

  /** Keeps a notice for the next page of this session (shown once). */
  async setNotice(session: DashboardSession, notice: string): Promise<void> {
    await this.repository.setNotice(session.id, notice);
  }

  /** The pending notice of this session, cleared as it is read. */
  async takeNotice(session: DashboardSession): Promise<string | null> {
    if (session.notice === null) return null;
    return this.repository.takeNotice(session.id);
  }

  private async purgeExpired(now: Date): Promise<void> {
    const idleSince = new Date(now.getTime() - this.policy.idleMs).toISOString();
    await this.repository.deleteExpired(now.toISOString(), idleSince);
  }
}
