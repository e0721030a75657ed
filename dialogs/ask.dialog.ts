import type { TurnContext } from 'botbuilder';
import type { AnswerResult } from '../src/domain/knowledge/answer-engine';
import type { FaqEntry } from '../src/domain/knowledge/faq-entry';
import type { Intent, IntentMatch } from '../src/domain/knowledge/intent';
import type { QuestionRecord } from '../src/domain/knowledge/question-log';
import { createLogger, type Logger } from '../src/logging/logger';
import { errorCodeOf } from '../src/bot/error-code';
import { answerReply, choicesReply, noAnswerReply } from '../src/bot/replies';
import { textsFor, type BotTexts } from '../src/bot/texts';
import type { TurnFacts } from '../src/bot/turn-facts';
import { ASK_DIALOG_ID, HANDOFF_DIALOG_ID, type DialogDeps } from './dialog-deps';
import { HANDOFF_INTENTS } from './handoff.dialog';
import { SingleTurnDialog, type Handover } from './single-turn.dialog';
import { isPersonalChat } from './ticket-dialog-support';

export interface AskOptions {
  readonly facts: TurnFacts;
  /** The cleaned question text. */
  readonly text: string;
}

/** What Lotse shows for an FAQ question. */
type Shown =
  | { readonly outcome: 'answer'; readonly entry: FaqEntry }
  | { readonly outcome: 'choices'; readonly entries: readonly FaqEntry[] }
  | { readonly outcome: 'none' };

const SMALL_TALK: Partial<Record<Intent, (texts: BotTexts) => string>> = {
  greeting: (texts) => texts.greeting,
  thanks: (texts) => texts.thanks,
  help: (texts) => texts.help,
  goodbye: (texts) => texts.goodbye,
};

/** Candidates kept on the question record (the engine returns at most 5). */
const RECORDED_CANDIDATES = 5;

/**
 * One question: small talk and commands first (intents), otherwise the FAQ — an answer card, a
 * choice of 2-3 entries, or an honest "no answer". Every question is recorded in the question log,
 * while the reply is sent; a recording failure is logged and never keeps the user from the answer.
 */
export class AskDialog extends SingleTurnDialog<AskOptions> {
  private readonly logger: Logger;

  constructor(private readonly deps: DialogDeps) {
    super(ASK_DIALOG_ID);
    this.logger = createLogger('dialog');
  }

  override async runTurn(context: TurnContext, options?: AskOptions): Promise<Handover | null> {
    if (!options) return null;
    // A new question replaces whatever typed reply Lotse was waiting for.
    await this.deps.pending.delete(context);
    const match = this.deps.intents.classify(options.text);
    if (match && (HANDOFF_INTENTS.has(match.intent) || SMALL_TALK[match.intent])) {
      return this.replyToIntent(context, options, match);
    }
    await this.answerFromFaq(context, options);
    return null;
  }

  /** Small talk is answered here; a handoff intent goes to the handoff dialog once the question is recorded. */
  private async replyToIntent(context: TurnContext, { facts, text }: AskOptions, match: IntentMatch): Promise<Handover | null> {
    const questionId = this.deps.idGenerator();
    const recorded = this.record(this.questionRecord(questionId, facts, text, { outcome: 'intent', intent: match.intent }));
    this.logger.info({ questionId, outcome: 'intent', intent: match.intent, confidence: match.confidence }, 'intent recognised');
    if (HANDOFF_INTENTS.has(match.intent)) {
      await recorded;
      return { dialogId: HANDOFF_DIALOG_ID, options: { facts, intent: match.intent } };
    }
    try {
      const reply = SMALL_TALK[match.intent];
      if (reply) await context.sendActivity(reply(textsFor(facts.locale)));
    } finally {
      await recorded;
    }
    return null;
  }

  private async answerFromFaq(context: TurnContext, { facts, text }: AskOptions): Promise<void> {
    const { result, entries } = this.deps.knowledge.ask(text);
    const shown = decideShown(result, entries);
    const questionId = this.deps.idGenerator();
    const recorded = this.record(
      this.questionRecord(questionId, facts, text, {
        outcome: shown.outcome,
        candidates: result.candidates.slice(0, RECORDED_CANDIDATES),
        answeredEntryId: shown.outcome === 'answer' ? shown.entry.id : null,
      }),
    );
    const top = result.candidates[0];
    this.logger.info(
      { questionId, outcome: shown.outcome, engineOutcome: result.outcome, topEntryId: top?.entryId, topScore: top?.score, topConfidence: top?.confidence },
      'question answered',
    );

    try {
      await this.show(context, facts, shown, questionId);
    } finally {
      await recorded;
    }
  }

  private async show(context: TurnContext, facts: TurnFacts, shown: Shown, questionId: string): Promise<void> {
    const handoff = this.deps.tickets !== undefined && isPersonalChat(context.activity);
    if (shown.outcome === 'answer') {
      await context.sendActivity(answerReply(shown.entry, questionId, facts, { handoff }));
      await this.deps.pending.set(context, { kind: 'feedback', userId: facts.userId, questionId, entryId: shown.entry.id });
    } else if (shown.outcome === 'choices') {
      await context.sendActivity(choicesReply(shown.entries, questionId, facts, { handoff }));
      const entryIds = shown.entries.map((entry) => entry.id);
      await this.deps.pending.set(context, { kind: 'choices', userId: facts.userId, questionId, entryIds });
    } else {
      await context.sendActivity(noAnswerReply(questionId, facts, { handoff }));
      // "ja" forwards the question to the advisors (the plain-text twin of the button).
      if (handoff) await this.deps.pending.set(context, { kind: 'handoff', userId: facts.userId, questionId });
    }
  }

  private questionRecord(id: string, facts: TurnFacts, text: string, what: Partial<QuestionRecord> & Pick<QuestionRecord, 'outcome'>): QuestionRecord {
    return {
      id,
      askedAt: this.deps.clock().toISOString(),
      conversationId: facts.conversationId,
      userId: facts.userId,
      locale: facts.locale,
      text,
      intent: null,
      candidates: [],
      answeredEntryId: null,
      feedback: null,
      feedbackAt: null,
      ...what,
    };
  }

  /**
   * Records the question; never rejects. Started before the reply is sent and awaited before the
   * step ends, so the insert runs alongside the reply and the turn still ends only once it is done.
   */
  private async record(question: QuestionRecord): Promise<void> {
    try {
      await this.deps.questionLog.record(question);
    } catch (error) {
      this.logger.error({ questionId: question.id, errorCode: errorCodeOf(error) }, 'question not recorded');
    }
  }
}

/**
 * Turns the engine's decision into what is shown, using only entries that are still published:
 * choices that shrink to one entry become that answer, and an answer whose entry is gone is "none".
 */
function decideShown(result: AnswerResult, entries: ReadonlyMap<string, FaqEntry>): Shown {
  const known = (count: number): FaqEntry[] =>
    result.candidates
      .slice(0, count)
      .map((candidate) => entries.get(candidate.entryId))
      .filter((entry): entry is FaqEntry => entry !== undefined);
  if (result.outcome === 'answer') {
    const [entry] = known(1);
    return entry ? { outcome: 'answer', entry } : { outcome: 'none' };
  }
  if (result.outcome === 'choices') {
    const offered = known(Math.min(Math.max(result.choiceCount, 2), 3));
    if (offered.length >= 2) return { outcome: 'choices', entries: offered };
    return offered[0] ? { outcome: 'answer', entry: offered[0] } : { outcome: 'none' };
  }
  return { outcome: 'none' };
}
