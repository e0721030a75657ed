import { AppError, ErrorCode } from '../domain/errors';
import type { KnowledgeRepository, StoredFaqEntry } from '../domain/knowledge/knowledge.repository';
import type { Thesaurus } from '../domain/knowledge/thesaurus';
import type { Collection, DocumentStore } from './document-store';
import { assertId } from './repository-guards';

type FaqEntryDocument = StoredFaqEntry & { _id: string };

interface ThesaurusDocument {
  _id: 'thesaurus';
  groups: Thesaurus['groups'];
}

const THESAURUS_ID = 'thesaurus';

function toEntry(doc: FaqEntryDocument): StoredFaqEntry {
  const { _id: _ignored, ...entry } = doc;
  return entry;
}

/**
 * The FAQ over the document store: collection `faq_entries` (`_id` = entry id), optimistic
 * replacement on `version`; the thesaurus is the document `thesaurus` of `knowledge_meta`.
 */
export class DocumentKnowledgeRepository implements KnowledgeRepository {
  private readonly entries: Collection<FaqEntryDocument>;
  private readonly meta: Collection<ThesaurusDocument>;

  constructor(store: DocumentStore) {
    this.entries = store.collection<FaqEntryDocument>('faq_entries');
    this.meta = store.collection<ThesaurusDocument>('knowledge_meta');
  }

  async listAll(): Promise<StoredFaqEntry[]> {
    return (await this.entries.find({}, { sort: { _id: 1 } })).map(toEntry);
  }

  async get(id: string): Promise<StoredFaqEntry | null> {
    assertId(id, 'entry id');
    const doc = await this.entries.findOne({ _id: id });
    return doc ? toEntry(doc) : null;
  }

  async insert(entry: StoredFaqEntry): Promise<void> {
    assertId(entry.id, 'entry id');
    await this.entries.insertOne({ _id: entry.id, ...entry });
  }

  async replace(entry: StoredFaqEntry, expectedVersion: number): Promise<boolean> {
    assertId(entry.id, 'entry id');
    if (!Number.isInteger(expectedVersion) || entry.version !== expectedVersion + 1) {
      throw new AppError(ErrorCode.ValidationFailed, 'the new entry must carry expectedVersion + 1', { entryId: entry.id });
    }
    const result = await this.entries.replaceOne({ _id: entry.id, version: expectedVersion }, { _id: entry.id, ...entry });
    return result.matchedCount === 1;
  }

  count(): Promise<number> {
    return this.entries.countDocuments({});
  }

  async getThesaurus(): Promise<Thesaurus | null> {
    const doc = await this.meta.findOne({ _id: THESAURUS_ID });
    return doc ? { groups: doc.groups } : null;
  }

  async saveThesaurus(thesaurus: Thesaurus): Promise<void> {
    await this.meta.replaceOne({ _id: THESAURUS_ID }, { _id: THESAURUS_ID, groups: thesaurus.groups }, { upsert: true });
  }
}
