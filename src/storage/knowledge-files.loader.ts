import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'zod';
import { AppError, ErrorCode } from '../domain/errors';
import type { FaqEntry } from '../domain/knowledge/faq-entry';
import { FaqFileSchema } from '../domain/knowledge/faq-entry.schema';

/** Folder of the FAQ files inside the knowledge directory. */
export const FAQ_SUBDIRECTORY = 'faq';

type PathSegment = PropertyKey;

/** `['entries', 3, 'tags', 0]` -> `entries[3].tags[0]`; the empty path is the whole file. */
export function formatIssuePath(segments: readonly PathSegment[]): string {
  let out = '';
  for (const segment of segments) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out === '' ? String(segment) : `.${String(segment)}`;
  }
  return out === '' ? '(file)' : out;
}

function entryIdAt(data: unknown, segments: readonly PathSegment[]): string | undefined {
  if (segments[0] !== 'entries' || typeof segments[1] !== 'number') return undefined;
  if (typeof data !== 'object' || data === null) return undefined;
  const entries = (data as { entries?: unknown }).entries;
  if (!Array.isArray(entries)) return undefined;
  const entry: unknown = entries[segments[1]];
  if (typeof entry !== 'object' || entry === null) return undefined;
  const id = (entry as { id?: unknown }).id;
  return typeof id === 'string' ? id : undefined;
}

/** The string ids of the entries of a parsed (not yet validated) file, by entry index. */
function rawEntryIds(data: unknown): Map<number, string> {
  const ids = new Map<number, string>();
  const entries = typeof data === 'object' && data !== null ? (data as { entries?: unknown }).entries : undefined;
  if (!Array.isArray(entries)) return ids;
  entries.forEach((entry: unknown, index) => {
    const id = typeof entry === 'object' && entry !== null ? (entry as { id?: unknown }).id : undefined;
    if (typeof id === 'string') ids.set(index, id);
  });
  return ids;
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type' && /received undefined$/.test(issue.message)) {
    return `required field is missing (expected ${issue.expected})`;
  }
  return issue.message;
}

/** One `file: path.to.field: problem` line per zod issue (unknown keys get one line each). */
function issueLines(file: string, data: unknown, issues: readonly z.core.$ZodIssue[]): string[] {
  const lines: string[] = [];
  for (const issue of issues) {
    const id = entryIdAt(data, issue.path);
    const suffix = id === undefined ? '' : ` (entry "${id}")`;
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        lines.push(`${file}: ${formatIssuePath([...issue.path, key])}: unknown field, not allowed${suffix}`);
      }
    } else {
      lines.push(`${file}: ${formatIssuePath(issue.path)}: ${describeIssue(issue)}${suffix}`);
    }
  }
  return lines;
}

function invalid(problems: readonly string[], fileCount: number, cause?: unknown): AppError {
  const header = `knowledge files invalid (${problems.length} problem${problems.length === 1 ? '' : 's'}):`;
  const message = [header, ...problems.map((line) => `  ${line}`)].join('\n');
  const details = { problems: [...problems], files: fileCount };
  return new AppError(ErrorCode.KnowledgeInvalid, message, details, cause === undefined ? undefined : { cause });
}

/**
 * Reads and validates every `dir/faq/*.json` (in sorted file-name order) and returns all entries,
 * in file order, whatever their status. All problems of all files are collected and thrown as one
 * AppError `KNOWLEDGE_INVALID` whose message and `details.problems` list `file: path.to.field: problem`
 * lines (file relative to `dir`, e.g. `faq/datenschutz.json: entries[2].answer: ...`). An id used
 * in more than one entry (in one file or across files) is a problem too.
 */
export async function loadKnowledgeDirectory(dir: string): Promise<FaqEntry[]> {
  const faqDir = path.join(dir, FAQ_SUBDIRECTORY);
  let names: string[];
  try {
    names = (await readdir(faqDir, { withFileTypes: true }))
      .filter((dirent) => dirent.isFile() && dirent.name.endsWith('.json'))
      .map((dirent) => dirent.name)
      .sort();
  } catch (error) {
    throw invalid([`${FAQ_SUBDIRECTORY}: cannot read directory ${faqDir} (${(error as NodeJS.ErrnoException).code ?? 'error'})`], 0, error);
  }
  if (names.length === 0) {
    throw invalid([`${FAQ_SUBDIRECTORY}: no *.json files found in ${faqDir}`], 0);
  }

  const problems: string[] = [];
  const entries: FaqEntry[] = [];
  const firstSeen = new Map<string, { file: string; index: number }>();

  for (const name of names) {
    const file = `${FAQ_SUBDIRECTORY}/${name}`;
    let data: unknown;
    try {
      const text = await readFile(path.join(faqDir, name), 'utf8');
      data = JSON.parse(text.replace(/^\uFEFF/, '')) as unknown;
    } catch (error) {
      const problem =
        error instanceof SyntaxError ? `invalid JSON: ${error.message}` : `cannot read file (${(error as NodeJS.ErrnoException).code ?? 'error'})`;
      problems.push(`${file}: (file): ${problem}`);
      continue;
    }

    // Cross-file duplicates are checked on the raw ids, so that they are reported even when a
    // file has other problems; duplicates inside one file are reported by the schema.
    rawEntryIds(data).forEach((id, index) => {
      const first = firstSeen.get(id);
      if (first === undefined) firstSeen.set(id, { file, index });
      else if (first.file !== file) {
        problems.push(`${file}: entries[${index}].id: duplicate id "${id}" (also ${first.file} entries[${first.index}])`);
      }
    });

    const parsed = FaqFileSchema.safeParse(data);
    if (parsed.success) entries.push(...parsed.data.entries);
    else problems.push(...issueLines(file, data, parsed.error.issues));
  }

  if (problems.length > 0) throw invalid(problems, names.length);
  return entries;
}
