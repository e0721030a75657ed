import { z } from 'zod';
import type { FaqEntry } from './faq-entry';

/**
 * Validation of FAQ entries and of the FAQ files in `knowledge/faq/*.json`.
 *
 * The JSON Schema in `knowledge/schema/faq-file.schema.json` is generated from these schemas
 * (`scripts/generate-knowledge-schema.ts`); a unit test keeps both in step. Keep every rule
 * expressible in JSON Schema where possible (patterns, lengths, enums), so that editors see the
 * same problems in their editor that the loader reports. Refinements (like unique ids inside one
 * file) only run in zod; where JSON Schema has an equivalent it is added via `.meta()`.
 */

/** Limits of the editorial fields (also used by the dashboard's editor). */
export const FAQ_LIMITS = {
  idPattern: /^[a-z0-9][a-z0-9-]{1,63}$/,
  questionMin: 5,
  questionMax: 300,
  alternativeQuestionsMax: 20,
  answerMin: 20,
  answerMax: 4000,
  categoryMin: 2,
  categoryMax: 80,
  tagMax: 50,
  tagsMin: 1,
  tagsMax: 20,
  sourceMin: 3,
  sourceMax: 300,
  ownerMin: 3,
  ownerMax: 100,
} as const;

/** One line of text without leading/trailing whitespace (no line breaks). */
const SINGLE_LINE = /^\S(?:.*\S)?$/u;
/** Text that may span lines but neither starts nor ends with whitespace. */
const TRIMMED_MULTILINE = /^\S(?:[\s\S]*\S)?$/u;
/** A tag: lowercase letters (incl. umlauts and ß), digits, inner spaces, dots, slashes, hyphens. */
const TAG = /^[a-z0-9äöüß](?:[a-z0-9äöüß ./&+-]*[a-z0-9äöüß.])?$/u;

function singleLine(min: number, max: number, what: string) {
  return z
    .string()
    .min(min, `${what} must have at least ${min} characters`)
    .max(max, `${what} must have at most ${max} characters`)
    .regex(SINGLE_LINE, `${what} must be one line without leading or trailing whitespace`);
}

function noDuplicates(values: readonly string[]): boolean {
  return new Set(values.map((value) => value.toLowerCase())).size === values.length;
}

export const FaqStatusSchema = z
  .enum(['draft', 'published', 'retired'])
  .describe('Editorial state: only "published" entries are answered; "retired" ones are kept for history.');

export const FaqQuestionSchema = singleLine(FAQ_LIMITS.questionMin, FAQ_LIMITS.questionMax, 'question');

export const FaqEntrySchema = z
  .strictObject({
    id: z
      .string()
      .regex(FAQ_LIMITS.idPattern, 'id must be 2-64 characters of a-z, 0-9 and "-", starting with a letter or digit')
      .describe('Stable id of the entry (e.g. "kb-017"); never reused or renamed once published.'),
    question: FaqQuestionSchema.describe('The main question, as a user would ask it, in German.'),
    alternativeQuestions: z
      .array(FaqQuestionSchema)
      .max(FAQ_LIMITS.alternativeQuestionsMax, `at most ${FAQ_LIMITS.alternativeQuestionsMax} alternative questions`)
      .refine(noDuplicates, 'alternative questions must be unique')
      .meta({ uniqueItems: true })
      .describe('Other phrasings of the same question: short keyword style and longer colloquial ones.'),
    answer: z
      .string()
      .min(FAQ_LIMITS.answerMin, `answer must have at least ${FAQ_LIMITS.answerMin} characters`)
      .max(FAQ_LIMITS.answerMax, `answer must have at most ${FAQ_LIMITS.answerMax} characters`)
      .regex(TRIMMED_MULTILINE, 'answer must not start or end with whitespace')
      .describe('The answer in the Markdown subset Teams renders: paragraphs, **bold**, "- " and "1. " lists. Formal "Sie".'),
    category: singleLine(FAQ_LIMITS.categoryMin, FAQ_LIMITS.categoryMax, 'category').describe(
      'Category; all entries of one file share it and the file is named after it in kebab-case.',
    ),
    tags: z
      .array(
        z
          .string()
          .max(FAQ_LIMITS.tagMax, `a tag must have at most ${FAQ_LIMITS.tagMax} characters`)
          .regex(TAG, 'a tag must be lowercase (letters, digits, inner spaces, ".", "/", "&", "+", "-")'),
      )
      .min(FAQ_LIMITS.tagsMin, `at least ${FAQ_LIMITS.tagsMin} tag`)
      .max(FAQ_LIMITS.tagsMax, `at most ${FAQ_LIMITS.tagsMax} tags`)
      .refine(noDuplicates, 'tags must be unique')
      .meta({ uniqueItems: true })
      .describe('Lowercase search keywords.'),
    source: singleLine(FAQ_LIMITS.sourceMin, FAQ_LIMITS.sourceMax, 'source').describe(
      'Legal basis or publication the answer rests on, named without URLs (e.g. "Onlinezugangsgesetz (OZG), § 1 und § 3").',
    ),
    owner: singleLine(FAQ_LIMITS.ownerMin, FAQ_LIMITS.ownerMax, 'owner').describe(
      'The team of the cooperation that keeps the entry correct (e.g. "Team Datenschutz"); never a person.',
    ),
    reviewDate: z.iso.date('reviewDate must be a real date in the form YYYY-MM-DD').describe(
      'Date (YYYY-MM-DD) by which the owner reviews the entry again.',
    ),
    status: FaqStatusSchema,
  })
  .describe('One curated FAQ entry.');

export const FaqFileSchema = z
  .strictObject({
    $schema: z.string().optional().describe('Path of this JSON Schema, for editor support: "../schema/faq-file.schema.json".'),
    entries: z
      .array(FaqEntrySchema)
      .min(1, 'a FAQ file must contain at least one entry')
      .superRefine((entries, ctx) => {
        const seen = new Map<string, number>();
        entries.forEach((entry, index) => {
          const first = seen.get(entry.id);
          if (first === undefined) {
            seen.set(entry.id, index);
          } else {
            ctx.addIssue({
              code: 'custom',
              path: [index, 'id'],
              message: `duplicate id "${entry.id}" (also entries[${first}])`,
            });
          }
        });
      })
      .describe('The FAQ entries of one category.'),
  })
  .meta({ title: 'Lotse FAQ file', description: 'One category of the curated FAQ of Lotse (knowledge/faq/*.json).' });

export type FaqEntryInput = z.input<typeof FaqEntrySchema>;
export type FaqFile = z.output<typeof FaqFileSchema>;

/** The JSON Schema (draft 2020-12) of a FAQ file, as committed in knowledge/schema/. */
export function faqFileJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(FaqFileSchema, { target: 'draft-2020-12', unrepresentable: 'throw' }) as Record<string, unknown>;
}

// Compile-time proof that the schema and the FaqEntry type describe the same shape.
type Exact<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Writable<T> = { -readonly [K in keyof T]: T[K] extends readonly (infer U)[] ? U[] : T[K] };
const _schemaMatchesFaqEntry: Exact<z.output<typeof FaqEntrySchema>, Writable<FaqEntry>> = true;
const _schemaHasFaqEntryKeys: Exact<keyof z.output<typeof FaqEntrySchema>, keyof FaqEntry> = true;
