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
import { Bm25fRanker, type DocumentCoverage, type ScoredDocument, type SearchStats } from './bm25f-ranker';
import { extractDocumentTerms } from './document-terms';
import { sharedGermanAnalyzer } from './german-analyzer';
import { DEFAULT_BM25F, InvertedIndexBuilder, type Bm25fParams } from './inverted-index';
import { KnowledgeVocabulary } from './knowledge-vocabulary';
import { QueryBuilder, type QueryGroup } from './query-builder';

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
/** Distinct matched query words at which the `matchedWords` feature saturates. */
const MATCHED_WORDS_SCALE = 10;
/** Lead in distinct matched query words (over the rival) at which `matchedWordLead` saturates. */
const MATCHED_WORD_LEAD_SCALE = 4;
const NONE: AnswerResult = { outcome: 'none', candidates: [], choiceCount: 0 };

/**
 * The German FAQ answer engine: normalise, tokenise, stem, decompound, correct typos, expand the
 * thesaurus, rank with BM25F over an inverted index, and decide answer / choices / none from
 * calibrated score features.
 */
export class FaqAnswerEngine implements AnswerEngine {
  private readonly logger = createLogger('nlp');
  private readonly analyzer = sharedGermanAnalyzer;
  private readonly thresholds: DecisionThresholds;
  private readonly model: ConfidenceModel;
  private readonly bm25f: Bm25fParams;
  private index = new InvertedIndexBuilder().build(DEFAULT_BM25F);
  private queries = new QueryBuilder(new KnowledgeVocabulary(this.analyzer, { groups: [] }), this.index);
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
    this.queries = new QueryBuilder(vocabulary, index);
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
      const groups = this.queries.build(text);
      const ranked = this.ranker.rank(groups, MAX_CANDIDATES);
      const best = ranked[0];
      if (!best || best.score <= 0) return { result: NONE, features: null };
      const coverages = new Map<number, DocumentCoverage>();
      const coverageOf = (doc: number): DocumentCoverage => {
        let coverage = coverages.get(doc);
        if (!coverage) {
          coverage = this.ranker.coverage(groups, doc);
          coverages.set(doc, coverage);
        }
        return coverage;
      };
      const features = ranked.map((scored, rank) =>
        rank === 0 ? this.features(groups, scored, coverageOf, ranked[1]) : this.features(groups, scored, coverageOf, best, true),
      );
      const candidates: Candidate[] = ranked.map((scored, rank) => ({
        entryId: this.index.idOf(scored.doc),
        score: scored.score,
        confidence: computeConfidence(features[rank] as DecisionFeatures, this.model),
      }));
      const confidence = candidates[0]?.confidence ?? 0;
      const outcome = decideOutcome(confidence, this.thresholds);
      const choiceCount = outcome === 'choices' ? countChoices(ranked) : 0;
      this.logger.debug({ outcome, confidence, topScore: best.score, groups: groups.length }, 'question ranked');
      return { result: { outcome, candidates, choiceCount }, features: features[0] ?? null };
    } catch (error) {
      this.logger.error({ err: error instanceof Error ? error.name : 'unknown' }, 'answer failed; answering none');
      return { result: NONE, features: null };
    }
  }

  /**
   * Features of a candidate against a rival: for the best candidate the runner-up, for the others
   * the best candidate (then margin and word lead are negative or zero).
   */
  private features(
    groups: QueryGroup[],
    scored: ScoredDocument,
    coverageOf: (doc: number) => DocumentCoverage,
    rival: ScoredDocument | undefined,
    rivalIsBest = false,
  ): DecisionFeatures {
    const coverage = coverageOf(scored.doc);
    const rivalScore = rival?.score ?? 0;
    const margin = rivalIsBest ? (scored.score - rivalScore) / rivalScore : (scored.score - rivalScore) / scored.score;
    const rivalWords = rival ? coverageOf(rival.doc).matchedWords : 0;
    return {
      normalisedScore: Math.min(1.5, scored.score / selfScore(groups, this.bm25f)),
      coverage: coverage.all,
      titleCoverage: coverage.title,
      margin,
      unknownShare: unknownShare(groups),
      strongestMiss: coverage.strongestMiss / this.index.unknownIdf,
      queryLength: Math.min(1, groups.length / 20),
      matchedWords: Math.min(1, coverage.matchedWords / MATCHED_WORDS_SCALE),
      matchedWordLead: Math.max(-1, Math.min(1, (coverage.matchedWords - rivalWords) / MATCHED_WORD_LEAD_SCALE)),
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
    else unknown += group.weight * group.idf * group.missingPartShare;
  }
  return total > 0 ? unknown / total : 0;
}

function countChoices(ranked: readonly ScoredDocument[]): number {
  const best = ranked[0]?.score ?? 0;
  const third = ranked[2]?.score ?? 0;
  if (ranked.length >= 3 && third >= THIRD_CHOICE_RATIO * best) return 3;
  return Math.min(2, ranked.length);
}
