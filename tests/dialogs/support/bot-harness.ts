import { ConversationState, MemoryStorage, TestAdapter, UserState, type Activity } from 'botbuilder';
import { createBot } from '../../../src/bot/create-bot';
import type { AdaptiveCard, SubmitAction } from '../../../src/bot/cards/adaptive-card';
import { createOnTurnError } from '../../../src/bot/on-turn-error';
import type { TicketBotDeps } from '../../../src/bot/tickets/ticket-bot-deps';
import { KnowledgeService } from '../../../src/domain/knowledge/knowledge.service';
import { configureLogger } from '../../../src/logging/logger';
import { answerResult, candidate, choicesResult, FakeAnswerEngine, noneResult } from '../../support/fakes/fake-answer-engine';
import { InMemoryKnowledgeRepository } from '../../support/fakes/in-memory-knowledge-repository';
import { InMemoryQuestionLog } from '../../support/fakes/in-memory-question-log';
import { KeywordIntentClassifier } from '../../support/fakes/keyword-intent-classifier';
import { SAMPLE_FAQ } from '../../support/fakes/sample-faq';

/** The user story's question: a clear answer (kb-001) with two weaker candidates. */
export const CLEAR_QUESTION = 'wir müssen xrechnungen empfangen – wie geht das technisch?';
/** Ambiguous: kb-001, kb-002, kb-003 as choices. */
export const AMBIGUOUS_QUESTION = 'xrechnung';
/** A follow-up with a clear answer (kb-010). */
export const FOLLOW_UP_QUESTION = 'was brauchen wir für die bundid?';
/** Not covered by the knowledge base. */
export const OFF_TOPIC_QUESTION = 'Wie backe ich einen Marmorkuchen?';
/** Makes the engine throw. */
export const FAILING_QUESTION = 'dieser satz bringt die suche zum absturz';

export const ADAPTIVE_CARD = 'application/vnd.microsoft.card.adaptive';

export interface Harness {
  readonly adapter: TestAdapter;
  readonly engine: FakeAnswerEngine;
  readonly questionLog: InMemoryQuestionLog;
  readonly intents: KeywordIntentClassifier;
  readonly storage: MemoryStorage;
  readonly knowledge: KnowledgeService;
}

/** What a harness adds to `createBot`'s dependencies (tickets; the storage's backing object to snapshot it). */
export interface HarnessOptions {
  readonly tickets?: TicketBotDeps;
  /** The object MemoryStorage keeps its items in (JSON strings by key). */
  readonly memory?: Record<string, string>;
}

/**
 * Lotse as `createBot` builds it, on botbuilder's TestAdapter, with fakes for the engine, intent
 * classifier and question log, MemoryStorage for state, and question ids q-1, q-2, ...
 * `template` is merged into every incoming activity (e.g. `{ channelId: 'sms' }`).
 */
export async function createHarness(template?: Partial<Activity>, options: HarnessOptions = {}): Promise<Harness> {
  configureLogger('silent');
  const engine = new FakeAnswerEngine()
    .script(CLEAR_QUESTION, answerResult('kb-001', candidate('kb-002', 3.1), candidate('kb-003', 2.4)))
    .script(AMBIGUOUS_QUESTION, choicesResult('kb-001', 'kb-002', 'kb-003'))
    .script(FOLLOW_UP_QUESTION, answerResult('kb-010'))
    .script(OFF_TOPIC_QUESTION, noneResult('kb-010'))
    .failOn(FAILING_QUESTION);
  const knowledge = new KnowledgeService(new InMemoryKnowledgeRepository(SAMPLE_FAQ), engine);
  await knowledge.reload();
  const questionLog = new InMemoryQuestionLog();
  const intents = new KeywordIntentClassifier();
  const storage = new MemoryStorage(options.memory);
  const conversationState = new ConversationState(storage);
  const userState = new UserState(storage);
  let nextId = 0;
  const bot = createBot({
    conversationState,
    userState,
    knowledge,
    intents,
    questionLog,
    categories: () => knowledge.categories(),
    tickets: options.tickets,
    clock: () => new Date('2026-03-02T10:00:00.000Z'),
    idGenerator: () => `q-${++nextId}`,
  });
  const adapter = new TestAdapter((context) => bot.run(context), template);
  adapter.onTurnError = createOnTurnError({ conversationState });
  return { adapter, engine, questionLog, intents, storage, knowledge };
}

/** A message activity as a user sends it (locale optional: absent means the channel sent none). */
export function message(text: string, extra: Partial<Activity> = {}): Partial<Activity> {
  return { type: 'message', text, ...extra };
}

/** What an Action.Submit button sends: a message without text whose value is the button's data. */
export function submit(value: unknown, extra: Partial<Activity> = {}): Partial<Activity> {
  return { type: 'message', text: '', value, ...extra };
}

/** The Adaptive Card of a reply; fails when the reply has none. */
export function cardOf(activity: Partial<Activity>): AdaptiveCard {
  const attachment = activity.attachments?.[0];
  expect(attachment?.contentType).toBe(ADAPTIVE_CARD);
  return attachment?.content as AdaptiveCard;
}

/** Every text a user sees on a card: TextBlocks, facts, input labels and choices, button titles. */
export function cardText(card: AdaptiveCard): string {
  const parts: string[] = [];
  for (const element of card.body) {
    if (element.type === 'TextBlock') parts.push(element.text);
    else if (element.type === 'FactSet') for (const fact of element.facts) parts.push(`${fact.title}: ${fact.value}`);
    else if (element.type === 'Input.Text') parts.push(element.label);
    else if (element.type === 'Input.ChoiceSet') parts.push(element.label, ...element.choices.map((choice) => choice.title));
    else for (const action of element.actions) parts.push(action.title);
  }
  for (const action of card.actions) parts.push(action.title);
  return parts.join('\n');
}

/** The submit button with this title. */
export function button(card: AdaptiveCard, title: string): SubmitAction {
  const found = card.actions.find((action) => action.title === title);
  if (!found) throw new TypeError(`no button "${title}" on the card; buttons: ${card.actions.map((a) => a.title).join(', ')}`);
  return found;
}

/** Runs a whole exchange and returns the replies of each user activity (empty array = no reply). */
export async function converse<T extends (string | Partial<Activity>)[]>(
  harness: Harness,
  ...activities: T
): Promise<{ [K in keyof T]: Partial<Activity>[] }> {
  const replies: Partial<Activity>[][] = [];
  for (const activity of activities) {
    await harness.adapter.processActivity(typeof activity === 'string' ? message(activity) : activity);
    replies.push(harness.adapter.activeQueue.splice(0));
  }
  return replies as { [K in keyof T]: Partial<Activity>[] };
}
