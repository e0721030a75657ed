import { z } from 'zod';

const term = z.string().trim().min(1).max(200);

/** knowledge/thesaurus.json: groups of interchangeable search terms (the first is preferred). */
export const ThesaurusFileSchema = z.object({
  $schema: z.string().optional(),
  groups: z.array(z.object({ terms: z.array(term).min(2).max(50) }).strict()).max(5000),
});

const utterances = z.array(z.string().trim().min(1).max(300)).max(500);
const examples = z.object({ de: utterances, en: utterances }).strict();

/** knowledge/intents.json: example utterances per intent (shape of IntentExamples), German and English. */
export const IntentsFileSchema = z
  .object({
    $schema: z.string().optional(),
    greeting: examples,
    thanks: examples,
    help: examples,
    goodbye: examples,
    open_ticket: examples,
    my_tickets: examples,
    talk_to_human: examples,
  })
  .strict();

export type ThesaurusFile = z.infer<typeof ThesaurusFileSchema>;
export type IntentsFile = z.infer<typeof IntentsFileSchema>;
