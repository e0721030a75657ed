import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FaqEntry } from '../../../src/domain/knowledge/faq-entry';
import { FaqAnswerEngine } from '../../../src/nlp/faq-answer-engine';
import { loadIntentsFile, loadThesaurusFile } from '../../../src/nlp/knowledge-data.loader';
import type { IntentExamples } from '../../../src/domain/knowledge/intent';
import type { Thesaurus } from '../../../src/domain/knowledge/thesaurus';

const ROOT = join(__dirname, '..', '..', '..');

/** The 12 German test entries of tests/support/fixtures/nlp-faq.json. */
export function loadFixtureEntries(): FaqEntry[] {
  return JSON.parse(readFileSync(join(ROOT, 'tests/support/fixtures/nlp-faq.json'), 'utf8')) as FaqEntry[];
}

/** The product thesaurus (knowledge/thesaurus.json). */
export function loadProductThesaurus(): Thesaurus {
  return loadThesaurusFile(join(ROOT, 'knowledge/thesaurus.json'));
}

/** The product intent examples (knowledge/intents.json). */
export function loadProductIntents(): IntentExamples {
  return loadIntentsFile(join(ROOT, 'knowledge/intents.json'));
}

/** An engine loaded with the fixture entries and the product thesaurus. */
export function createLoadedEngine(thesaurus: Thesaurus = loadProductThesaurus()): FaqAnswerEngine {
  const engine = new FaqAnswerEngine();
  engine.load(loadFixtureEntries(), thesaurus);
  return engine;
}
