import type { KnowledgeEditorService } from '../../../domain/knowledge/knowledge-editor.service';
import type { KnowledgeService } from '../../../domain/knowledge/knowledge.service';

/** What the admin knowledge pages need (wired in main.ts). */
export interface KnowledgeRouteDeps {
  /** Reads and changes the FAQ in the store (versions, authors, optimistic concurrency). */
  readonly editor: Pick<
    KnowledgeEditorService,
    'listEntries' | 'getEntry' | 'createEntry' | 'updateEntry' | 'listVersions' | 'restoreVersion' | 'importEntries'
  >;
  /** The running answer engine, for the console "Was würde Lotse antworten?". */
  readonly knowledge: Pick<KnowledgeService, 'ask'>;
  /** Today as `YYYY-MM-DD` (review due = review date on or before today); default: today in Berlin. */
  readonly today?: () => string;
  /** Entries per page of the list; default 25. */
  readonly pageSize?: number;
}

/** Base path of the knowledge pages. */
export const KNOWLEDGE_PATH = '/dashboard/knowledge';

/** The editor page of an entry. */
export function entryPath(id: string): string {
  return `${KNOWLEDGE_PATH}/${encodeURIComponent(id)}`;
}
