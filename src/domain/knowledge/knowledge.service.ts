import type { AnswerEngine, AnswerResult } from './answer-engine';
import type { FaqEntry } from './faq-entry';
import type { KnowledgeRepository } from './knowledge.repository';
import type { Thesaurus } from './thesaurus';

/** The answer to one question: the engine's decision plus the entries it refers to. */
export interface KnowledgeAnswer {
  readonly result: AnswerResult;
  /** The published entries referred to by `result.candidates`, by id. */
  readonly entries: ReadonlyMap<string, FaqEntry>;
}

const EMPTY_THESAURUS: Thesaurus = { groups: [] };

/**
 * Holds the published knowledge in memory and answers questions with the answer engine.
 * `reload()` re-reads the store and rebuilds the index; until the first load it is not ready.
 */
export class KnowledgeService {
  private published = new Map<string, FaqEntry>();
  private publishedCategories: readonly string[] = [];
  private loaded = false;

  constructor(
    private readonly repository: KnowledgeRepository,
    private readonly engine: AnswerEngine,
  ) {}

  /** Loads published entries and the thesaurus from the store and rebuilds the index. */
  async reload(): Promise<number> {
    const [all, thesaurus] = await Promise.all([this.repository.listAll(), this.repository.getThesaurus()]);
    const published = all.filter((entry) => entry.status === 'published');
    this.engine.load(published, thesaurus ?? EMPTY_THESAURUS);
    this.published = new Map(published.map((entry) => [entry.id, entry]));
    this.publishedCategories = [...new Set(published.map((entry) => entry.category))].sort((a, b) => a.localeCompare(b, 'de'));
    this.loaded = true;
    return published.length;
  }

  /** True once knowledge has been loaded (used by /readyz). */
  get isReady(): boolean {
    return this.loaded;
  }

  get publishedCount(): number {
    return this.published.size;
  }

  ask(question: string): KnowledgeAnswer {
    const result = this.engine.answer(question);
    const entries = new Map<string, FaqEntry>();
    for (const candidate of result.candidates) {
      const entry = this.published.get(candidate.entryId);
      if (entry) entries.set(entry.id, entry);
    }
    return { result, entries };
  }

  /** The categories of the published entries, each once, sorted (German collation). */
  categories(): readonly string[] {
    return this.publishedCategories;
  }

  /** A published entry by id, or undefined (e.g. retired since the card was sent). */
  getEntry(id: string): FaqEntry | undefined {
    return this.published.get(id);
  }
}
