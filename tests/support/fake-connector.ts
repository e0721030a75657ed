import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { DirectoryAnswer, TeamsMember, TeamsTeam } from './fake-teams-directory';
import { FakeTeamsDirectory, channelOf } from './fake-teams-directory';
import { TEAMS_TENANT_ID } from './teams-activities';

/** The connector operation a call stands for, named like botbuilder's `ConnectorClient.conversations` methods. */
export type ConnectorOperation = 'createConversation' | 'sendToConversation' | 'replyToActivity' | 'updateActivity' | 'deleteActivity';

/** One call the bot made to the Bot Framework connector that carried (or deleted) an activity, and succeeded. */
export interface ConnectorCall {
  readonly method: string;
  readonly operation: ConnectorOperation;
  /** For `createConversation` the id of the new conversation (in a channel: `<channelId>;messageid=<resourceId>`). */
  readonly conversationId: string;
  /** The activity id in the URL (reply-to for POST, the updated activity for PUT). */
  readonly activityId: string | undefined;
  /** The id of the activity this call created (POST, create) or changed (PUT, DELETE). */
  readonly resourceId: string | undefined;
  readonly activity: Record<string, unknown>;
  /** `createConversation` only: the ConversationParameters without their `activity`. */
  readonly parameters?: Record<string, unknown>;
  /** Set when the call started a new thread in a channel: that thread's conversation id. */
  readonly threadId?: string;
}

/** Every HTTP request the fake received, including reads and the failures injected by `failNext`. */
export interface ConnectorRequest {
  readonly method: string;
  /** Decoded, e.g. `/v3/conversations/19:xyz@thread.tacv2;messageid=1/activities/1`. */
  readonly path: string;
  readonly status: number;
  readonly injected: boolean;
}

/** Options of one `failNext` rule. */
export interface FailureOptions {
  /** Sends `retry-after-ms`, which botbuilder's HTTP pipeline honours on 429/503 instead of its 0.5–4 s back-off. */
  readonly retryAfterMs?: number;
}

interface FailureRule {
  remaining: number;
  readonly status: number;
  readonly match: ((method: string, path: string) => boolean) | undefined;
  readonly options: FailureOptions;
}

interface Answer extends DirectoryAnswer {
  readonly headers?: Record<string, string>;
}

const CHANNEL_ID = /^19:.*@thread\.(?:tacv2|skype)$/;
const ACTIVITY_POSTS: readonly ConnectorOperation[] = ['createConversation', 'sendToConversation', 'replyToActivity'];
const errorBody = (code: string, message: string) => ({ error: { code, message } });

/**
 * A stand-in for the Bot Framework connector service (what Teams' `serviceUrl` points at), on
 * 127.0.0.1, answering the REST API v3 paths botbuilder's ConnectorClient and TeamsInfo call:
 * activities (POST, PUT, DELETE), `POST /v3/conversations`, members (single, list, paged) and
 * team details and channels. Records every call and can fail on purpose (`failNext`).
 */
export class FakeConnector {
  /** Activity calls that succeeded, in arrival order. */
  readonly calls: ConnectorCall[] = [];
  /** Every request, with the status the fake answered. */
  readonly requests: ConnectorRequest[] = [];
  /** Delay before answering each call, to make turns slow (e.g. for shutdown tests). */
  delayMs = 0;
  private readonly directory = new FakeTeamsDirectory(TEAMS_TENANT_ID);
  private readonly failures: FailureRule[] = [];
  private nextActivityId = Date.now();
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

  /** Registers a team (details, channels); its members come from `setTeamMembers(team.id, …)`. */
  setTeam(team: TeamsTeam): void {
    this.directory.setTeam(team);
  }

  /** Sets who the member endpoints know in a team (or one conversation); a thread or channel of the team resolves to it. */
  setTeamMembers(teamIdOrConversationId: string, members: readonly TeamsMember[]): void {
    this.directory.setMembers(teamIdOrConversationId, members);
  }

  /** The conversation id `POST /v3/conversations` returns for a 1:1 chat with this user (otherwise a generated one). */
  setPersonalConversation(userId: string, conversationId: string): void {
    this.directory.setPersonalConversation(userId, conversationId);
  }

  /**
   * Answers the next `count` requests matching `match` (default: any; `path` decoded as in `requests`)
   * with `status` and a Teams error body, recording no call. botbuilder's HTTP pipeline retries
   * 408/5xx (except 501/505) up to 3 times (0.5–4 s apart, or `retryAfterMs` on 429/503), so a
   * single 503 is invisible to the bot; 4xx is never retried.
   */
  failNext(count: number, status = 503, match?: (method: string, path: string) => boolean, options: FailureOptions = {}): void {
    this.failures.push({ remaining: count, status, match, options });
  }

  /** Forgets recorded calls, requests and pending failures; keeps teams and members. */
  reset(): void {
    this.calls.length = 0;
    this.requests.length = 0;
    this.failures.length = 0;
  }

  /** Activities the bot sent into one conversation, in order. */
  sentTo(conversationId: string): Array<Record<string, unknown>> {
    return this.calls.filter((call) => call.conversationId === conversationId).map((call) => call.activity);
  }

  /** Calls into one conversation, optionally of one operation (e.g. `sendToConversation` for proactive messages). */
  callsTo(conversationId: string, operation?: ConnectorOperation): ConnectorCall[] {
    return this.calls.filter((call) => call.conversationId === conversationId && (!operation || call.operation === operation));
  }

  /** Calls that started a new thread in a channel (create conversation, or a post to the bare channel id). */
  threadsIn(channelId: string): ConnectorCall[] {
    return this.calls.filter((call) => call.threadId !== undefined && channelOf(call.threadId) === channelId);
  }

  /** Every activity the bot posted into a channel: thread starts and replies in its threads. */
  channelPosts(channelId: string): ConnectorCall[] {
    return this.calls.filter((call) => ACTIVITY_POSTS.includes(call.operation) && channelOf(call.conversationId) === channelId);
  }

  /** The PUT updates of one activity, oldest first. */
  updatesOf(activityId: string): ConnectorCall[] {
    return this.calls.filter((call) => call.operation === 'updateActivity' && call.activityId === activityId);
  }

  /** The activity as Teams would show it now: its last update, else as posted; undefined if unknown or deleted. */
  latestActivity(activityId: string): Record<string, unknown> | undefined {
    const last = this.calls.findLast((call) => call.resourceId === activityId);
    return last && last.operation !== 'deleteActivity' ? last.activity : undefined;
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

  /** Resolves with the first recorded call matching `predicate` (waiting for it); rejects after `timeoutMs`. */
  async waitForCall(predicate: (call: ConnectorCall) => boolean, timeoutMs = 5000): Promise<ConnectorCall> {
    await this.waitFor((calls) => calls.some(predicate), timeoutMs);
    return this.calls.find(predicate) as ConnectorCall;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? '/', 'http://fake-connector');
    const rawPath = url.pathname.replace(/\/{2,}/g, '/');
    const path = safeDecode(rawPath);
    const method = req.method ?? 'GET';
    const failure = this.takeFailure(method, path);
    const answer = failure ?? this.answer(method, rawPath, url.searchParams, Buffer.concat(chunks).toString('utf8'));
    this.requests.push({ method, path, status: answer.status, injected: failure !== undefined });
    if (this.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.delayMs));
    const waiters = this.waiters;
    this.waiters = [];
    for (const waiter of waiters) waiter();
    // restify (loaded in the same process) patches ServerResponse.writeHead, so no chaining here.
    res.statusCode = answer.status;
    for (const [name, value] of Object.entries(answer.headers ?? {})) res.setHeader(name, value);
    if (answer.body === undefined) {
      res.end();
      return;
    }
    res.setHeader('Content-Type', 'application/json; charset=utf-8');
    res.end(JSON.stringify(answer.body));
  }

  private takeFailure(method: string, path: string): Answer | undefined {
    const rule = this.failures.find((candidate) => candidate.remaining > 0 && (!candidate.match || candidate.match(method, path)));
    if (!rule) return undefined;
    rule.remaining -= 1;
    if (rule.remaining === 0) this.failures.splice(this.failures.indexOf(rule), 1);
    const headers = rule.options.retryAfterMs === undefined ? undefined : { 'retry-after-ms': String(rule.options.retryAfterMs) };
    return { status: rule.status, body: errorBody(rule.status === 429 ? 'TooManyRequests' : 'ServiceError', `Injected failure (${rule.status}).`), headers };
  }

  private answer(method: string, path: string, query: URLSearchParams, rawBody: string): Answer {
    try {
      return this.route(method, path, query, rawBody);
    } catch (error) {
      return { status: 400, body: errorBody('BadSyntax', (error as Error).message) };
    }
  }

  private route(method: string, path: string, query: URLSearchParams, rawBody: string): Answer {
    const [version, collection, id, resource, subId, ...rest] = path.split('/').filter(Boolean).map(decodeURIComponent);
    const unknown = { status: 404, body: errorBody('NotFound', `No such route: ${method} ${path}`) };
    if (version !== 'v3' || !collection || rest.length > 0) return unknown;
    if (collection === 'teams' && id && method === 'GET') {
      if (resource === undefined) return this.directory.getTeamDetails(id);
      if (resource === 'conversations' && subId === undefined) return this.directory.getChannels(id);
      return unknown;
    }
    if (collection !== 'conversations') return unknown;
    if (!id) return method === 'POST' ? this.createConversation(parseJson(rawBody)) : unknown;
    if (method === 'GET' && resource === 'members') {
      return subId === undefined ? this.directory.getMembers(id) : this.directory.getMember(id, subId);
    }
    if (method === 'GET' && resource === 'pagedmembers' && subId === undefined) {
      const pageSize = query.get('pageSize');
      return this.directory.getPagedMembers(id, pageSize ? Number(pageSize) : undefined, query.get('continuationToken') ?? undefined);
    }
    if (resource === 'activities' && subId !== 'history') return this.activityCall(method, id, subId, rawBody) ?? unknown;
    return unknown;
  }

  private activityCall(method: string, conversationId: string, activityId: string | undefined, rawBody: string): Answer | undefined {
    const activity = parseJson(rawBody);
    if (method === 'POST') {
      const resourceId = this.newActivityId();
      const startsThread = !activityId && CHANNEL_ID.test(conversationId);
      const operation = activityId ? 'replyToActivity' : 'sendToConversation';
      this.calls.push({ method, operation, conversationId, activityId, resourceId, activity, threadId: startsThread ? `${conversationId};messageid=${resourceId}` : undefined });
      return { status: 200, body: { id: resourceId } };
    }
    if (!activityId) return undefined;
    if (method === 'PUT') {
      this.calls.push({ method, operation: 'updateActivity', conversationId, activityId, resourceId: activityId, activity });
      return { status: 200, body: { id: activityId } };
    }
    if (method === 'DELETE') {
      this.calls.push({ method, operation: 'deleteActivity', conversationId, activityId, resourceId: activityId, activity: {} });
      return { status: 200, body: undefined };
    }
    return undefined;
  }

  /** `POST /v3/conversations`: a new thread in a channel, or the user's 1:1 chat (Teams returns the existing one). */
  private createConversation(body: Record<string, unknown>): Answer {
    const { activity, ...parameters } = body as { activity?: Record<string, unknown> } & Record<string, unknown>;
    const channelId = (parameters.channelData as { channel?: { id?: string } } | undefined)?.channel?.id;
    const members = (parameters.members as Array<{ id?: string }> | undefined) ?? [];
    const resourceId = activity ? this.newActivityId() : undefined;
    let conversationId: string;
    if (channelId) {
      if (!activity) return { status: 400, body: errorBody('BadArgument', 'A new channel thread needs an activity.') };
      conversationId = `${channelId};messageid=${resourceId}`;
    } else if (members.length === 1 && members[0]?.id) {
      conversationId = this.directory.personalConversationOf(members[0].id);
    } else {
      return { status: 400, body: errorBody('BadArgument', 'Expected channelData.channel.id or exactly one member.') };
    }
    const threadId = channelId ? conversationId : undefined;
    this.calls.push({ method: 'POST', operation: 'createConversation', conversationId, activityId: undefined, resourceId, activity: activity ?? {}, parameters, threadId });
    return { status: 201, body: resourceId ? { id: conversationId, activityId: resourceId } : { id: conversationId } };
  }

  /** Teams message ids are millisecond timestamps; a counter keeps them unique. */
  private newActivityId(): string {
    this.nextActivityId += 1;
    return String(this.nextActivityId);
  }
}

function parseJson(raw: string): Record<string, unknown> {
  if (!raw) return {};
  const parsed: unknown = JSON.parse(raw);
  return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
}

function safeDecode(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}
