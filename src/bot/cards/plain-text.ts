import type { FaqEntry } from '../../domain/knowledge/faq-entry';
import type { BotTexts } from '../texts';

/**
 * Turns the Teams Markdown subset of FAQ answers into plain text for channels without Markdown or
 * cards (and for `speak` / `fallbackText`): bold markers dropped, links as "label (url)", heading
 * markers dropped. Lists and paragraphs read fine as they are.
 */
export function toPlainText(markdown: string): string {
  return markdown
    .replace(/\[([^\]\n]+)\]\(([^)\s]+)\)/g, (_match, label: string, url: string) => (label === url ? url : `${label} (${url})`))
    .replace(/\*\*([^*\n]+)\*\*/g, '$1')
    .replace(/__([^_\n]+)__/g, '$1')
    .replace(/^#{1,6}\s+/gm, '');
}

/** The category and source lines under an answer. */
export function renderFacts(entry: FaqEntry, texts: BotTexts): string {
  return `${texts.categoryLabel}: ${entry.category}\n${texts.sourceLabel}: ${entry.source}`;
}

/**
 * An answer for a channel without Adaptive Cards: title, answer, category/source, feedback prompt.
 * `plainAnswer` is `toPlainText(entry.answer)` when the caller has it already.
 */
export function renderAnswerText(entry: FaqEntry, texts: BotTexts, plainAnswer = toPlainText(entry.answer)): string {
  return [entry.question, plainAnswer, renderFacts(entry, texts), texts.helpfulPlainPrompt].join('\n\n');
}

/** Choices for a channel without Adaptive Cards: a numbered list the user answers with "1", "2", ... */
export function renderChoicesText(entries: readonly FaqEntry[], texts: BotTexts): string {
  const list = entries.map((entry, index) => `${index + 1}. ${entry.question}`).join('\n');
  return [texts.choicesTitle, list, texts.choicesPlainPrompt(entries.length)].join('\n\n');
}
