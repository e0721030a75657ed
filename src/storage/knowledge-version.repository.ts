import { AppError, ErrorCode, isAppError } from '../domain/errors';
import type { FaqEntryVersion, KnowledgeVersionRepository } from '../domain/knowledge/knowledge-version';
import type { Collection, DocumentStore } from './document-store';
import { assertId } from './repository-guards';

type VersionDocument = FaqEntryVersion & { _id: string };

/** The most versions one entry lists (far more than an FAQ entry collects in years). */
const MAX_VERSIONS = 500;

function toVersion(doc: VersionDocument): FaqEntryVersion {
  const { _id: _ignored, ...version } = doc;
  return version;
}

function assertVersionNumber(version: unknown): asserts version is number {
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw new AppError(ErrorCode.ValidationFailed, 'version must be a positive integer');
  }
}

/**
 * The version history of the FAQ over the document store: collection `faq_entry_versions`, one
 * document per entry and version (`_id` = `<entry id>@<version>`, so a version is recorded once).
 */
export class DocumentKnowledgeVersionRepository implements KnowledgeVersionRepository {
  private readonly versions: Collection<VersionDocument>;
  private indexes: Promise<void> | undefined;

  constructor(store: DocumentStore) {
    this.versions = store.collection<VersionDocument>('faq_entry_versions');
  }

  async record(version: FaqEntryVersion): Promise<boolean> {
    assertId(version.entryId, 'entry id');
    assertVersionNumber(version.version);
    await this.ensureIndexes();
    try {
      await this.versions.insertOne({ _id: `${version.entryId}@${version.version}`, ...version });
      return true;
    } catch (error) {
      if (isAppError(error, ErrorCode.DuplicateKey)) return false;
      throw error;
    }
  }

  async list(entryId: string): Promise<FaqEntryVersion[]> {
    assertId(entryId, 'entry id');
    await this.ensureIndexes();
    const docs = await this.versions.find({ entryId }, { sort: { version: -1 }, limit: MAX_VERSIONS });
    return docs.map(toVersion);
  }

  async get(entryId: string, version: number): Promise<FaqEntryVersion | null> {
    assertId(entryId, 'entry id');
    assertVersionNumber(version);
    const doc = await this.versions.findOne({ _id: `${entryId}@${version}` });
    return doc ? toVersion(doc) : null;
  }

  private ensureIndexes(): Promise<void> {
    this.indexes ??= this.versions.createIndex({ fields: { entryId: 1, version: -1 }, name: 'entryId_version' }).catch((error: unknown) => {
      this.indexes = undefined;
      throw error;
    });
    return this.indexes;
  }
}
