import { existsSync, readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { parseEnv } from 'node:util';
import { z } from 'zod';
import type { DashboardRole } from '../domain/access/dashboard-user';
import type { RoleAllowList } from '../domain/access/role-mapping';
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
  readonly tickets: {
    /** Municipality by Entra tenant id (lower case), to prefill the requester's municipality. */
    readonly municipalityByTenant: Readonly<Record<string, string>>;
    /** How often the outbox is polled for due deliveries (changes are delivered at once anyway). */
    readonly outboxPollMs: number;
    /** How often the SLA reminder scan runs (in one instance at a time). */
    readonly reminderIntervalMs: number;
  };
  readonly dashboard: DashboardConfig;
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
}

/** The web dashboard under /dashboard: sign-in, sessions, limits. */
export interface DashboardConfig {
  /** Entra ID sign-in (msal-node, auth-code flow with PKCE); undefined while DASHBOARD_ENTRA_CLIENT_ID is empty. */
  readonly entra:
    | {
        readonly clientId: string;
        readonly clientSecret: string;
        /** e.g. https://login.microsoftonline.com/organizations or .../<tenant id>; no trailing slash. */
        readonly authority: string;
      }
    | undefined;
  /** Origin the browser sees (e.g. https://lotse.example.org), for the redirect URI and the origin check; undefined = the request's Host. */
  readonly publicUrl: string | undefined;
  /** Entra tenants (lower case) whose accounts may sign in: ALLOWED_TENANT_IDS, else the tenant of a tenant-specific authority. */
  readonly allowedTenantIds: readonly string[];
  /** Roles by object id, for accounts whose token carries no Lotse app role. */
  readonly roleAllowList: RoleAllowList;
  /** The development sign-in form (no Entra): only on a loopback address, never with production settings. */
  readonly devSignIn: boolean;
  readonly sessionIdleMinutes: number;
  readonly sessionMaxHours: number;
  /** Secure flag of the session cookie; false only for plain http on loopback. */
  readonly cookieSecure: boolean;
  /** Sign-in starts, callbacks and development sign-ins allowed per client address and minute. */
  readonly signInLimitPerMinute: number;
}

const booleanFlag = z
  .enum(['true', 'false', '1', '0', ''])
  .default('false')
  .transform((value) => value === 'true' || value === '1');

const trueByDefault = z
  .enum(['true', 'false', '1', '0', ''])
  .default('true')
  .transform((value) => value !== 'false' && value !== '0');

const idList = z
  .string()
  .default('')
  .transform((value) => value.split(',').map((id) => id.trim()).filter((id) => id.length > 0))
  .pipe(z.array(z.string().regex(/^[0-9a-fA-F-]{36}$/, 'each tenant id must be a GUID')));

/** `<tenant GUID>=<municipality>` pairs, comma-separated. */
const municipalityMap = z
  .string()
  .default('')
  .transform((value) => value.split(',').map((pair) => pair.trim()).filter((pair) => pair.length > 0))
  .pipe(z.array(z.string().regex(/^[0-9a-fA-F-]{36}=[^=]{1,200}$/, 'each entry must be <tenant GUID>=<municipality>')))
  .transform((pairs) => Object.fromEntries(pairs.map((pair) => [pair.slice(0, 36).toLowerCase(), pair.slice(37).trim()])));

const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

/** `admin:<oid>,<oid>;advisor:<oid>` — roles by Entra object id. */
const roleAllowList = z
  .string()
  .default('')
  .transform((value, ctx) => {
    const roles: Record<string, DashboardRole[]> = {};
    for (const group of value.split(';').map((part) => part.trim()).filter((part) => part.length > 0)) {
      const match = /^(admin|advisor)\s*:(.*)$/.exec(group);
      const ids = match ? match[2]!.split(',').map((id) => id.trim().toLowerCase()).filter((id) => id.length > 0) : [];
      if (!match || ids.length === 0 || ids.some((id) => !GUID.test(id))) {
        ctx.addIssue({ code: 'custom', message: 'each entry must be admin:<object id>,... or advisor:<object id>,... (object ids are GUIDs), entries separated by ;' });
        return z.NEVER;
      }
      for (const id of ids) roles[id] = [...new Set([...(roles[id] ?? []), match[1] as DashboardRole])];
    }
    return roles as RoleAllowList;
  });

const authorityUrl = z
  .string()
  .trim()
  .default('https://login.microsoftonline.com/organizations')
  .refine((value) => parseUrl(value)?.protocol === 'https:' && !/[?#]/.test(value), 'must be an https:// URL without query, e.g. https://login.microsoftonline.com/<tenant id>')
  .transform((value) => value.replace(/\/+$/, ''));

/** An origin (scheme, host, port) without path; https, or http on a loopback host. */
const publicUrl = z
  .string()
  .trim()
  .optional()
  .transform((value) => (value ? value : undefined))
  .refine((value) => value === undefined || isPublicOrigin(value), 'must be https://<host>[:port] without path (http:// only for 127.0.0.1 or localhost)')
  .transform((value) => (value === undefined ? undefined : (parseUrl(value)?.origin ?? value)));

function parseUrl(value: string): URL | undefined {
  try {
    return new URL(value);
  } catch {
    return undefined;
  }
}

function isPublicOrigin(value: string): boolean {
  const url = parseUrl(value);
  if (!url || url.username || url.password || url.search || url.hash || (url.pathname !== '/' && url.pathname !== '')) return false;
  return url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackHost(url.hostname.replace(/^\[|\]$/g, '')));
}

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
  TENANT_MUNICIPALITIES: municipalityMap,
  OUTBOX_POLL_MS: z.coerce.number().int().min(100).max(600_000).default(2_000),
  REMINDER_INTERVAL_MS: z.coerce.number().int().min(1_000).max(3_600_000).default(60_000),
  DASHBOARD_ENTRA_CLIENT_ID: z.string().trim().default(''),
  DASHBOARD_ENTRA_CLIENT_SECRET: z.string().default(''),
  DASHBOARD_ENTRA_AUTHORITY: authorityUrl,
  DASHBOARD_PUBLIC_URL: publicUrl,
  DASHBOARD_ROLE_ALLOWLIST: roleAllowList,
  DASHBOARD_DEV_SIGN_IN: booleanFlag,
  DASHBOARD_SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(30),
  DASHBOARD_SESSION_MAX_HOURS: z.coerce.number().int().min(1).max(72).default(10),
  DASHBOARD_COOKIE_SECURE: trueByDefault,
  DASHBOARD_SIGN_IN_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(10),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

type Env = z.infer<typeof EnvSchema>;

/** Developer and domain settings of the Teams app package (`npm run teams:package`); Lotse itself does not need them. */
export interface TeamsAppConfig {
  /** MICROSOFT_APP_ID: the bot's app id, also used as the Teams app id. Empty when not configured. */
  readonly appId: string;
  readonly developer: {
    readonly name: string;
    readonly websiteUrl: string;
    readonly privacyUrl: string;
    readonly termsOfUseUrl: string;
  };
  /** Host names (no scheme) Teams may open inside the app; empty for a bot-only app. */
  readonly validDomains: readonly string[];
}

const httpsUrl = (fallback: string) =>
  z
    .string()
    .trim()
    .max(2048)
    .default(fallback)
    .refine(isHttpsUrl, 'must be an https:// URL with a host name, e.g. https://kooperation.example/lotse');

function isHttpsUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && url.hostname.includes('.');
  } catch {
    return false;
  }
}

const domainList = z
  .string()
  .default('')
  .transform((value) => value.split(',').map((domain) => domain.trim().toLowerCase()).filter((domain) => domain.length > 0))
  .pipe(
    z
      .array(z.string().regex(/^(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)+$/, 'each domain must be a host name without scheme or path, e.g. lotse.example.org'))
      .max(16, 'Teams accepts at most 16 valid domains'),
  );

const TeamsAppEnvSchema = z.object({
  MICROSOFT_APP_ID: z.string().trim().default(''),
  TEAMS_APP_DEVELOPER_NAME: z.string().trim().min(1).max(32, 'Teams allows at most 32 characters').default('E-Government-Kooperation'),
  TEAMS_APP_WEBSITE_URL: httpsUrl('https://example.org/lotse'),
  TEAMS_APP_PRIVACY_URL: httpsUrl('https://example.org/lotse/datenschutz'),
  TEAMS_APP_TERMS_OF_USE_URL: httpsUrl('https://example.org/lotse/nutzungsbedingungen'),
  TEAMS_APP_VALID_DOMAINS: domainList,
});

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
  return [...problems, ...dashboardProblems(env)];
}

/** The tenants whose accounts may sign in to the dashboard (see {@link DashboardConfig.allowedTenantIds}). */
function dashboardTenants(env: Env): string[] {
  if (env.ALLOWED_TENANT_IDS.length > 0) return env.ALLOWED_TENANT_IDS.map((id) => id.toLowerCase());
  const tenant = parseUrl(env.DASHBOARD_ENTRA_AUTHORITY)?.pathname.split('/')[1] ?? '';
  return GUID.test(tenant) ? [tenant.toLowerCase()] : [];
}

function dashboardProblems(env: Env): string[] {
  const problems: string[] = [];
  if (env.DASHBOARD_ENTRA_CLIENT_ID) {
    if (!env.DASHBOARD_ENTRA_CLIENT_SECRET) problems.push('DASHBOARD_ENTRA_CLIENT_SECRET: required with DASHBOARD_ENTRA_CLIENT_ID');
    if (!env.DASHBOARD_PUBLIC_URL) problems.push('DASHBOARD_PUBLIC_URL: required with DASHBOARD_ENTRA_CLIENT_ID (the redirect URI is built from it)');
    if (dashboardTenants(env).length === 0) {
      problems.push(
        'ALLOWED_TENANT_IDS: required for the dashboard sign-in unless DASHBOARD_ENTRA_AUTHORITY names one tenant (otherwise the admin of any Entra tenant could assign Lotse roles)',
      );
    }
  }
  if (env.DASHBOARD_SESSION_IDLE_MINUTES > env.DASHBOARD_SESSION_MAX_HOURS * 60) {
    problems.push('DASHBOARD_SESSION_IDLE_MINUTES: must not be longer than DASHBOARD_SESSION_MAX_HOURS');
  }
  if (!env.DASHBOARD_COOKIE_SECURE && env.DASHBOARD_PUBLIC_URL?.startsWith('https:')) {
    problems.push('DASHBOARD_COOKIE_SECURE: must be true when DASHBOARD_PUBLIC_URL is https');
  }
  if (env.DASHBOARD_DEV_SIGN_IN) {
    const production = productionSettings(env);
    if (production.length > 0) {
      problems.push(`DASHBOARD_DEV_SIGN_IN: the development sign-in is for a local machine only; refused together with ${production.join(', ')}`);
    }
  }
  return problems;
}

/** Settings that mark a shared or production installation, where a sign-in without Entra must never run. */
function productionSettings(env: Env): string[] {
  const found: string[] = [];
  if (!isLoopbackHost(env.HOST)) found.push('a non-loopback HOST');
  if (env.MICROSOFT_APP_ID) found.push('MICROSOFT_APP_ID (a registered bot)');
  if (env.MONGODB_URI && !mongoHostsAreLoopback(env.MONGODB_URI)) found.push('a MONGODB_URI on another machine');
  const publicHost = env.DASHBOARD_PUBLIC_URL ? (parseUrl(env.DASHBOARD_PUBLIC_URL)?.hostname ?? '').replace(/^\[|\]$/g, '') : undefined;
  if (publicHost !== undefined && !isLoopbackHost(publicHost)) found.push('a non-loopback DASHBOARD_PUBLIC_URL');
  return found;
}

/** True when every host of a mongodb:// URI is this machine (mongodb+srv never is). */
function mongoHostsAreLoopback(uri: string): boolean {
  const match = /^mongodb:\/\/(?:[^@/]*@)?([^/?]+)/.exec(uri);
  if (!match) return false;
  return match[1]!.split(',').every((hostPort) => isLoopbackHost(hostPort.replace(/:\d+$/, '').replace(/^\[|\]$/g, '')));
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
    tickets: {
      municipalityByTenant: env.TENANT_MUNICIPALITIES,
      outboxPollMs: env.OUTBOX_POLL_MS,
      reminderIntervalMs: env.REMINDER_INTERVAL_MS,
    },
    dashboard: {
      entra: env.DASHBOARD_ENTRA_CLIENT_ID
        ? { clientId: env.DASHBOARD_ENTRA_CLIENT_ID, clientSecret: env.DASHBOARD_ENTRA_CLIENT_SECRET, authority: env.DASHBOARD_ENTRA_AUTHORITY }
        : undefined,
      publicUrl: env.DASHBOARD_PUBLIC_URL,
      allowedTenantIds: dashboardTenants(env),
      roleAllowList: env.DASHBOARD_ROLE_ALLOWLIST,
      devSignIn: env.DASHBOARD_DEV_SIGN_IN,
      sessionIdleMinutes: env.DASHBOARD_SESSION_IDLE_MINUTES,
      sessionMaxHours: env.DASHBOARD_SESSION_MAX_HOURS,
      cookieSecure: env.DASHBOARD_COOKIE_SECURE,
      signInLimitPerMinute: env.DASHBOARD_SIGN_IN_LIMIT_PER_MINUTE,
    },
    logLevel: env.LOG_LEVEL,
  };
}

/**
 * Reads the settings of the Teams app package. Unlike {@link loadConfig} it needs no secrets, so
 * the package can be built on any machine that knows the bot's app id.
 * Throws AppError CONFIG_INVALID listing every problem at once.
 */
export function loadTeamsAppConfig(source: NodeJS.ProcessEnv = readProcessEnv()): TeamsAppConfig {
  const parsed = TeamsAppEnvSchema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new AppError(ErrorCode.ConfigInvalid, `Invalid Teams app configuration:\n- ${problems.join('\n- ')}`, { problems });
  }
  const env = parsed.data;
  return {
    appId: env.MICROSOFT_APP_ID,
    developer: {
      name: env.TEAMS_APP_DEVELOPER_NAME,
      websiteUrl: env.TEAMS_APP_WEBSITE_URL,
      privacyUrl: env.TEAMS_APP_PRIVACY_URL,
      termsOfUseUrl: env.TEAMS_APP_TERMS_OF_USE_URL,
    },
    validDomains: env.TEAMS_APP_VALID_DOMAINS,
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
    tickets: { ...config.tickets, municipalityByTenant: `[${Object.keys(config.tickets.municipalityByTenant).length} tenants]` },
    dashboard: {
      ...config.dashboard,
      entra: config.dashboard.entra
        ? { clientId: config.dashboard.entra.clientId, clientSecret: '[set]', authority: config.dashboard.entra.authority }
        : 'disabled',
      roleAllowList: `[${Object.keys(config.dashboard.roleAllowList).length} accounts]`,
    },
    logLevel: config.logLevel,
  };
}

/** Removes user and password from a connection URI. */
export function redactUri(uri: string): string {
  return uri.replace(/\/\/[^@/]*@/, '//[credentials]@');
}
