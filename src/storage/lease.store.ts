import { ErrorCode, isAppError } from '../domain/errors';
import type { LeaseStore } from '../domain/tickets/ticket-notification';
import type { Collection, DocumentStore } from './document-store';
import { assertId } from './repository-guards';

interface LeaseDocument {
  _id: string;
  owner: string;
  until: string;
}

/**
 * Named leases (collection `leases`): taken with one conditional upsert — free, expired, or already
 * ours — so of several instances exactly one holds a lease at a time.
 */
export class DocumentLeaseStore implements LeaseStore {
  private readonly leases: Collection<LeaseDocument>;

  constructor(store: DocumentStore) {
    this.leases = store.collection<LeaseDocument>('leases');
  }

  async tryAcquire(name: string, owner: string, ttlMs: number, now: Date): Promise<boolean> {
    assertId(name, 'lease name');
    assertId(owner, 'lease owner');
    const nowIso = now.toISOString();
    const until = new Date(now.getTime() + ttlMs).toISOString();
    try {
      const result = await this.leases.updateOne(
        { _id: name, $or: [{ owner }, { until: { $lte: nowIso } }] },
        { $set: { owner, until } },
        { upsert: true },
      );
      return result.matchedCount === 1 || result.upsertedId !== null;
    } catch (error) {
      // Someone else holds it: the upsert tried to insert a second document with the same id.
      if (isAppError(error, ErrorCode.DuplicateKey)) return false;
      throw error;
    }
  }
}
