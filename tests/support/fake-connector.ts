import { randomUUID } from 'node:crypto';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One call the bot made to the Bot Framework connector. */
export interface ConnectorCall {
  readonly method: string;
  readonly conversationId: string;
  /** The activity id in the URL (reply-to for POST, the updated activity for PUT). */
  readonly activityId: string | undefined;
  readonly activity: Record<string, unknown>;
}

/**
 * A stand-in for the Bot Framework connector service (what Teams' `serviceUrl` points at), on
 * 127.0.0.1. It accepts `POST /v3/conversations/:id/activities[/:id]` and `PUT .../activities/:id`
 * the way the real service does, answering `{ id }`, and records every call.
 */
export class FakeConnector {
  readonly calls: ConnectorCall[] = [];
  /** Delay before answering each call, to make turns slow (e.g. for shutdown tests). */
  delayMs = 0;
  private server: Server | undefined;
  private waiters: Array<() => void> = [];

  async start(): Promise<string> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    const { port } = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${port}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** Activities the bot sent into one conversation, in order. */
  sentTo(conversationId: string): Array<Record<string, unknown>> {
    return this.calls.filter((call) => call.conversationId === conversationId).map((call) => call.activity);
  }

  /** Resolves once `predicate` holds for the recorded calls; rejects after `timeoutMs`. */
  async waitFor(predicate: (calls: readonly ConnectorCall[]) => boolean, timeoutMs = 5000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate(this.calls)) {
      const remaining = deadline - Date.now();
      if (remaining <= 0) throw new Error(`FakeConnector: condition not met within ${timeoutMs} ms (${this.calls.length} calls)`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(remaining, 100));
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const match = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/?]+))?/.exec(req.url ?? '');
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    if (!match || (req.method !== 'POST' && req.method !== 'PUT')) {
      res.statusCode = 404;
      res.end();
      return;
    }
    const activity = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>;
    this.calls.push({
      method: req.method,
      conversationId: decodeURIComponent(match[1] ?? ''),
      activityId: match[2] ? decodeURIComponent(match[2]) : undefined,
      activity,
    });
    if (this.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.delayMs));
    const waiters = this.waiters;
    this.waiters = [];
    for (const waiter of waiters) waiter();
    // restify (loaded in the same process) patches ServerResponse.writeHead, so no chaining here.
    res.statusCode = 200;
    res.setHeader('Content-Type', 'application/json');
    res.end(JSON.stringify({ id: randomUUID() }));
  }
}
