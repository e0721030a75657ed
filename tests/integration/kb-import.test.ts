import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runKbImport } from '../../scripts/kb-import';
import { loadConfig } from '../../src/config/config';
import type { StoredFaqEntry } from '../../src/domain/knowledge/knowledge.repository';
import { EmbeddedDocumentStore } from '../../src/storage/embedded/embedded-document-store';
import { DocumentKnowledgeRepository } from '../../src/storage/knowledge.repository';

describe('npm run kb:import', () => {
  let dataDir: string;
  const config = () => loadConfig({ DATA_DIR: dataDir, KNOWLEDGE_DIR: path.join(__dirname, '..', '..', 'knowledge') });

  beforeEach(() => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'lotse-import-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('loads knowledge/ into the store, and a second run changes nothing', async () => {
    const lines: string[] = [];
    const first = await runKbImport(config(), (line) => lines.push(line));
    expect(first.created.length).toBeGreaterThanOrEqual(80);
    expect(lines.join('\n')).toMatch(/created:\s+\d+/);

    const second = await runKbImport(config(), () => undefined);
    expect(second.created).toEqual([]);
    expect(second.updated).toEqual([]);
    expect(second.unchanged.length).toBe(first.created.length);
  });

  it('keeps an entry edited in the store since the import and reports it', async () => {
    await runKbImport(config(), () => undefined);
    const store = await EmbeddedDocumentStore.open(dataDir);
    const repository = new DocumentKnowledgeRepository(store);
    const entry = (await repository.get('kb-013')) as StoredFaqEntry;
    const edited: StoredFaqEntry = { ...entry, answer: `${entry.answer}\n\nErgänzt im Dashboard.`, version: entry.version + 1, updatedBy: 'admin-1' };
    expect(await repository.replace(edited, entry.version)).toBe(true);
    await store.close();

    const lines: string[] = [];
    const report = await runKbImport(config(), (line) => lines.push(line));
    expect(report.keptStoreEdits).toEqual(['kb-013']);
    expect(lines.join('\n')).toMatch(/KEPT .*kb-013/);

    const reopened = await EmbeddedDocumentStore.open(dataDir);
    expect((await new DocumentKnowledgeRepository(reopened).get('kb-013'))?.answer).toMatch(/Ergänzt im Dashboard/);
    await reopened.close();
  });

  it('refuses to run beside a Lotse that holds the embedded store', async () => {
    const running = await EmbeddedDocumentStore.open(dataDir);
    try {
      await expect(runKbImport(config(), () => undefined)).rejects.toMatchObject({ code: 'STORE_LOCKED' });
    } finally {
      await running.close();
    }
  });
});
