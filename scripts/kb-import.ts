/**
 * `npm run kb:import`: loads knowledge/ (FAQ entries and thesaurus) into the configured store,
 * idempotently. Entries edited in the store since their last import are kept and reported.
 * With the embedded store, stop the running Lotse first (one process per data directory).
 */
import path from 'node:path';
import { loadConfig } from '../src/config/config';
import { isAppError } from '../src/domain/errors';
import { importKnowledge } from '../src/domain/knowledge/knowledge-import.service';
import { configureLogger } from '../src/logging/logger';
import { loadThesaurusFile } from '../src/nlp/knowledge-data.loader';
import { openDocumentStore } from '../src/storage/create-document-store';
import { loadKnowledgeDirectory } from '../src/storage/knowledge-files.loader';
import { DocumentKnowledgeRepository } from '../src/storage/knowledge.repository';

async function main(): Promise<number> {
  const config = loadConfig();
  configureLogger('warn');
  const dir = path.resolve(config.knowledge.dir);
  const [entries, thesaurus] = await Promise.all([loadKnowledgeDirectory(dir), loadThesaurusFile(path.join(dir, 'thesaurus.json'))]);
  const store = await openDocumentStore(config.store, AbortSignal.timeout(30_000));
  try {
    const report = await importKnowledge(new DocumentKnowledgeRepository(store), entries, thesaurus);
    console.log(`Imported ${entries.length} entries from ${dir} into the ${store.kind} store:`);
    console.log(`  created:   ${report.created.length}`);
    console.log(`  updated:   ${report.updated.length}`);
    console.log(`  unchanged: ${report.unchanged.length}`);
    if (report.keptStoreEdits.length > 0) {
      console.log(`  KEPT (edited in the store since their last import, not overwritten): ${report.keptStoreEdits.join(', ')}`);
    }
    if (report.notInFiles.length > 0) {
      console.log(`  in the store only (left untouched): ${report.notInFiles.join(', ')}`);
    }
    return 0;
  } finally {
    await store.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(isAppError(error) ? `${error.code}: ${error.message}` : error);
    process.exit(1);
  },
);
