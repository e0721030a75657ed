import { AppError, ErrorCode, isAppError } from '../domain/errors';
import type { KnowledgeRevision } from '../domain/knowledge/knowledge-version';
import type { Collection, DocumentStore } from './document-store';

interface RevisionDocument {
  _id: string;
  value: number;
}

const REVISION_ID = 'revision';

/**
 * The knowledge revision over the document store: the document `revision` of `knowledge_meta`
 * (beside the thesaurus), incremented with an atomic `$inc` upsert.
 */
export class DocumentKnowledgeRevision implements KnowledgeRevision {
  private readonly meta: Collection<RevisionDocument>;

  constructor(store: DocumentStore) {
    this.meta = store.collection<RevisionDocument>('knowledge_meta');
  }

  async current(): Promise<number> {
    const doc = await this.meta.findOne({ _id: REVISION_ID });
    return doc?.value ?? 0;
  }

  async increment(): Promise<number> {
    const filter = { _id: REVISION_ID };
    const doc = await this.meta
      .findOneAndUpdate(filter, { $inc: { value: 1 } }, { upsert: true })
      // Two first upserts can race on MongoDB; the loser's retry finds the document.
      .catch((error: unknown) => {
        if (!isAppError(error, ErrorCode.DuplicateKey)) throw error;
        return this.meta.findOneAndUpdate(filter, { $inc: { value: 1 } }, { upsert: true });
      });
    if (doc === null) throw new AppError(ErrorCode.Internal, 'knowledge revision upsert returned no document');
    return doc.value;
  }
}
