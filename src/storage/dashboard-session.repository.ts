import type { DashboardSession, DashboardSessionRepository } from '../domain/access/dashboard-session';
import type { Collection, DocumentStore } from './document-store';
import { assertId } from './repository-guards';

type SessionDocument = Omit<DashboardSession, 'id'> & { _id: string };

/** Dashboard sessions (collection `dashboardSessions`, `_id` = SHA-256 of the cookie token). */
export class DocumentDashboardSessionRepository implements DashboardSessionRepository {
  private readonly sessions: Collection<SessionDocument>;

  constructor(store: DocumentStore) {
    this.sessions = store.collection<SessionDocument>('dashboardSessions');
  }

  async insert(session: DashboardSession): Promise<void> {
    assertId(session.id, 'session id');
    const { id, ...rest } = session;
    await this.sessions.insertOne({ _id: id, ...rest, user: { ...session.user, roles: [...session.user.roles] } });
  }

  async get(id: string): Promise<DashboardSession | null> {
    assertId(id, 'session id');
    const doc = await this.sessions.findOne({ _id: id });
    return doc ? toSession(doc) : null;
  }

  async touch(id: string, lastSeenAt: string): Promise<void> {
    assertId(id, 'session id');
    await this.sessions.updateOne({ _id: id }, { $set: { lastSeenAt } });
  }

  async setNotice(id: string, notice: string | null): Promise<void> {
    assertId(id, 'session id');
    await this.sessions.updateOne({ _id: id }, { $set: { notice } });
  }

  async takeNotice(id: string): Promise<string | null> {
    assertId(id, 'session id');
    const before = await this.sessions.findOneAndUpdate(
      { _id: id, notice: { $ne: null } },
      { $set: { notice: null } },
      { returnDocument: 'before' },
    );
    return before?.notice ?? null;
  }

  async delete(id: string): Promise<boolean> {
    assertId(id, 'session id');
    return (await this.sessions.deleteOne({ _id: id })) > 0;
  }

  async deleteExpired(now: string, idleSince: string): Promise<number> {
    return this.sessions.deleteMany({ $or: [{ expiresAt: { $lte: now } }, { lastSeenAt: { $lt: idleSince } }] });
  }
}

function toSession(doc: SessionDocument): DashboardSession {
  const { _id, ...rest } = doc;
  return { id: _id, ...rest, notice: rest.notice ?? null };
}
