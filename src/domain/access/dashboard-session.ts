import type { DashboardUser } from './dashboard-user';

/**
 * A signed-in dashboard session, kept server-side. The browser holds only a random token; `id` is
 * that token's SHA-256, so a leaked store does not hand out valid cookies. Times are ISO strings.
 */
export interface DashboardSession {
  /** SHA-256 (hex) of the cookie token. */
  readonly id: string;
  readonly user: DashboardUser;
  /** Every dashboard form carries it as `_csrf`; the router compares it in constant time. */
  readonly csrfToken: string;
  readonly createdAt: string;
  readonly lastSeenAt: string;
  /** Absolute end of the session, however active it is. */
  readonly expiresAt: string;
  /** A one-time notice for the next page (post/redirect/get), or null. */
  readonly notice: string | null;
}

/** Where sessions live (collection `dashboardSessions`). Implementations: src/storage. */
export interface DashboardSessionRepository {
  /** Inserts a new session; a duplicate id throws AppError `DUPLICATE_KEY`. */
  insert(session: DashboardSession): Promise<void>;
  get(id: string): Promise<DashboardSession | null>;
  /** Records activity; does nothing for an unknown id. */
  touch(id: string, lastSeenAt: string): Promise<void>;
  /** Sets (or with null clears) the one-time notice. */
  setNotice(id: string, notice: string | null): Promise<void>;
  /** Returns the notice and clears it in one atomic step (so it is shown once), or null. */
  takeNotice(id: string): Promise<string | null>;
  /** Deletes the session; true when it existed. */
  delete(id: string): Promise<boolean>;
  /** Deletes sessions past their absolute end (`expiresAt <= now`) or idle since before `idleSince`. */
  deleteExpired(now: string, idleSince: string): Promise<number>;
}
