import { DashboardSessions } from '../../../src/domain/access/dashboard-sessions';
import type { DashboardUser } from '../../../src/domain/access/dashboard-user';
import { hashToken } from '../../../src/domain/access/session-token';
import { InMemoryDashboardSessions } from '../../support/fakes/in-memory-dashboard-sessions';

const MINUTE = 60_000;
const user: DashboardUser = { id: 'oid-1', name: 'Ada Beraterin', email: null, tenantId: 'tenant-1', roles: ['advisor'] };

describe('DashboardSessions', () => {
  let now: Date;
  let repository: InMemoryDashboardSessions;
  let sut: DashboardSessions;

  beforeEach(() => {
    now = new Date('2026-03-02T08:00:00.000Z');
    repository = new InMemoryDashboardSessions();
    sut = new DashboardSessions(repository, { idleMs: 30 * MINUTE, maxMs: 10 * 60 * MINUTE }, () => now);
  });

  const advance = (ms: number) => {
    now = new Date(now.getTime() + ms);
  };

  it('stores only the hash of the cookie token, with a CSRF token and the absolute end', async () => {
    const { token, session } = await sut.start(user);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(session.id).toBe(hashToken(token));
    expect(repository.sessions.has(token)).toBe(false);
    expect(session.csrfToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(session.csrfToken).not.toBe(token);
    expect(session.expiresAt).toBe('2026-03-02T18:00:00.000Z');
    expect(await sut.resolve(token)).toMatchObject({ user, csrfToken: session.csrfToken });
  });

  it('gives every sign-in a new token and CSRF token', async () => {
    const first = await sut.start(user);
    const second = await sut.start(user);
    expect(second.token).not.toBe(first.token);
    expect(second.session.csrfToken).not.toBe(first.session.csrfToken);
  });

  it('resolves nothing for a missing, malformed or unknown token', async () => {
    await sut.start(user);
    expect(await sut.resolve(undefined)).toBeNull();
    expect(await sut.resolve('short')).toBeNull();
    expect(await sut.resolve('x'.repeat(43))).toBeNull();
  });

  it('ends a session idle for the idle timeout, and deletes it', async () => {
    const { token, session } = await sut.start(user);
    advance(29 * MINUTE);
    expect(await sut.resolve(token)).not.toBeNull();
    advance(29 * MINUTE);
    expect(await sut.resolve(token)).not.toBeNull();
    advance(30 * MINUTE);
    expect(await sut.resolve(token)).toBeNull();
    expect(repository.sessions.has(session.id)).toBe(false);
  });

  it('ends an active session at its absolute end', async () => {
    const { token } = await sut.start(user);
    for (let minutes = 0; minutes < 10 * 60 - 20; minutes += 20) {
      advance(20 * MINUTE);
      expect(await sut.resolve(token)).not.toBeNull();
    }
    advance(20 * MINUTE);
    expect(await sut.resolve(token)).toBeNull();
  });

  it('writes activity at most once a minute', async () => {
    const { token, session } = await sut.start(user);
    advance(30_000);
    await sut.resolve(token);
    expect(repository.sessions.get(session.id)!.lastSeenAt).toBe('2026-03-02T08:00:00.000Z');
    advance(30_000);
    await sut.resolve(token);
    expect(repository.sessions.get(session.id)!.lastSeenAt).toBe('2026-03-02T08:01:00.000Z');
  });

  it('ends a session on sign-out', async () => {
    const { token } = await sut.start(user);
    expect(await sut.end(token)).toBe(true);
    expect(await sut.resolve(token)).toBeNull();
    expect(await sut.end(token)).toBe(false);
    expect(await sut.end(undefined)).toBe(false);
  });

  it('shows a notice once', async () => {
    const { token, session } = await sut.start(user);
    await sut.setNotice(session, 'Gespeichert.');
    const withNotice = (await sut.resolve(token))!;
    expect(await sut.takeNotice(withNotice)).toBe('Gespeichert.');
    expect(await sut.takeNotice((await sut.resolve(token))!)).toBeNull();
  });

  it('purges expired sessions of others when a session starts', async () => {
    const old = await sut.start({ ...user, id: 'oid-2' });
    advance(31 * MINUTE);
    await sut.start(user);
    expect(repository.sessions.has(old.session.id)).toBe(false);
    expect(repository.sessions.size).toBe(1);
  });
});
