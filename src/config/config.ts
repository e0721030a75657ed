import { existsSync, readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { parseEnv } from 'node:util';
import { z } from 'zod';
import { AppError, ErrorCode } from '../domain/errors';

/** Typed configuration of Lotse. `loadConfig` is the only reader of process.env. */
export interface Config {
  readonly server: {
    readonly host: string;
    readonly port: number;
    readonly maxBodyBytes: number;
    readonly shutdownTimeoutMs: number;
  };
  readonly bot: {
    /** Empty = no Bot Framework authentication (local and test use, loopback only unless overridden). */
    readonly appId: string;
    readonly appPassword: string;
    readonly appType: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
    readonly appTenantId: string;
    /** Entra tenant ids whose activities are accepted; empty = any tenant. */
    readonly allowedTenantIds: readonly string[];
    readonly allowUnauthenticatedNonLoopback: boolean;
  };
  readonly store: {
    /** Set: MongoDB backend; unset: the embedded store under dataDir. */
    readonly mongodbUri: string | undefined;
    readonly mongodbServerSelectionTimeoutMs: number;
    readonly dataDir: string;
  };
  readonly knowledge: {
    readonly dir: string;
    readonly answerThreshold: number;
    readonly choicesThreshold: number;
  };
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
}

const booleanFlag = z
  .enum(['true', 'false', '1', '0', ''])
  .default('false')
  .transform((value) => value === 'true' || value === '1');

const idList = z
  .string()
  .default('')
  .transform((value) => value.split(',').map((id) => id.trim()).filter((id) => id.length > 0))
  .pipe(z.array(z.string().regex(/^[0-9a-fA-F-]{36}$/, 'each tenant id must be a GUID')));

const fraction = (fallback: number) => z.coerce.number().min(0).max(1).default(fallback);

const EnvSchema = z.object({
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3978),
  MAX_BODY_BYTES: z.coerce.number().int().min(1024).max(10 * 1024 * 1024).default(256 * 1024),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  MICROSOFT_APP_ID: z.string().trim().default(''),
  MICROSOFT_APP_PASSWORD: z.string().default(''),
  MICROSOFT_APP_TYPE: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).default('MultiTenant'),
  MICROSOFT_APP_TENANT_ID: z.string().trim().default(''),
  ALLOWED_TENANT_IDS: idList,
  ALLOW_UNAUTHENTICATED_NON_LOOPBACK: booleanFlag,
  MONGODB_URI: z
    .string()
    .trim()
    .optional()
    .transform((value) => (value ? value : undefined))
    .refine((value) => value === undefined || /^mongodb(\+srv)?:\/\//.test(value), 'must start with mongodb:// or mongodb+srv://'),
  MONGODB_SERVER_SELECTION_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5_000),
  DATA_DIR: z.string().min(1).default('./data'),
  KNOWLEDGE_DIR: z.string().min(1).default('./knowledge'),
  ANSWER_THRESHOLD: fraction(0.66),
  CHOICES_THRESHOLD: fraction(0.35),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

type Env = z.infer<typeof EnvSchema>;

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '::1']);

/** True for names and addresses that only this machine can reach. */
export function isLoopbackHost(host: string): boolean {
  return LOOPBACK_HOSTS.has(host) || (isIP(host) === 4 && host.startsWith('127.'));
}

/** Cross-field rules; each returns a problem text or nothing. */
function crossFieldProblems(env: Env): string[] {
  const problems: string[] = [];
  const hasAppId = env.MICROSOFT_APP_ID.length > 0;
  if (!hasAppId && !isLoopbackHost(env.HOST) && !env.ALLOW_UNAUTHENTICATED_NON_LOOPBACK) {
    problems.push(
      'HOST: without MICROSOFT_APP_ID there is no Bot Framework authentication; refusing to listen on a non-loopback address (set ALLOW_UNAUTHENTICATED_NON_LOOPBACK=true to override)',
    );
  }
  if (hasAppId && env.MICROSOFT_APP_TYPE !== 'MultiTenant' && env.MICROSOFT_APP_TENANT_ID.length === 0) {
    problems.push(`MICROSOFT_APP_TENANT_ID: required for MICROSOFT_APP_TYPE=${env.MICROSOFT_APP_TYPE}`);
  }
  if (hasAppId && env.MICROSOFT_APP_TYPE === 'UserAssignedMSI' && env.MICROSOFT_APP_PASSWORD.length > 0) {
    problems.push('MICROSOFT_APP_PASSWORD: must be empty for MICROSOFT_APP_TYPE=UserAssignedMSI (managed identity)');
  }
  if (hasAppId && env.MICROSOFT_APP_TYPE !== 'UserAssignedMSI' && env.MICROSOFT_APP_PASSWORD.length === 0) {
    problems.push(`MICROSOFT_APP_PASSWORD: required for MICROSOFT_APP_TYPE=${env.MICROSOFT_APP_TYPE}`);
  }
  if (env.CHOICES_THRESHOLD > env.ANSWER_THRESHOLD) {
    problems.push('CHOICES_THRESHOLD: must not be greater than ANSWER_THRESHOLD');
  }
  return problems;
}

/**
 * Reads and validates the environment (and `.env` in the working directory if present).
 * Throws AppError CONFIG_INVALID listing every problem at once.
 */
export function loadConfig(source: NodeJS.ProcessEnv = readProcessEnv()): Config {
  const parsed = EnvSchema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new AppError(ErrorCode.ConfigInvalid, `Invalid configuration:\n- ${problems.join('\n- ')}`, { problems });
  }
  const env = parsed.data;
  const problems = crossFieldProblems(env);
  if (problems.length > 0) {
    throw new AppError(ErrorCode.ConfigInvalid, `Invalid configuration:\n- ${problems.join('\n- ')}`, { problems });
  }
  return {
    server: { host: env.HOST, port: env.PORT, maxBodyBytes: env.MAX_BODY_BYTES, shutdownTimeoutMs: env.SHUTDOWN_TIMEOUT_MS },
    bot: {
      appId: env.MICROSOFT_APP_ID,
      appPassword: env.MICROSOFT_APP_PASSWORD,
      appType: env.MICROSOFT_APP_TYPE,
      appTenantId: env.MICROSOFT_APP_TENANT_ID,
      allowedTenantIds: env.ALLOWED_TENANT_IDS.map((id) => id.toLowerCase()),
      allowUnauthenticatedNonLoopback: env.ALLOW_UNAUTHENTICATED_NON_LOOPBACK,
    },
    store: {
      mongodbUri: env.MONGODB_URI,
      mongodbServerSelectionTimeoutMs: env.MONGODB_SERVER_SELECTION_TIMEOUT_MS,
      dataDir: env.DATA_DIR,
    },
    knowledge: { dir: env.KNOWLEDGE_DIR, answerThreshold: env.ANSWER_THRESHOLD, choicesThreshold: env.CHOICES_THRESHOLD },
    logLevel: env.LOG_LEVEL,
  };
}

/** process.env merged over `.env` (real environment variables win). */
function readProcessEnv(): NodeJS.ProcessEnv {
  if (!existsSync('.env')) return process.env;
  const fromFile = parseEnv(readFileSync('.env', 'utf8'));
  return { ...fromFile, ...process.env };
}

/** A summary safe to log: secrets and credentials replaced. */
export function redactConfig(config: Config): Record<string, unknown> {
  return {
    server: config.server,
    bot: {
      ...config.bot,
      appPassword: config.bot.appPassword ? '[set]' : '[empty]',
      authentication: config.bot.appId ? 'bot-framework-jwt' : 'disabled (local use)',
    },
    store: {
      backend: config.store.mongodbUri ? 'mongodb' : 'embedded',
      mongodbUri: config.store.mongodbUri ? redactUri(config.store.mongodbUri) : undefined,
      dataDir: config.store.mongodbUri ? undefined : config.store.dataDir,
    },
    knowledge: config.knowledge,
    logLevel: config.logLevel,
  };
}

/** Removes user and password from a connection URI. */
export function redactUri(uri: string): string {
  return uri.replace(/\/\/[^@/]*@/, '//[credentials]@');
}
