/**
 * `npm run kb:import`: loads knowledge/ (FAQ entries and thesaurus) into the configured store,
 * idempotently. Entries edited in the store since their last import are kept and reported.
 * Bumps the knowledge revision, so that running instances on a shared store reload within seconds.
 * With the embedded store, stop the running Lotse first (one process per data directory).
 */
import path from 'node:path';
import type { Config } from '../src/config/config';
import { loadConfig } from '../src/config/config';
import { isAppError } from '../src/domain/errors';
import type { ImportReport } from '../src/domain/knowledge/knowledge-import.service';
import { importKnowledge } from '../src/domain/knowledge/knowledge-import.service';
import { configureLogger } from '../src/logging/logger';
import { loadThesaurusFile } from '../src/nlp/knowledge-data.loader';
import { openDocumentStore } from '../src/storage/create-document-store';
import { loadKnowledgeDirectory } from '../src/storage/knowledge-files.loader';
import { DocumentKnowledgeRevision } from '../src/storage/knowledge-revision.store';
import { DocumentKnowledgeRepository } from '../src/storage/knowledge.repository';

/** Imports the configured knowledge directory into the configured store; writes a report to `print`. */
export async function runKbImport(config: Config, print: (line: string) => void): Promise<ImportReport> {
  const dir = path.resolve(config.knowledge.dir);
  const entries = await loadKnowledgeDirectory(dir);
  const thesaurus = loadThesaurusFile(path.join(dir, 'thesaurus.json'));
  const store = await openDocumentStore(config.store, AbortSignal.timeout(30_000));
  try {
    const report = await importKnowledge(new DocumentKnowledgeRepository(store), entries, thesaurus);
    // Running Lotse instances on a shared store (MongoDB) poll the revision and reload the knowledge.
    await new DocumentKnowledgeRevision(store).increment();
    print(`Imported ${entries.length} entries from ${dir} into the ${store.kind} store:`);
    print(`  created:   ${report.created.length}`);
    print(`  updated:   ${report.updated.length}`);
    print(`  unchanged: ${report.unchanged.length}`);
    if (report.keptStoreEdits.length > 0) {
      print(`  KEPT (edited in the store since their last import, not overwritten): ${report.keptStoreEdits.join(', ')}`);
    }
    if (report.notInFiles.length > 0) print(`  in the store only (left untouched): ${report.notInFiles.join(', ')}`);
    return report;
  } finally {
    await store.close();
  }
}

if (require.main === module) {
  configureLogger('warn');
  runKbImport(loadConfig(), (line) => console.log(line)).then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(isAppError(error) ? `${error.code}: ${error.message}` : error);
      process.exit(1);
    },
  );
}
