import path from 'node:path';
import type { Config } from './config/config';
import { loadConfig, redactConfig } from './config/config';
import { isAuthenticationError, LotseAdapter } from './bot/bot-adapter';
import { createBot, createOnTurnError, createTicketBotParts } from './bot';
import type { TicketBotDeps } from './bot/tickets/ticket-bot-deps';
import { isAppError } from './domain/errors';
import { importKnowledge } from './domain/knowledge/knowledge-import.service';
import { KnowledgeEditorService } from './domain/knowledge/knowledge-editor.service';
import { KnowledgeSync } from './domain/knowledge/knowledge-sync';
import { KnowledgeService } from './domain/knowledge/knowledge.service';
import { dashboardFeatureRoutes } from './dashboard-features';
import { dashboardRoutes } from './http/dashboard/dashboard-routes';
import { registerDashboard } from './http/dashboard/register-dashboard';
import { registerHealthRoutes } from './http/health.routes';
import type { TurnContext } from 'botbuilder';
import { ConversationState, UserState } from 'botbuilder';
import { registerMessagesRoute } from './http/messages.routes';
import { closeServer, createHttpServer, finishClosing, listen } from './http/server';
import { TurnTracker } from './http/turn-tracker';
import { configureLogger, createLogger } from './logging/logger';
import { FaqAnswerEngine } from './nlp/faq-answer-engine';
import { ExampleIntentClassifier } from './nlp/intent-classifier';
import { loadIntentsFile, loadThesaurusFile } from './nlp/knowledge-data.loader';
import { DocumentBotStateStorage } from './storage/bot-state.storage';
import { openDocumentStore } from './storage/create-document-store';
import { DocumentDashboardSessionRepository } from './storage/dashboard-session.repository';
import { deferDocumentStore } from './storage/deferred-document-store';
import type { DocumentStore } from './storage/document-store';
import { loadKnowledgeDirectory } from './storage/knowledge-files.loader';
import { DocumentKnowledgeRepository } from './storage/knowledge.repository';
import { DocumentKnowledgeRevision } from './storage/knowledge-revision.store';
import { DocumentKnowledgeVersionRepository } from './storage/knowledge-version.repository';
import { DocumentPendingSignInRepository } from './storage/pending-sign-in.repository';
import { DocumentQuestionLog } from './storage/question-log.repository';
import { createTicketRuntime, type TicketRuntime } from './ticket-runtime';

/** A running Lotse instance. */
export interface RunningLotse {
  /** Base URL, e.g. http://127.0.0.1:3978 */
  readonly url: string;
  /** Resolves when the store is reachable and knowledge is loaded (the bot then answers). */
  readonly ready: Promise<void>;
  readonly knowledge: KnowledgeService | undefined;
  /** The document store once open (for operations tooling and tests). */
  readonly store: DocumentStore | undefined;
  /** The ticket desk and its delivery jobs once ready (for operations tooling and tests). */
  readonly tickets: TicketRuntime | undefined;
  /** Graceful shutdown: stop accepting, finish running turns, flush and close the store. */
  stop(): Promise<void>;
}

/**
 * The composition root: config -> stores -> services -> server. The HTTP server listens at once;
 * the store (with retries for MongoDB) and the knowledge come up behind it, `/readyz` tells when.
 */
export async function startLotse(config: Config): Promise<RunningLotse> {
  const log = createLogger('lifecycle');
  const adapter = new LotseAdapter(config.bot);
  const turns = new TurnTracker();
  const abort = new AbortController();
  let store: DocumentStore | undefined;
  let knowledge: KnowledgeService | undefined;
  let tickets: TicketRuntime | undefined;
  let turnHandler: ((context: TurnContext) => Promise<void>) | null = null;

  const server = createHttpServer({ maxBodyBytes: config.server.maxBodyBytes });
  registerHealthRoutes(server, async () => ({
    store: store !== undefined && (await store.ping().then(() => true, () => false)),
    knowledge: knowledge?.isReady === true,
  }));
  registerMessagesRoute(server, {
    processor: {
      isReady: () => turnHandler !== null,
      process: (authHeader, activity) => adapter.processValidatedActivity(authHeader, activity, (context) => turnHandler!(context)),
      isAuthenticationError,
    },
    allowedTenantIds: config.bot.allowedTenantIds,
    turns,
  });
  // Everything below works over the store as soon as it is open (MongoDB may still be connecting:
  // until then the dashboard answers 503 and /api/messages 503).
  const lateStore = deferDocumentStore(() => store);
  const knowledgeDir = path.resolve(config.knowledge.dir);
  const knowledgeRepository = new DocumentKnowledgeRepository(lateStore);
  const engine = new FaqAnswerEngine({
    thresholds: { answer: config.knowledge.answerThreshold, choices: config.knowledge.choicesThreshold },
  });
  const service = new KnowledgeService(knowledgeRepository, engine);
  const revision = new DocumentKnowledgeRevision(lateStore);
  const sync = new KnowledgeSync(service, revision, {
    onError: (error) => log.warn({ code: isAppError(error) ? error.code : 'UNKNOWN' }, 'knowledge sync failed, will retry'),
  });
  const editor = new KnowledgeEditorService({
    entries: knowledgeRepository,
    versions: new DocumentKnowledgeVersionRepository(lateStore),
    revision,
    onChanged: (changed) => sync.applyLocalChange(changed),
  });
  const ticketRuntime = createTicketRuntime(lateStore, config);
  registerDashboard(server, {
    config: config.dashboard,
    listenHost: config.server.host,
    sessions: new DocumentDashboardSessionRepository(lateStore),
    signIns: new DocumentPendingSignInRepository(lateStore),
    routes: dashboardRoutes(
      dashboardFeatureRoutes({
        store: lateStore,
        knowledge: service,
        knowledgeRepository,
        editor,
        desk: ticketRuntime.desk,
        municipalities: [...new Set(Object.values(config.tickets.municipalityByTenant))],
        timeZone: 'Europe/Berlin',
      }),
    ),
  });

  // The embedded store is local: open it (and take its lock) before listening, so that a second
  // process on the same data directory fails at once. MongoDB may be down: connect behind the server.
  const embeddedStore = config.store.mongodbUri ? undefined : await openDocumentStore(config.store);
  const ready = (async () => {
    store = embeddedStore ?? (await openDocumentStore(config.store, abort.signal));
    if ((await knowledgeRepository.count()) === 0) {
      const entries = await loadKnowledgeDirectory(knowledgeDir);
      const report = await importKnowledge(knowledgeRepository, entries, loadThesaurusFile(path.join(knowledgeDir, 'thesaurus.json')));
      log.info({ created: report.created.length }, 'empty store: imported the seed knowledge');
    }
    // Loads the knowledge, then follows changes made through any instance sharing the store.
    await sync.start();
    const published = service.publishedCount;
    const intents = new ExampleIntentClassifier(loadIntentsFile(path.join(knowledgeDir, 'intents.json')));
    const botState = new DocumentBotStateStorage(store);
    const conversationState = new ConversationState(botState);
    adapter.onTurnError = createOnTurnError({ conversationState });
    const ticketDeps: TicketBotDeps = {
      desk: ticketRuntime.desk,
      channels: ticketRuntime.channels,
      cards: ticketRuntime.cards,
      botAppId: adapter.proactiveAppId,
      municipalityByTenant: config.tickets.municipalityByTenant,
    };
    const ticketParts = createTicketBotParts({ tickets: ticketDeps, adapter, conversationState, entryTitle: (id) => service.getEntry(id)?.question });
    const bot = createBot({
      conversationState,
      userState: new UserState(botState),
      knowledge: service,
      intents,
      questionLog: new DocumentQuestionLog(store),
      categories: () => service.categories(),
      tickets: ticketDeps,
      advisors: ticketParts.advisorTurns,
    });
    if (abort.signal.aborted) return;
    ticketRuntime.start(ticketParts.notifier);
    tickets = ticketRuntime;
    knowledge = service;
    turnHandler = (context) => bot.run(context);
    log.info({ published, backend: store.kind }, 'Lotse is ready');
  })();
  // Start-up failures after listening are logged; /readyz stays false (stop() still works).
  ready.catch((error: unknown) => {
    if (!abort.signal.aborted) log.error({ code: isAppError(error) ? error.code : 'UNKNOWN', err: error }, 'start-up failed');
  });

  const address = await listen(server, config.server.host, config.server.port);
  const url = `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`;
  log.info({ url }, 'listening');

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      abort.abort();
      const closed = closeServer(server);
      const { timedOut } = await turns.drain(config.server.shutdownTimeoutMs);
      if (timedOut) log.warn({ inFlight: turns.inFlight }, 'shutdown timeout: turns still running');
      await finishClosing(server, closed);
      await ready.catch(() => undefined);
      await Promise.all([tickets?.stop(), sync.stop()]);
      await store?.close();
      log.info('stopped');
    })();
    return stopping;
  };
  return {
    url,
    ready,
    get knowledge() {
      return knowledge;
    },
    get store() {
      return store;
    },
    get tickets() {
      return tickets;
    },
    stop,
  };
}

/** Process entry: load config, start, and stop gracefully on SIGTERM/SIGINT. */
async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(78);
  }
  configureLogger(config.logLevel);
  const log = createLogger('lifecycle');
  log.info({ config: redactConfig(config) }, 'starting Lotse');
  const lotse = await startLotse(config);
  const shutdown = (signal: string) => {
    log.info({ signal }, 'shutting down');
    void lotse.stop().then(() => process.exit(0));
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

if (require.main === module) {
  main().catch((error: unknown) => {
    createLogger('lifecycle').fatal({ code: isAppError(error) ? error.code : 'UNKNOWN', err: error }, 'Lotse could not start');
    process.exit(1);
  });
}
