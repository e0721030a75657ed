import type { DashboardSession, DashboardSessionRepository } from '../../../src/domain/access/dashboard-session';
import type { PendingSignIn, PendingSignInRepository } from '../../../src/domain/access/pending-sign-in';
import { AppError, ErrorCode } from '../../../src/domain/errors';

/** The session port in memory, with the semantics of `DocumentDashboardSessionRepository`. */
export class InMemoryDashboardSessions implements DashboardSessionRepository {
  readonly sessions = new Map<string, DashboardSession>();

  async insert(session: DashboardSession): Promise<void> {
    if (this.sessions.has(session.id)) throw new AppError(ErrorCode.DuplicateKey, 'duplicate session id');
    this.sessions.set(session.id, session);
  }

  async get(id: string): Promise<DashboardSession | null> {
    return this.sessions.get(id) ?? null;
  }

  async touch(id: string, lastSeenAt: string): Promise<void> {
    const session = this.sessions.get(id);
    if (session) this.sessions.set(id, { ...session, lastSeenAt });
  }

  async setNotice(id: string, notice: string | null): Promise<void> {
    const session = this.sessions.get(id);
    if (session) this.sessions.set(id, { ...session, notice });
  }

  async takeNotice(id: string): Promise<string | null> {
    const session = this.sessions.get(id);
    if (!session || session.notice === null) return null;
    this.sessions.set(id, { ...session, notice: null });
    return session.notice;
  }

  async delete(id: string): Promise<boolean> {
    return this.sessions.delete(id);
  }

  async deleteExpired(now: string, idleSince: string): Promise<number> {
    let count = 0;
    for (const [id, session] of this.sessions) {
      if (session.expiresAt <= now || session.lastSeenAt < idleSince) count += Number(this.sessions.delete(id));
    }
    return count;
  }
}

/** The pending sign-in port in memory. */
export class InMemoryPendingSignIns implements PendingSignInRepository {
  readonly signIns = new Map<string, PendingSignIn>();

  async insert(signIn: PendingSignIn): Promise<void> {
    this.signIns.set(signIn.id, signIn);
  }

  async take(id: string): Promise<PendingSignIn | null> {
    const signIn = this.signIns.get(id) ?? null;
    this.signIns.delete(id);
    return signIn;
  }

  async deleteExpired(now: string): Promise<number> {
    let count = 0;
    for (const [id, signIn] of this.signIns) if (signIn.expiresAt <= now) count += Number(this.signIns.delete(id));
    return count;
  }
}
