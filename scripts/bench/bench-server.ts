/**
 * A server process for the HTTP benchmark: `lotse` (the real application on a temporary embedded
 * store) or `echo` (a bare echo bot on the same restify + CloudAdapter stack: the ceiling).
 * Prints one JSON line `{ "url": ... }` when it listens; stops on SIGTERM.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ActivityHandler } from 'botbuilder';
import { isAuthenticationError, LotseAdapter } from '../../src/bot/bot-adapter';
import { loadConfig } from '../../src/config/config';
import { registerMessagesRoute } from '../../src/http/messages.routes';
import { createHttpServer, listen } from '../../src/http/server';
import { TurnTracker } from '../../src/http/turn-tracker';
import { configureLogger } from '../../src/logging/logger';
import { startLotse } from '../../src/main';

async function startEcho(): Promise<{ url: string; stop: () => Promise<void> }> {
  const config = loadConfig({ PORT: '0' });
  const adapter = new LotseAdapter(config.bot);
  const bot = new ActivityHandler().onMessage(async (context, next) => {
    await context.sendActivity(`Echo: ${context.activity.text ?? ''}`);
    await next();
  });
  const server = createHttpServer({ maxBodyBytes: config.server.maxBodyBytes });
  registerMessagesRoute(server, {
    processor: {
      isReady: () => true,
      process: (authHeader, activity) => adapter.processValidatedActivity(authHeader, activity, (context) => bot.run(context)),
      isAuthenticationError,
    },
    allowedTenantIds: [],
    turns: new TurnTracker(),
  });
  const address = await listen(server, '127.0.0.1', 0);
  return { url: `http://127.0.0.1:${address.port}`, stop: async () => void server.close() };
}

async function startLotseServer(): Promise<{ url: string; stop: () => Promise<void> }> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'lotse-bench-'));
  const lotse = await startLotse(
    loadConfig({ PORT: '0', DATA_DIR: dataDir, KNOWLEDGE_DIR: path.resolve(__dirname, '../../../knowledge'), LOG_LEVEL: 'silent' }),
  );
  await lotse.ready;
  return {
    url: lotse.url,
    stop: async () => {
      await lotse.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function main(): Promise<void> {
  configureLogger('silent');
  const kind = process.argv[2];
  const server = kind === 'echo' ? await startEcho() : await startLotseServer();
  process.stdout.write(`${JSON.stringify({ url: server.url })}\n`);
  process.once('SIGTERM', () => void server.stop().then(() => process.exit(0)));
}

void main();
