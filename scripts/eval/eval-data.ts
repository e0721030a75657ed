import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { FaqEntry } from '../../src/domain/knowledge/faq-entry';

/** One evaluation query: the text and the id of the entry that answers it (null: none does). */
export interface EvalQuery {
  readonly q: string;
  readonly expected: string | null;
}

interface KbJsonEntry {
  id: string;
  question: string;
  answer: string;
  tags?: string[];
  category?: string;
  alternativeQuestions?: string[];
}

/** Reads an evaluation kb.json (`{id, question, answer, tags[], category}`) as published FAQ entries. */
export function loadKb(path: string): FaqEntry[] {
  const raw = JSON.parse(readFileSync(path, 'utf8')) as KbJsonEntry[];
  return raw.map((entry) => ({
    id: entry.id,
    question: entry.question,
    alternativeQuestions: entry.alternativeQuestions ?? [],
    answer: entry.answer,
    category: entry.category ?? '',
    tags: entry.tags ?? [],
    source: 'eval',
    owner: 'eval',
    reviewDate: '2099-12-31',
    status: 'published',
  }));
}

/** Reads a JSONL file of `{q, expected}` lines. */
export function loadQueries(path: string): EvalQuery[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim().length > 0)
    .map((line) => JSON.parse(line) as EvalQuery);
}

/** Path of the shared evaluation data beside the repository (../shared/eval), if present. */
export function sharedEvalPath(file: string): string | undefined {
  const candidates = [resolve(process.cwd(), '../shared/eval', file), resolve(__dirname, '../../../../shared/eval', file)];
  return candidates.find((path) => existsSync(path));
}
