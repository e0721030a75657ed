/**
 * Writes knowledge/schema/faq-file.schema.json from the zod schema in
 * src/domain/knowledge/faq-entry.schema.ts. Run after changing the schema:
 *
 *   npx tsc -p tsconfig.build.json && node dist/scripts/generate-knowledge-schema.js
 *
 * A unit test fails when the committed file differs from what the zod schema generates.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { faqFileJsonSchema } from '../src/domain/knowledge/faq-entry.schema';

/** Location of the committed schema, relative to the repository root. */
export const FAQ_FILE_SCHEMA_PATH = path.join('knowledge', 'schema', 'faq-file.schema.json');

/** The file content exactly as committed (2-space JSON with a trailing newline). */
export function renderFaqFileSchema(): string {
  return `${JSON.stringify(faqFileJsonSchema(), null, 2)}\n`;
}

function main(): void {
  // dist/scripts/ -> repository root, and scripts/ (ts-node style runs) -> repository root
  const root = path.basename(path.dirname(__dirname)) === 'dist' ? path.resolve(__dirname, '..', '..') : path.resolve(__dirname, '..');
  const target = path.join(root, FAQ_FILE_SCHEMA_PATH);
  writeFileSync(target, renderFaqFileSchema(), 'utf8');
  console.log(`wrote ${path.relative(process.cwd(), target) || target}`);
}

if (require.main === module) {
  main();
}
