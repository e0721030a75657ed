import type { AnswerEngine, AnswerResult, Candidate, DecisionThresholds } from '../domain/knowledge/answer-engine';
import type { FaqEntry } from '../domain/knowledge/faq-entry';
import type { Thesaurus } from '../domain/knowledge/thesaurus';
import { createLogger } from '../logging/logger';
import {
  computeConfidence,
  decideOutcome,
  DEFAULT_CONFIDENCE_MODEL,
  DEFAULT_DECISION_THRESHOLDS,
  type ConfidenceModel,
  type DecisionFeatures,
} from './answer-decision';
import { Bm25fRanker, type ScoredDocument, type SearchStats } from './bm25f-ranker';
import { extractDocumentTerms } from './document-terms';
import { GermanAnalyzer } from './german-analyzer';
import { DEFAULT_BM25F, InvertedIndexBuilder, type Bm25fParams } from './inverted-index';
import { KnowledgeVocabulary } from './knowledge-vocabulary';
import { buildQuery, type QueryGroup } from './query-builder';

export interface FaqAnswerEngineOptions {
  /** Decision thresholds on the calibrated confidence; defaults chosen on the seed data. */
  readonly thresholds?: DecisionThresholds;
  /** Confidence model (logistic over score features); defaults fitted on the seed data. */
  readonly confidenceModel?: ConfidenceModel;
  /** Field weights and BM25 parameters. */
  readonly bm25f?: Bm25fParams;
}

/** The best candidates with the features behind the decision (for evaluation and tuning). */
export interface AnswerExplanation {
  readonly result: AnswerResult;
  readonly features: DecisionFeatures | null;
}

const MAX_CANDIDATES = 5;
const MAX_QUESTION_LENGTH = 2000;
/** A third choice is offered only when it scores at least this share of the best. */
const THIRD_CHOICE_RATIO = 0.75;
const NONE: AnswerResult = { outcome: 'none', candidates: [], choiceCount: 0 };

/**
 * The German FAQ answer engine: normalise, tokenise, stem, decompound, correct typos, expand the
 * thesaurus, rank with BM25F over an inverted index, and decide answer / choices / none from
 * calibrated score features.
 */
export class FaqAnswerEngine implements AnswerEngine {
  private readonly logger = createLogger('nlp');
  private readonly analyzer = new GermanAnalyzer();
  private readonly thresholds: DecisionThresholds;
  private readonly model: ConfidenceModel;
  private readonly bm25f: Bm25fParams;
  private vocabulary = new KnowledgeVocabulary(this.analyzer, { groups: [] });
  private index = new InvertedIndexBuilder().build(DEFAULT_BM25F);
  private ranker = new Bm25fRanker(this.index);

  constructor(options: FaqAnswerEngineOptions = {}) {
    this.thresholds = options.thresholds ?? DEFAULT_DECISION_THRESHOLDS;
    this.model = options.confidenceModel ?? DEFAULT_CONFIDENCE_MODEL;
    this.bm25f = options.bm25f ?? DEFAULT_BM25F;
  }

  get size(): number {
    return this.index.documentCount;
  }

  /** What the last `answer()` touched in the index. */
  get lastSearchStats(): Readonly<SearchStats> {
    return this.ranker.lastStats;
  }

  load(entries: readonly FaqEntry[], thesaurus: Thesaurus): void {
    const started = performance.now();
    const vocabulary = new KnowledgeVocabulary(this.analyzer, thesaurus);
    const fieldTokens = entries.map((entry) => fieldTexts(entry).map((text) => vocabulary.addText(text)));
    vocabulary.seal();
    const builder = new InvertedIndexBuilder();
    entries.forEach((entry, i) => {
      const fields = fieldTokens[i] ?? [];
      builder.addDocument(
        entry.id,
        fields.map((tokens) => extractDocumentTerms(tokens, vocabulary)),
      );
    });
    const index = builder.build(this.bm25f);
    this.vocabulary = vocabulary;
    this.index = index;
    this.ranker = new Bm25fRanker(index);
    this.logger.debug({ entries: entries.length, buildMs: Math.round(performance.now() - started) }, 'answer index built');
  }

  answer(question: string): AnswerResult {
    return this.explain(question).result;
  }

  /** Like {@link answer}, with the decision features of the best candidate. Never throws. */
  explain(question: string): AnswerExplanation {
    try {
      const text = typeof question === 'string' ? question.slice(0, MAX_QUESTION_LENGTH) : '';
      const groups = buildQuery(text, this.vocabulary, this.index);
      const ranked = this.ranker.rank(groups, MAX_CANDIDATES);
      const best = ranked[0];
      if (!best || best.score <= 0) return { result: NONE, features: null };
      const candidates = ranked.map((scored) => this.toCandidate(groups, scored, best.score, ranked));
      const features = this.features(groups, best, ranked[1]);
      const confidence = candidates[0]?.confidence ?? 0;
      const outcome = decideOutcome(confidence, this.thresholds);
      const choiceCount = outcome === 'choices' ? countChoices(ranked) : 0;
      this.logger.debug({ outcome, confidence, topScore: best.score, groups: groups.length }, 'question ranked');
      return { result: { outcome, candidates, choiceCount }, features };
    } catch (error) {
      this.logger.error({ err: error instanceof Error ? error.name : 'unknown' }, 'answer failed; answering none');
      return { result: NONE, features: null };
    }
  }

  private toCandidate(groups: QueryGroup[], scored: ScoredDocument, bestScore: number, ranked: ScoredDocument[]): Candidate {
    const isBest = scored.score === bestScore && scored.doc === ranked[0]?.doc;
    const next = isBest ? ranked[1] : undefined;
    const features = this.features(groups, scored, next, isBest ? undefined : bestScore);
    return {
      entryId: this.index.idOf(scored.doc),
      score: scored.score,
      confidence: computeConfidence(features, this.model),
    };
  }

  private features(groups: QueryGroup[], scored: ScoredDocument, next?: ScoredDocument, bestScore?: number): DecisionFeatures {
    const coverage = this.ranker.coverage(groups, scored.doc);
    const margin =
      bestScore === undefined ? (scored.score - (next?.score ?? 0)) / scored.score : (scored.score - bestScore) / bestScore;
    return {
      normalisedScore: Math.min(1.5, scored.score / selfScore(groups, this.bm25f)),
      coverage: coverage.all,
      titleCoverage: coverage.title,
      margin,
      unknownShare: unknownShare(groups),
      strongestMiss: coverage.strongestMiss / this.index.unknownIdf,
      queryLength: Math.min(1, groups.length / 20),
    };
  }
}

/** The texts of an entry in field order (see FIELD_NAMES). */
function fieldTexts(entry: FaqEntry): string[] {
  return [entry.question, entry.alternativeQuestions.join('\n'), entry.tags.join('\n'), entry.category, entry.answer];
}

/** Score of a document that matched every query word once in its question (at average length). */
function selfScore(groups: readonly QueryGroup[], params: Bm25fParams): number {
  const weight = params.fields.question.weight;
  const impact = weight / (params.k1 + weight);
  let sum = 0;
  for (const group of groups) sum += group.weight * group.idf * impact;
  return sum > 0 ? sum : 1;
}

function unknownShare(groups: readonly QueryGroup[]): number {
  let total = 0;
  let unknown = 0;
  for (const group of groups) {
    total += group.weight * group.idf;
    if (group.unknown) unknown += group.weight * group.idf;
  }
  return total > 0 ? unknown / total : 0;
}

function countChoices(ranked: readonly ScoredDocument[]): number {
  const best = ranked[0]?.score ?? 0;
  const third = ranked[2]?.score ?? 0;
  if (ranked.length >= 3 && third >= THIRD_CHOICE_RATIO * best) return 3;
  return Math.min(2, ranked.length);
}
