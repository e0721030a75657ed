import { readFileSync } from 'node:fs';
import type { z } from 'zod';
import { AppError, ErrorCode } from '../domain/errors';
import type { IntentExamples } from '../domain/knowledge/intent';
import type { Thesaurus } from '../domain/knowledge/thesaurus';
import { IntentsFileSchema, ThesaurusFileSchema } from './knowledge-data.schema';

/** Reads and validates knowledge/thesaurus.json; throws AppError KNOWLEDGE_INVALID listing every problem. */
export function loadThesaurusFile(path: string): Thesaurus {
  const file = parseFile(path, ThesaurusFileSchema);
  return { groups: file.groups.map((group) => ({ terms: [...group.terms] })) };
}

/** Reads and validates knowledge/intents.json; throws AppError KNOWLEDGE_INVALID listing every problem. */
export function loadIntentsFile(path: string): IntentExamples {
  const { $schema: _schema, ...intents } = parseFile(path, IntentsFileSchema);
  return intents;
}

function parseFile<T extends z.ZodType>(path: string, schema: T): z.infer<T> {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (cause) {
    throw new AppError(ErrorCode.KnowledgeInvalid, `cannot read ${path}`, { path }, { cause });
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
    throw new AppError(ErrorCode.KnowledgeInvalid, `${path} is invalid`, { path, problems });
  }
  return parsed.data;
}
