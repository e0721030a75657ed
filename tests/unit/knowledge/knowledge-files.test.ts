import { mkdtemp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { renderFaqFileSchema, FAQ_FILE_SCHEMA_PATH } from '../../../scripts/generate-knowledge-schema';
import { AppError, ErrorCode, isAppError } from '../../../src/domain/errors';
import { contentHash } from '../../../src/domain/knowledge/content-hash';
import type { FaqEntry } from '../../../src/domain/knowledge/faq-entry';
import { FaqEntrySchema, FaqFileSchema, faqFileJsonSchema } from '../../../src/domain/knowledge/faq-entry.schema';
import { formatIssuePath, loadKnowledgeDirectory } from '../../../src/storage/knowledge-files.loader';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const KNOWLEDGE_DIR = path.join(ROOT, 'knowledge');
const FAQ_DIR = path.join(KNOWLEDGE_DIR, 'faq');
const SCHEMA_FILE = path.join(ROOT, FAQ_FILE_SCHEMA_PATH);

const URL_PATTERN = /\bhttps?:\/\/|\bwww\.|\b[a-z0-9-]+\.(?:de|com|org|net|eu|info|bund\.de)\b/i;
const EMAIL_PATTERN = /[\w.+-]+@[\w-]+\.[\w.-]+/;
const PHONE_PATTERN = /(?:\+\d{2}[\s/-]?|\b0\d{2,5}[\s/-]?)\d{3,}|\b(?:tel|telefon|fax)\.?:?\s*\d/i;

interface FaqFileOnDisk {
  readonly name: string;
  readonly json: unknown;
}

async function readFaqFiles(): Promise<FaqFileOnDisk[]> {
  const names = (await readdir(FAQ_DIR)).filter((name) => name.endsWith('.json')).sort();
  return Promise.all(names.map(async (name) => ({ name, json: JSON.parse(await readFile(path.join(FAQ_DIR, name), 'utf8')) as unknown })));
}

/** The file name of a category: lowercase, umlauts transliterated, kebab-case. */
function kebab(category: string): string {
  return category
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

function entry(overrides: Partial<FaqEntry> = {}): FaqEntry {
  return {
    id: 'kb-900',
    question: 'Was ist eine Testfrage?',
    alternativeQuestions: ['Testfrage Erklärung', 'Worum geht es bei einer Testfrage?'],
    answer: 'Eine Testfrage dient dazu, den Loader in einem Test zu prüfen.',
    category: 'Test',
    tags: ['test'],
    source: 'Beratungspraxis der Kooperation',
    owner: 'Geschäftsstelle',
    reviewDate: '2027-06-30',
    status: 'published',
    ...overrides,
  };
}

describe('knowledge/faq files', () => {
  let files: FaqFileOnDisk[];
  let entries: FaqEntry[];

  beforeAll(async () => {
    files = await readFaqFiles();
    entries = await loadKnowledgeDirectory(KNOWLEDGE_DIR);
  });

  it('has FAQ files', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it('validates every file against the committed JSON Schema (ajv, draft 2020-12)', async () => {
    const schema = JSON.parse(await readFile(SCHEMA_FILE, 'utf8')) as Record<string, unknown>;
    const ajv = new Ajv2020({ allErrors: true, strict: true });
    ajv.addFormat('date', {
      type: 'string',
      validate: (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value),
    });
    const validate = ajv.compile(schema);
    for (const file of files) {
      const valid = validate(file.json);
      expect({ file: file.name, errors: valid ? null : validate.errors }).toEqual({ file: file.name, errors: null });
    }
  });

  it('validates every file against the zod schema', () => {
    for (const file of files) {
      const result = FaqFileSchema.safeParse(file.json);
      expect({ file: file.name, issues: result.success ? null : result.error.issues }).toEqual({ file: file.name, issues: null });
    }
  });

  it('references the JSON Schema from every file for editor support', () => {
    for (const file of files) {
      expect({ file: file.name, $schema: (file.json as { $schema?: unknown }).$schema }).toEqual({
        file: file.name,
        $schema: '../schema/faq-file.schema.json',
      });
    }
  });

  it('keeps one category per file, named after the category in kebab-case', () => {
    for (const file of files) {
      const categories = new Set((file.json as { entries: FaqEntry[] }).entries.map((e) => e.category));
      expect({ file: file.name, categories: [...categories] }).toEqual({ file: file.name, categories: [expect.any(String)] });
      expect(file.name).toBe(`${kebab([...categories][0] ?? '')}.json`);
    }
  });

  it('has at least 80 published entries, including kb-001 .. kb-080', () => {
    const published = entries.filter((e) => e.status === 'published');
    expect(published.length).toBeGreaterThanOrEqual(80);
    const publishedIds = new Set(published.map((e) => e.id));
    for (let n = 1; n <= 80; n += 1) {
      expect(publishedIds).toContain(`kb-${String(n).padStart(3, '0')}`);
    }
  });

  it('has unique ids across all files', () => {
    const ids = files.flatMap((file) => (file.json as { entries: FaqEntry[] }).entries.map((e) => e.id));
    expect(new Set(ids).size).toBe(ids.length);
    expect(entries).toHaveLength(ids.length);
  });

  it('gives every entry at least 2 alternative questions, none repeating another question of the knowledge base', () => {
    const seen = new Map<string, string>();
    for (const e of entries) {
      expect({ id: e.id, enough: e.alternativeQuestions.length >= 2 }).toEqual({ id: e.id, enough: true });
      for (const q of [e.question, ...e.alternativeQuestions]) {
        const key = q.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
        const other = seen.get(key);
        expect({ id: e.id, question: q, alsoIn: other ?? null }).toEqual({ id: e.id, question: q, alsoIn: null });
        seen.set(key, e.id);
      }
    }
  });

  it('has no URLs, e-mail addresses or phone numbers in answers, questions or sources', () => {
    for (const e of entries) {
      for (const [field, text] of [
        ['answer', e.answer],
        ['question', e.question],
        ['source', e.source],
        ...e.alternativeQuestions.map((q) => ['alternativeQuestions', q] as const),
      ] as const) {
        const found = [URL_PATTERN, EMAIL_PATTERN, PHONE_PATTERN].map((re) => re.exec(text)?.[0]).filter(Boolean);
        expect({ id: e.id, field, found }).toEqual({ id: e.id, field, found: [] });
      }
    }
  });

  it('writes answers in the Markdown subset Teams renders (no headings, tables or HTML; blank line before lists)', () => {
    for (const e of entries) {
      const problems = [
        /^#{1,6}\s/m.test(e.answer) ? 'heading' : null,
        /^\s*\|.*\|\s*$/m.test(e.answer) ? 'table' : null,
        /<\/?[a-z][^>]*>/i.test(e.answer) ? 'html' : null,
        /^\s*[*+]\s/m.test(e.answer) ? 'list bullet other than "- "' : null,
        /\n{3,}/.test(e.answer) ? 'more than one blank line' : null,
        /[^\n]\n(?:- |\d+\. )/.test(e.answer.replace(/^(?:- |\d+\. ).*\n(?=- |\d+\. )/gm, '')) ? 'list not separated from the paragraph before it by a blank line' : null,
      ].filter(Boolean);
      expect({ id: e.id, problems }).toEqual({ id: e.id, problems: [] });
    }
  });

  it('names a team of the cooperation as owner, never a person', () => {
    for (const e of entries) {
      expect({ id: e.id, owner: e.owner }).toEqual({ id: e.id, owner: expect.stringMatching(/^(?:Team \S.*|Geschäftsstelle)$/) });
    }
  });

  it('addresses users formally (no informal "du/dein")', () => {
    for (const e of entries) {
      expect({ id: e.id, informal: /\b(?:du|dich|dir|dein|deine|deinen|deinem|deiner)\b/i.test(e.answer) }).toEqual({ id: e.id, informal: false });
    }
  });
});

describe('knowledge/schema/faq-file.schema.json', () => {
  it('is exactly what the zod schema generates (regenerate with scripts/generate-knowledge-schema.ts)', async () => {
    const committed = await readFile(SCHEMA_FILE, 'utf8');
    expect(JSON.parse(committed)).toEqual(faqFileJsonSchema());
    expect(committed).toBe(renderFaqFileSchema());
  });
});

describe('FaqEntrySchema', () => {
  it('accepts a valid entry', () => {
    expect(FaqEntrySchema.safeParse(entry()).success).toBe(true);
  });

  it.each<[string, Record<string, unknown>]>([
    ['an id with uppercase letters', { id: 'KB-1' }],
    ['a too short question', { question: 'OZG' }],
    ['a question with a line break', { question: 'Was ist\ndas hier?' }],
    ['a too short answer', { answer: 'Zu kurz.' }],
    ['an answer over 4000 characters', { answer: 'a'.repeat(4001) }],
    ['an uppercase tag', { tags: ['OZG'] }],
    ['duplicate tags', { tags: ['ozg', 'ozg'] }],
    ['duplicate alternative questions', { alternativeQuestions: ['Was ist OZG?', 'was ist ozg?'] }],
    ['an impossible review date', { reviewDate: '2027-02-30' }],
    ['a review date in another format', { reviewDate: '30.06.2027' }],
    ['an unknown status', { status: 'archived' }],
    ['an unknown field', { url: 'x' }],
  ])('rejects %s', (_label, overrides) => {
    expect(FaqEntrySchema.safeParse({ ...entry(), ...overrides }).success).toBe(false);
  });

  it('rejects a missing field', () => {
    const { source: _source, ...withoutSource } = entry();
    expect(FaqEntrySchema.safeParse(withoutSource).success).toBe(false);
  });
});

describe('loadKnowledgeDirectory', () => {
  let dir: string;

  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'lotse-knowledge-'));
    await mkdir(path.join(dir, 'faq'));
  });

  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function write(name: string, content: unknown): Promise<void> {
    const text = typeof content === 'string' ? content : JSON.stringify(content, null, 2);
    await writeFile(path.join(dir, 'faq', name), text, 'utf8');
  }

  async function loadError(): Promise<AppError> {
    try {
      await loadKnowledgeDirectory(dir);
    } catch (error) {
      if (isAppError(error, ErrorCode.KnowledgeInvalid)) return error;
      throw error;
    }
    throw new AppError(ErrorCode.Internal, 'expected loadKnowledgeDirectory to fail');
  }

  it('loads all entries of all files in sorted file order', async () => {
    await write('b.json', { entries: [entry({ id: 'kb-2' })] });
    await write('a.json', { $schema: '../schema/faq-file.schema.json', entries: [entry({ id: 'kb-1' }), entry({ id: 'kb-3', status: 'draft' })] });
    await writeFile(path.join(dir, 'faq', 'README.txt'), 'not a FAQ file', 'utf8');
    const loaded = await loadKnowledgeDirectory(dir);
    expect(loaded.map((e) => e.id)).toEqual(['kb-1', 'kb-3', 'kb-2']);
  });

  it('reports every problem of a broken file with file name and field path', async () => {
    await write('a-good.json', { entries: [entry({ id: 'kb-1' })] });
    await write('b-broken.json', {
      entries: [
        entry({ id: 'kb-2', answer: 'Zu kurz.' }),
        { ...entry({ id: 'kb-3', tags: ['ok', 'NotLower'], reviewDate: '2027-02-30' }), link: 'x' },
        { ...entry({ id: 'kb-4' }), owner: undefined },
      ],
    });
    const error = await loadError();
    const problems = error.details.problems as string[];
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^faq\/b-broken\.json: entries\[0\]\.answer: .*20.*\(entry "kb-2"\)$/),
        expect.stringMatching(/^faq\/b-broken\.json: entries\[1\]\.tags\[1\]: .*lowercase/),
        expect.stringMatching(/^faq\/b-broken\.json: entries\[1\]\.reviewDate: /),
        expect.stringMatching(/^faq\/b-broken\.json: entries\[1\]\.link: unknown field/),
        expect.stringMatching(/^faq\/b-broken\.json: entries\[2\]\.owner: required field is missing/),
      ]),
    );
    expect(problems).toHaveLength(5);
    expect(error.message).toContain('knowledge files invalid (5 problems)');
    for (const line of problems) expect(error.message).toContain(line);
  });

  it('reports invalid JSON and duplicate ids across files (even in otherwise broken files) in the same error', async () => {
    await write('a.json', { entries: [entry({ id: 'kb-1' })] });
    await write('b.json', { entries: [entry({ id: 'kb-2', answer: 'Zu kurz.' }), entry({ id: 'kb-1' })] });
    await write('c.json', '{ "entries": [ ');
    await write('d.json', { entries: [entry({ id: 'kb-5' }), entry({ id: 'kb-5' })] });
    const problems = (await loadError()).details.problems as string[];
    expect(problems).toEqual([
      'faq/b.json: entries[1].id: duplicate id "kb-1" (also faq/a.json entries[0])',
      expect.stringMatching(/^faq\/b\.json: entries\[0\]\.answer: /),
      expect.stringMatching(/^faq\/c\.json: \(file\): invalid JSON: /),
      'faq/d.json: entries[1].id: duplicate id "kb-5" (also entries[0]) (entry "kb-5")',
    ]);
  });

  it('rejects a file without entries and unknown top-level fields', async () => {
    await write('a.json', { entries: [], title: 'x' });
    const problems = (await loadError()).details.problems as string[];
    expect(problems).toEqual(
      expect.arrayContaining([expect.stringMatching(/^faq\/a\.json: entries: /), 'faq/a.json: title: unknown field, not allowed']),
    );
  });

  it('fails with KNOWLEDGE_INVALID when there are no FAQ files or no faq folder', async () => {
    expect((await loadError()).message).toContain('no *.json files');
    await rm(path.join(dir, 'faq'), { recursive: true });
    expect((await loadError()).details.problems).toEqual([expect.stringMatching(/^faq: cannot read directory/)]);
  });

  it('formats issue paths readably', () => {
    expect(formatIssuePath([])).toBe('(file)');
    expect(formatIssuePath(['entries', 3, 'tags', 0])).toBe('entries[3].tags[0]');
  });
});

describe('contentHash', () => {
  it('is a stable sha256 hex digest of the editorial fields', () => {
    const a = entry();
    expect(contentHash(a)).toMatch(/^[0-9a-f]{64}$/);
    expect(contentHash(a)).toBe(contentHash(entry()));
  });

  it('ignores key order and bookkeeping fields of stored entries', () => {
    const a = entry();
    const reordered = Object.fromEntries(Object.entries(a).reverse()) as unknown as FaqEntry;
    const stored = { ...a, version: 7, updatedAt: '2026-01-01T00:00:00.000Z', updatedBy: 'import', importHash: null, _id: 'kb-900' };
    expect(contentHash(reordered)).toBe(contentHash(a));
    expect(contentHash(stored)).toBe(contentHash(a));
  });

  it('changes when an editorial field changes', () => {
    const base = contentHash(entry());
    expect(contentHash(entry({ answer: 'Eine Testfrage dient dazu, den Loader in einem Test zu prüfen!' }))).not.toBe(base);
    expect(contentHash(entry({ alternativeQuestions: ['Testfrage Erklärung'] }))).not.toBe(base);
    expect(contentHash(entry({ tags: ['test', 'neu'] }))).not.toBe(base);
    expect(contentHash(entry({ status: 'retired' }))).not.toBe(base);
    expect(contentHash(entry({ reviewDate: '2027-07-01' }))).not.toBe(base);
  });
});
