import type { DashboardSession } from '../../src/domain/access/dashboard-session';
import type { PendingSignIn } from '../../src/domain/access/pending-sign-in';
import { ErrorCode } from '../../src/domain/errors';
import { DocumentDashboardSessionRepository } from '../../src/storage/dashboard-session.repository';
import { deferDocumentStore } from '../../src/storage/deferred-document-store';
import { DocumentPendingSignInRepository } from '../../src/storage/pending-sign-in.repository';
import type { DashboardSessionRepository } from '../../src/domain/access/dashboard-session';
import type { DocumentStore } from '../../src/storage/document-store';
import { InMemoryDashboardSessions, InMemoryPendingSignIns } from '../support/fakes/in-memory-dashboard-sessions';
import type { TestStore } from '../support/test-stores';
import { storeBackendTable } from '../support/test-stores';

function session(id: string, overrides: Partial<DashboardSession> = {}): DashboardSession {
  return {
    id,
    user: { id: 'oid-1', name: 'Ada Beraterin', email: 'ada@example.org', tenantId: 'tenant-1', roles: ['advisor', 'admin'] },
    csrfToken: `csrf-${id}`,
    createdAt: '2026-03-02T08:00:00.000Z',
    lastSeenAt: '2026-03-02T08:00:00.000Z',
    expiresAt: '2026-03-02T18:00:00.000Z',
    notice: null,
    ...overrides,
  };
}

function signIn(id: string, expiresAt = '2026-03-02T08:10:00.000Z'): PendingSignIn {
  return { id, state: `state-${id}`, nonce: `nonce-${id}`, codeVerifier: `verifier-${id}`, returnTo: '/dashboard/tickets', createdAt: '2026-03-02T08:00:00.000Z', expiresAt };
}

const injected = { $ne: null } as unknown as string;

type Backend = [string, { open(): Promise<TestStore> } | 'memory'];
const backends: Backend[] = [...storeBackendTable, ['in-memory fake', 'memory']];

describe.each(backends)('dashboard session repositories (%s)', (_name, backend) => {
  let testStore: TestStore | undefined;
  let sessions: DashboardSessionRepository;
  let signIns: DocumentPendingSignInRepository | InMemoryPendingSignIns;

  beforeEach(async () => {
    if (backend === 'memory') {
      sessions = new InMemoryDashboardSessions();
      signIns = new InMemoryPendingSignIns();
      return;
    }
    testStore = await backend.open();
    sessions = new DocumentDashboardSessionRepository(testStore.store);
    signIns = new DocumentPendingSignInRepository(testStore.store);
  });
  afterEach(async () => {
    await testStore?.cleanup();
    testStore = undefined;
  });

  it('inserts and reads a session back whole; refuses a duplicate id', async () => {
    await sessions.insert(session('s1'));
    expect(await sessions.get('s1')).toEqual(session('s1'));
    expect(await sessions.get('s2')).toBeNull();
    await expect(sessions.insert(session('s1'))).rejects.toMatchObject({ code: ErrorCode.DuplicateKey });
  });

  it('records activity and deletes', async () => {
    await sessions.insert(session('s1'));
    await sessions.touch('s1', '2026-03-02T08:05:00.000Z');
    await sessions.touch('unknown', '2026-03-02T08:05:00.000Z');
    expect((await sessions.get('s1'))?.lastSeenAt).toBe('2026-03-02T08:05:00.000Z');
    expect(await sessions.delete('s1')).toBe(true);
    expect(await sessions.delete('s1')).toBe(false);
    expect(await sessions.get('s1')).toBeNull();
  });

  it('hands out a notice exactly once, also to concurrent readers', async () => {
    await sessions.insert(session('s1'));
    expect(await sessions.takeNotice('s1')).toBeNull();
    await sessions.setNotice('s1', 'Gespeichert.');
    expect((await sessions.get('s1'))?.notice).toBe('Gespeichert.');
    const taken = await Promise.all([sessions.takeNotice('s1'), sessions.takeNotice('s1'), sessions.takeNotice('s1')]);
    expect(taken.filter((notice) => notice !== null)).toEqual(['Gespeichert.']);
    expect((await sessions.get('s1'))?.notice).toBeNull();
  });

  it('deletes sessions past their end or idle too long, and keeps the live ones', async () => {
    await sessions.insert(session('ended', { expiresAt: '2026-03-02T09:00:00.000Z' }));
    await sessions.insert(session('idle', { lastSeenAt: '2026-03-02T08:00:00.000Z' }));
    await sessions.insert(session('live', { lastSeenAt: '2026-03-02T08:45:00.000Z' }));
    expect(await sessions.deleteExpired('2026-03-02T09:00:00.000Z', '2026-03-02T08:30:00.000Z')).toBe(2);
    expect(await sessions.get('live')).not.toBeNull();
    expect(await sessions.get('ended')).toBeNull();
    expect(await sessions.get('idle')).toBeNull();
  });

  it('lets one caller take a started sign-in, once; deletes expired ones', async () => {
    await signIns.insert(signIn('p1'));
    await signIns.insert(signIn('p2', '2026-03-02T07:00:00.000Z'));
    const taken = await Promise.all([signIns.take('p1'), signIns.take('p1')]);
    expect(taken.filter((value) => value !== null)).toEqual([signIn('p1')]);
    expect(await signIns.take('p1')).toBeNull();
    expect(await signIns.deleteExpired('2026-03-02T08:00:00.000Z')).toBe(1);
    expect(await signIns.take('p2')).toBeNull();
  });

  if (backend !== 'memory') {
    it('never lets an id act as a query operator', async () => {
      await sessions.insert(session('s1'));
      await expect(sessions.get(injected)).rejects.toMatchObject({ code: ErrorCode.ValidationFailed });
      await expect(sessions.delete(injected)).rejects.toMatchObject({ code: ErrorCode.ValidationFailed });
      await expect(signIns.take(injected)).rejects.toMatchObject({ code: ErrorCode.ValidationFailed });
      expect(await sessions.get('s1')).not.toBeNull();
    });

    it('works through a deferred store once the store is open, and answers NOT_READY before', async () => {
      const opened: { store?: DocumentStore } = {};
      const deferred = new DocumentDashboardSessionRepository(deferDocumentStore(() => opened.store));
      await expect(deferred.get('s1')).rejects.toMatchObject({ code: ErrorCode.NotReady });
      opened.store = testStore!.store;
      await deferred.insert(session('s1'));
      expect(await sessions.get('s1')).toEqual(session('s1'));
    });
  }
});
