import { AppError, ErrorCode, isAppError } from '../errors';
import { canonicalEntryJson } from './content-hash';
import type { FaqEntry } from './faq-entry';
import type { FaqEntryFields } from './faq-entry-validation';
import { assertValidFaqEntry, fieldValidationError, normalizeFaqEntryInput } from './faq-entry-validation';
import type { KnowledgeRepository, StoredFaqEntry } from './knowledge.repository';
import type { EditAuthor, FaqEntryVersion, KnowledgeRevision, KnowledgeVersionRepository, VersionChange } from './knowledge-version';

/** A new entry: the editorial fields, and an id only when it must be kept (e.g. an import). */
export type NewFaqEntry = FaqEntryFields & { readonly id?: string };

/** What a dashboard import did, by entry id. */
export interface EntryImportSummary {
  readonly created: string[];
  readonly updated: string[];
  readonly unchanged: string[];
}

export interface KnowledgeEditorDeps {
  readonly entries: KnowledgeRepository;
  readonly versions: KnowledgeVersionRepository;
  readonly revision: KnowledgeRevision;
  /**
   * Called after every change with the new revision, e.g. `KnowledgeSync.applyLocalChange`, so that
   * this instance answers from the new knowledge at once. Must not throw.
   */
  readonly onChanged?: (revision: number) => Promise<void>;
  readonly now?: () => Date;
}

/** Author of versions that describe a state written by `npm run kb:import`. */
const IMPORT_AUTHOR_ID = 'import';
const ID_PATTERN = /^kb-(\d+)$/;
/** Attempts when a concurrent create took the same id, or a change without expected version lost a race. */
const MAX_ATTEMPTS = 5;

function contentOf(entry: FaqEntry): FaqEntry {
  const { id, question, alternativeQuestions, answer, category, tags, source, owner, reviewDate, status } = entry;
  return { id, question, alternativeQuestions: [...alternativeQuestions], answer, category, tags: [...tags], source, owner, reviewDate, status };
}

function sameContent(a: FaqEntry, b: FaqEntry): boolean {
  return canonicalEntryJson(a) === canonicalEntryJson(b);
}

function versionConflict(entryId: string, expectedVersion: number, currentVersion?: number): AppError {
  return new AppError(ErrorCode.VersionConflict, 'the FAQ entry was changed by someone else', { entryId, expectedVersion, currentVersion });
}

/** The next id in the `kb-NNN` sequence of the given ids (at least three digits). */
export function nextEntryId(ids: Iterable<string>): string {
  let max = 0;
  for (const id of ids) {
    const match = ID_PATTERN.exec(id);
    if (match) max = Math.max(max, Number(match[1]));
  }
  return `kb-${String(max + 1).padStart(3, '0')}`;
}

/**
 * Editing the FAQ in the store (dashboard): every change is validated with the FAQ schema, written
 * with optimistic concurrency (the caller's expected version; AppError `VERSION_CONFLICT` when it is
 * stale) and recorded as a version with author and time. A change bumps the knowledge revision,
 * which makes every Lotse instance reload. Edits keep the entry's `importHash`, so
 * `npm run kb:import` reports edited entries instead of overwriting them.
 */
export class KnowledgeEditorService {
  private readonly now: () => Date;

  constructor(private readonly deps: KnowledgeEditorDeps) {
    this.now = deps.now ?? (() => new Date());
  }

  /** All entries in the store, whatever their status, sorted by id. */
  listEntries(): Promise<StoredFaqEntry[]> {
    return this.deps.entries.listAll();
  }

  /** An entry by id, whatever its status; null when unknown. */
  getEntry(id: string): Promise<StoredFaqEntry | null> {
    return this.deps.entries.get(id);
  }

  /**
   * Creates an entry (version 1). Without `input.id` it gets the next free `kb-NNN` id; a given id
   * that exists fails with `VALIDATION_FAILED` (`details.fields.id`).
   */
  async createEntry(input: NewFaqEntry, author: EditAuthor): Promise<StoredFaqEntry> {
    const stored = await this.insertEntry(input, author, 'created');
    await this.changed();
    return stored;
  }

  /** Replaces the editorial fields of an entry (the id stays) if it is still at `expectedVersion`. */
  async updateEntry(id: string, fields: FaqEntryFields, author: EditAuthor, expectedVersion: number): Promise<StoredFaqEntry> {
    const current = await this.requireEntry(id, expectedVersion);
    const content = assertValidFaqEntry(normalizeFaqEntryInput({ ...fields, id }));
    const written = await this.write(current, content, author, 'updated');
    if (written !== current) await this.changed();
    return written;
  }

  /**
   * Adds alternative questions to an entry, skipping ones it already has (case-insensitive, also
   * its main question). Without `expectedVersion` it applies to the latest version, retrying when a
   * concurrent change wins the race; with it, a stale version fails with `VERSION_CONFLICT`.
   */
  async addAlternativeQuestions(entryId: string, questions: readonly string[], author: EditAuthor, expectedVersion?: number): Promise<StoredFaqEntry> {
    for (let attempt = 1; ; attempt++) {
      const current = await this.requireEntry(entryId, expectedVersion);
      const known = new Set([current.question, ...current.alternativeQuestions].map((q) => q.toLowerCase()));
      const added: string[] = [];
      for (const question of questions.map((q) => q.trim()).filter((q) => q !== '')) {
        if (!known.has(question.toLowerCase())) added.push(question);
        known.add(question.toLowerCase());
      }
      const content = assertValidFaqEntry({ ...contentOf(current), alternativeQuestions: [...current.alternativeQuestions, ...added] });
      try {
        const written = await this.write(current, content, author, 'updated');
        if (written !== current) await this.changed();
        return written;
      } catch (error) {
        if (expectedVersion !== undefined || attempt >= MAX_ATTEMPTS || !isAppError(error, ErrorCode.VersionConflict)) throw error;
      }
    }
  }

  /**
   * The versions of an entry, newest first. An entry last written by `npm run kb:import` shows
   * that state as a `baseline` version (it is recorded with the entry's next change).
   */
  async listVersions(entryId: string): Promise<FaqEntryVersion[]> {
    const [current, recorded] = await Promise.all([this.requireEntry(entryId), this.deps.versions.list(entryId)]);
    return recorded.some((version) => version.version === current.version) ? recorded : [baselineOf(current), ...recorded];
  }

  /** Brings back the content of an earlier version as a new version (`restored`). */
  async restoreVersion(entryId: string, version: number, author: EditAuthor, expectedVersion: number): Promise<StoredFaqEntry> {
    const current = await this.requireEntry(entryId, expectedVersion);
    const earlier = await this.deps.versions.get(entryId, version);
    if (!earlier) throw new AppError(ErrorCode.NotFound, 'no such version of the FAQ entry', { entryId, version });
    const content = assertValidFaqEntry({ ...earlier.entry, id: entryId });
    const written = await this.write(current, content, author, 'restored', version);
    if (written !== current) await this.changed();
    return written;
  }

  /**
   * Creates or updates many entries (a dashboard import) with one revision bump. Every entry is
   * validated first: when one is invalid, nothing is written (`VALIDATION_FAILED` with
   * `details.entries`: index and field errors). Entries the import does not name stay untouched.
   */
  async importEntries(inputs: readonly NewFaqEntry[], author: EditAuthor): Promise<EntryImportSummary> {
    const normalized = inputs.map((input) => normalizeFaqEntryInput(input));
    this.assertImportValid(normalized);
    const summary: EntryImportSummary = { created: [], updated: [], unchanged: [] };
    for (const input of normalized) {
      const current = input.id === undefined ? null : await this.deps.entries.get(input.id);
      if (!current) {
        summary.created.push((await this.insertEntry(input, author, 'imported')).id);
        continue;
      }
      const written = await this.write(current, assertValidFaqEntry({ ...input, id: current.id }), author, 'imported');
      (written === current ? summary.unchanged : summary.updated).push(current.id);
    }
    if (summary.created.length + summary.updated.length > 0) await this.changed();
    return summary;
  }

  private assertImportValid(inputs: readonly NewFaqEntry[]): void {
    const problems: { index: number; fields: Readonly<Record<string, string>> }[] = [];
    const firstIndex = new Map<string, number>();
    inputs.forEach((input, index) => {
      const first = input.id === undefined ? undefined : firstIndex.get(input.id);
      if (input.id !== undefined && first === undefined) firstIndex.set(input.id, index);
      if (first !== undefined) {
        problems.push({ index, fields: { id: `Die ID „${String(input.id)}“ kommt mehrfach vor.` } });
        return;
      }
      try {
        assertValidFaqEntry({ ...input, id: input.id ?? 'kb-000' });
      } catch (error) {
        if (!isAppError(error, ErrorCode.ValidationFailed)) throw error;
        problems.push({ index, fields: error.details.fields as Record<string, string> });
      }
    });
    if (problems.length > 0) throw new AppError(ErrorCode.ValidationFailed, 'the imported FAQ entries are invalid', { entries: problems });
  }

  private async insertEntry(input: NewFaqEntry, author: EditAuthor, change: VersionChange): Promise<StoredFaqEntry> {
    const normalized = normalizeFaqEntryInput(input);
    for (let attempt = 1; ; attempt++) {
      const id = normalized.id ?? nextEntryId((await this.deps.entries.listAll()).map((entry) => entry.id));
      const content = assertValidFaqEntry({ ...normalized, id });
      const stored: StoredFaqEntry = { ...content, version: 1, updatedAt: this.now().toISOString(), updatedBy: author.id, importHash: null };
      try {
        await this.deps.entries.insert(stored);
      } catch (error) {
        if (!isAppError(error, ErrorCode.DuplicateKey)) throw error;
        if (normalized.id !== undefined) throw fieldValidationError({ id: `Die ID „${id}“ ist bereits vergeben.` }, id);
        if (attempt >= MAX_ATTEMPTS) throw error;
        continue;
      }
      await this.deps.versions.record(versionOf(stored, author, change, null));
      return stored;
    }
  }

  /**
   * Writes `content` as the next version of `current` unless it is unchanged (then returns
   * `current` itself). Records the state before as `baseline` when it has no version record yet.
   */
  private async write(current: StoredFaqEntry, content: FaqEntry, author: EditAuthor, change: VersionChange, restoredFrom: number | null = null): Promise<StoredFaqEntry> {
    if (sameContent(current, content)) return current;
    await this.deps.versions.record(baselineOf(current));
    const next: StoredFaqEntry = {
      ...contentOf(content),
      version: current.version + 1,
      updatedAt: this.now().toISOString(),
      updatedBy: author.id,
      // Kept as is: the hash of the last imported file version, which lets kb:import see the edit.
      importHash: current.importHash,
    };
    if (!(await this.deps.entries.replace(next, current.version))) throw versionConflict(current.id, current.version);
    await this.deps.versions.record(versionOf(next, author, change, restoredFrom));
    return next;
  }

  private async requireEntry(id: string, expectedVersion?: number): Promise<StoredFaqEntry> {
    const current = await this.deps.entries.get(id);
    if (!current) throw new AppError(ErrorCode.NotFound, 'no such FAQ entry', { entryId: id });
    if (expectedVersion !== undefined && current.version !== expectedVersion) throw versionConflict(id, expectedVersion, current.version);
    return current;
  }

  private async changed(): Promise<void> {
    const revision = await this.deps.revision.increment();
    await this.deps.onChanged?.(revision);
  }
}

function versionOf(entry: StoredFaqEntry, author: EditAuthor, change: VersionChange, restoredFrom: number | null): FaqEntryVersion {
  return {
    entryId: entry.id,
    version: entry.version,
    entry: contentOf(entry),
    author: { id: author.id, name: author.name },
    at: entry.updatedAt,
    change,
    restoredFrom,
  };
}

/** The stored state of an entry as a version, for states written without a version record. */
function baselineOf(entry: StoredFaqEntry): FaqEntryVersion {
  const name = entry.updatedBy === IMPORT_AUTHOR_ID ? 'kb:import' : entry.updatedBy;
  return versionOf(entry, { id: entry.updatedBy, name }, 'baseline', null);
}
