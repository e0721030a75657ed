import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { postToBot, teamsMessage } from '../support/activities';
import { FakeConnector } from '../support/fake-connector';
import { captureLogs, capturedLogs, startTestLotse } from '../support/start-test-lotse';

captureLogs();

/** A port on 127.0.0.1 where nothing listens. */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

describe('start-up and shutdown', () => {
  it('imports the seed knowledge into an empty store at start', async () => {
    const app = await startTestLotse();
    try {
      await app.lotse.ready;
      expect(app.lotse.knowledge?.publishedCount).toBeGreaterThanOrEqual(80);
      expect(await app.lotse.store!.collection('faq_entries').countDocuments({})).toBeGreaterThanOrEqual(80);
    } finally {
      await app.dispose();
    }
  });

  it('refuses a second process on the same embedded data directory', async () => {
    const first = await startTestLotse();
    try {
      await first.lotse.ready;
      await expect(startTestLotse({ DATA_DIR: first.dataDir })).rejects.toMatchObject({ code: 'STORE_LOCKED' });
    } finally {
      await first.dispose();
    }
  });

  it('keeps running with /readyz false and retries while MongoDB is unreachable, and stops promptly', async () => {
    const port = await closedPort();
    const app = await startTestLotse({ MONGODB_URI: `mongodb://127.0.0.1:${port}/lotse`, MONGODB_SERVER_SELECTION_TIMEOUT_MS: '300' });
    try {
      expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 1500));
      const ready = await fetch(`${app.url}/readyz`);
      expect(ready.status).toBe(503);
      expect(await ready.json()).toMatchObject({ status: 'not_ready', checks: { store: false } });
      const attempts = capturedLogs.filter((line) => line.includes(`127.0.0.1:${port}`) || /retry/i.test(line));
      expect(attempts.length).toBeGreaterThanOrEqual(2);
      const refused = await postToBot(app.url, teamsMessage('http://127.0.0.1:9', 'Was ist die BundID?'));
      expect(refused.status).toBe(503);
    } finally {
      const started = Date.now();
      await app.dispose();
      expect(Date.now() - started).toBeLessThan(3000);
    }
  });

  it('finishes a running turn on shutdown and refuses new connections afterwards', async () => {
    const connector = new FakeConnector();
    const serviceUrl = await connector.start();
    const app = await startTestLotse();
    try {
      await app.lotse.ready;
      connector.delayMs = 800;
      const activity = teamsMessage(serviceUrl, 'Was ist die BundID?');
      const conversationId = (activity.conversation as { id: string }).id;
      const inFlight = postToBot(app.url, activity);
      await new Promise((resolve) => setTimeout(resolve, 200));
      const stopped = app.lotse.stop();
      const response = await inFlight;
      expect(response.status).toBe(200);
      expect(connector.sentTo(conversationId).length).toBeGreaterThan(0);
      await stopped;
      await expect(fetch(`${app.url}/healthz`)).rejects.toThrow();
    } finally {
      await app.dispose();
      await connector.stop();
    }
  });
});
