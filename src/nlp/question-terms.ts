import type { QuestionTermExtractor } from '../domain/insights/question-clustering';
import { GermanAnalyzer } from './german-analyzer';

/**
 * The content terms of a question for grouping similar questions: the stems of its words without
 * stop words and, where anything else is left, without weak words ("frage", "problem", "brauchen"),
 * which rarely decide the topic. "XRechnungen empfangen – wie?" and "xrechnung empfangen" give
 * the same terms.
 */
export class GermanQuestionTerms implements QuestionTermExtractor {
  constructor(private readonly analyzer: GermanAnalyzer = new GermanAnalyzer()) {}

  terms(text: string): string[] {
    const words = this.analyzer.tokenize(text).filter((token) => !token.stop);
    const strong = words.filter((token) => !token.weak);
    return [...new Set((strong.length > 0 ? strong : words).map((token) => token.stem))];
  }
}
