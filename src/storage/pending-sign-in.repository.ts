import type { PendingSignIn, PendingSignInRepository } from '../domain/access/pending-sign-in';
import type { Collection, DocumentStore } from './document-store';
import { assertId } from './repository-guards';

type SignInDocument = Omit<PendingSignIn, 'id'> & { _id: string };

/** Started sign-ins waiting for their callback (collection `dashboardSignIns`, `_id` = SHA-256 of the cookie token). */
export class DocumentPendingSignInRepository implements PendingSignInRepository {
  private readonly signIns: Collection<SignInDocument>;

  constructor(store: DocumentStore) {
    this.signIns = store.collection<SignInDocument>('dashboardSignIns');
  }

  async insert(signIn: PendingSignIn): Promise<void> {
    assertId(signIn.id, 'sign-in id');
    const { id, ...rest } = signIn;
    await this.signIns.insertOne({ _id: id, ...rest });
  }

  async take(id: string): Promise<PendingSignIn | null> {
    assertId(id, 'sign-in id');
    const doc = await this.signIns.findOne({ _id: id });
    // Only the caller whose delete removed the record may use it: a replayed callback finds nothing.
    if (!doc || (await this.signIns.deleteOne({ _id: id })) === 0) return null;
    const { _id, ...rest } = doc;
    return { id: _id, ...rest };
  }

  async deleteExpired(now: string): Promise<number> {
    return this.signIns.deleteMany({ expiresAt: { $lte: now } });
  }
}
