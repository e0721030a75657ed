import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isAppError } from '../../../src/domain/errors';
import { loadThesaurusFile } from '../../../src/nlp/knowledge-data.loader';
import { IntentsFileSchema, ThesaurusFileSchema } from '../../../src/nlp/knowledge-data.schema';
import { loadProductIntents, loadProductThesaurus } from './nlp-fixtures';

describe('knowledge data files', () => {
  it('the product thesaurus and intents are valid', () => {
    expect(loadProductThesaurus().groups.length).toBeGreaterThan(50);
    expect(loadProductIntents().greeting.de).toContain('hallo');
  });

  it('rejects a thesaurus group with a single term and lists the problem', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lotse-nlp-'));
    const path = join(dir, 'thesaurus.json');
    writeFileSync(path, JSON.stringify({ groups: [{ terms: ['ozg'] }, { terms: ['a', ''] }] }));
    try {
      loadThesaurusFile(path);
      throw new Error('expected a KNOWLEDGE_INVALID error');
    } catch (error) {
      expect(isAppError(error, 'KNOWLEDGE_INVALID')).toBe(true);
      expect((error as { details: { problems: string[] } }).details.problems.length).toBe(2);
    }
  });

  it('schemas reject unknown intents and malformed groups', () => {
    expect(ThesaurusFileSchema.safeParse({ groups: [{ terms: 'ozg' }] }).success).toBe(false);
    expect(IntentsFileSchema.safeParse({ greeting: { de: [], en: [] } }).success).toBe(false);
  });
});
