import type { Request, Response, Server } from 'restify';
import { AppError, ErrorCode } from '../domain/errors';
import { createLogger } from '../logging/logger';
import type { IncomingActivity } from './activity.schema';
import { IncomingActivitySchema, tenantOf } from './activity.schema';
import { mapError } from './error-mapper';
import type { TurnTracker } from './turn-tracker';

/**
 * The bot side of the endpoint as the HTTP layer sees it (wired in main.ts from the botbuilder
 * adapter and the bot), so that src/http does not depend on botbuilder.
 */
export interface ActivityProcessor {
  /** False while the application is not ready (store unreachable, knowledge not loaded). */
  isReady(): boolean;
  /** Authenticates (when configured) and runs one turn; the invoke/expectReplies response if any. */
  process(authHeader: string, activity: IncomingActivity): Promise<{ status: number; body?: unknown } | undefined>;
  /** True when `error` is the channel authentication rejecting the request. */
  isAuthenticationError(error: unknown): boolean;
}

export interface MessagesRouteDeps {
  readonly processor: ActivityProcessor;
  /** Lower-case Entra tenant ids; empty = any tenant. */
  readonly allowedTenantIds: readonly string[];
  readonly turns: TurnTracker;
}

/** `POST /api/messages`: the Bot Framework channel endpoint. */
export function registerMessagesRoute(server: Server, deps: MessagesRouteDeps): void {
  const log = createLogger('http');
  const allowed = new Set(deps.allowedTenantIds);

  // The whole request, reply included, is a tracked turn: a graceful shutdown waits for it.
  server.post('/api/messages', async (req: Request, res: Response) => deps.turns.run(() => handle(req, res)));

  async function handle(req: Request, res: Response): Promise<void> {
    try {
      const activity = validateActivity(req);
      const tenant = tenantOf(activity);
      if (allowed.size > 0 && (tenant === undefined || !allowed.has(tenant))) {
        log.warn({ activityId: activity.id, outcome: 'tenant_refused' }, 'activity from a tenant that is not allowed');
        throw new AppError(ErrorCode.Forbidden, 'This tenant is not allowed to use this bot.');
      }
      if (deps.turns.isClosing || !deps.processor.isReady()) {
        throw new AppError(ErrorCode.NotReady, 'Lotse is not ready; please retry shortly.');
      }
      const authHeader = typeof req.headers.authorization === 'string' ? req.headers.authorization : '';
      const invokeResponse = await deps.processor.process(authHeader, activity);
      res.send(invokeResponse?.status ?? 200, invokeResponse?.body);
    } catch (error) {
      const mapped = deps.processor.isAuthenticationError(error)
        ? mapError(new AppError(ErrorCode.Unauthorized, 'Bot Framework authentication failed.'))
        : mapError(error);
      if (mapped.status >= 500) log.error({ err: describe(error) }, 'activity processing failed');
      res.send(mapped.status, mapped.body);
    }
  }
}

function validateActivity(req: Request) {
  if (!req.is('application/json')) {
    throw new AppError(ErrorCode.UnsupportedMediaType, 'Content-Type must be application/json.');
  }
  const body: unknown = req.body;
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new AppError(ErrorCode.ValidationFailed, 'The request body must be a JSON object (a Bot Framework activity).');
  }
  const parsed = IncomingActivitySchema.safeParse(body);
  if (!parsed.success) {
    const fields = [...new Set(parsed.error.issues.map((issue) => issue.path.join('.') || '(body)'))];
    throw new AppError(ErrorCode.ValidationFailed, `Invalid activity: missing or invalid ${fields.join(', ')}.`, { fields });
  }
  return parsed.data;
}

/** Error facts safe for the log: name, code and message of our errors; never activity content. */
function describe(error: unknown): Record<string, unknown> {
  if (error instanceof AppError) return { name: error.name, code: error.code };
  if (error instanceof Error) return { name: error.name, stack: error.stack };
  return { type: typeof error };
}
