import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { z } from 'zod';
import { checkSchedule } from './time/cron.js';

/** Reads ./.env into the environment when it exists; variables already set win. */
export function loadDotEnv(file = '.env'): void {
  if (existsSync(file)) process.loadEnvFile(file);
}

/** Every setting comes from the environment; `.env.example` lists them all. */
const envSchema = z.object({
  NODE_ENV: z.string().default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3978),
  /** Where to listen. Default: 127.0.0.1 in local mode, all interfaces when an app id is set. */
  HOST: z.string().optional(),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z.string().default(''),
  LEADER_POLL_SECONDS: z.coerce.number().min(0.1).max(60).default(10),
  MicrosoftAppId: z.string().default(''),
  MicrosoftAppPassword: z.string().default(''),
  MicrosoftAppType: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).default('MultiTenant'),
  MicrosoftAppTenantId: z.string().default(''),
  ALLOWED_TENANT_IDS: z.string().default(''),
  ALLOW_UNAUTHENTICATED_NETWORK: z.enum(['true', 'false']).default('false'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Largest request body accepted on /api/messages, in bytes. */
  MAX_BODY_BYTES: z.coerce.number().int().min(1024).default(256 * 1024),
  ADMIN_AAD_OBJECT_IDS: z.string().default(''),
  SURVEY_LINK_SECRET: z.string().default(''),
  SURVEY_LINK_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  SURVEY_OPEN_LIMIT_PER_DAY: z.coerce.number().int().min(1).max(1000).default(3),
  PUBLIC_BASE_URL: z.string().default(''),
  /** Bearer token for /metrics and the detailed /healthz (see Config.opsToken). */
  OPS_TOKEN: z.string().default(''),
  /** The zone of every schedule and of "this week" (the name is the setting's first use, kept). */
  DIGEST_TZ: z.string().default('Europe/Copenhagen'),
  DEFAULT_LANGUAGE: z.enum(['da', 'en']).default('da'),
});

export interface Config {
  production: boolean;
  port: number;
  host: string;
  dataDir: string;
  /** postgres://… puts all state in PostgreSQL (several instances); null keeps it in files in dataDir. */
  databaseUrl: string | null;
  /** How often an instance tries to become the leader that runs the schedules. */
  leaderPollMs: number;
  /** True when no app id is set: no authentication, loopback only unless HOST says otherwise. */
  localMode: boolean;
  appId: string;
  appPassword: string;
  appType: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
  appTenantId: string;
  /** Entra ID tenants whose activities the bot answers; empty = any (local mode only, see loadConfig). */
  allowedTenantIds: string[];
  logLevel: string;
  maxBodyBytes: number;
  adminIds: string[];
  /**
   * Signs survey links. When none is set (local mode), a random one here, and the surveys feature signs
   * with a key it makes once and keeps with the data instead (src/surveys/linkKey.ts).
   */
  surveyLinkSecret: string;
  surveyLinkSecretGenerated: boolean;
  surveyLinkDays: number;
  /** How many surveys one person (not an administrator) may open in 24 hours. */
  surveyOpenLimitPerDay: number;
  /** Where people reach the bot's web pages (the survey form). */
  publicBaseUrl: string;
  /** The zone of schedules and of "this week" (DIGEST_TZ). */
  zone: string;
  /**
   * OPS_TOKEN: callers of /metrics and the detailed /healthz must send `Authorization: Bearer <it>`;
   * null when not set. Without one, only a local-mode bot on loopback shows them to any caller.
   */
  opsToken: string | null;
  /** True when anyone who can reach the server may see the details (local mode on loopback). */
  opsOpenWithoutToken: boolean;
  /**
   * DEFAULT_LANGUAGE: the language of a turn whose words tell none, in a conversation that never
   * spoke in words that did (a welcome, "Aula", 👍). Never the client's locale.
   */
  defaultLanguage: 'da' | 'en';
}

function splitList(value: string): string[] {
  return value
    .split(/[,;\s]+/)
    .map((item) => item.trim().toLowerCase())
    .filter((item) => item !== '');
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/** The data folder, for tools that need nothing else from the configuration. */
export function dataDirOf(env: NodeJS.ProcessEnv = process.env): string {
  return env.DATA_DIR?.trim() || './data';
}

export class ConfigError extends Error {}

/** Reads and checks the environment; throws ConfigError with a message meant for the operator. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const details = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new ConfigError(`Invalid configuration: ${details}`);
  }
  const e = parsed.data;
  const localMode = e.MicrosoftAppId.trim() === '';
  const production = e.NODE_ENV === 'production';
  if (production && localMode) {
    throw new ConfigError(
      'Refusing to start: NODE_ENV=production needs MicrosoftAppId (and MicrosoftAppPassword) so that requests are authenticated. ' +
        'Set them from your Azure Bot registration, or unset NODE_ENV to run locally.',
    );
  }
  const secret = e.SURVEY_LINK_SECRET.trim();
  if (production && secret.length < 32) {
    throw new ConfigError('Refusing to start: NODE_ENV=production needs SURVEY_LINK_SECRET (at least 32 characters) to sign survey links.');
  }
  const host = e.HOST ?? (localMode ? '127.0.0.1' : '0.0.0.0');
  if (localMode && !isLoopback(host) && e.ALLOW_UNAUTHENTICATED_NETWORK !== 'true') {
    throw new ConfigError(
      `Refusing to listen on ${host}: without MicrosoftAppId nothing is authenticated, so the bot listens on loopback only. ` +
        'Set MicrosoftAppId, or ALLOW_UNAUTHENTICATED_NETWORK=true if you really mean to expose an unauthenticated bot.',
    );
  }
  const allowedTenantIds = splitList(e.ALLOWED_TENANT_IDS);
  // A single-tenant app belongs to one tenant: that is the default allow-list.
  if (allowedTenantIds.length === 0 && e.MicrosoftAppType === 'SingleTenant' && e.MicrosoftAppTenantId.trim() !== '') {
    allowedTenantIds.push(e.MicrosoftAppTenantId.trim().toLowerCase());
  }
  if (production && allowedTenantIds.length === 0) {
    throw new ConfigError('Refusing to start: NODE_ENV=production needs ALLOWED_TENANT_IDS (KOMBIT\'s tenant id), or MicrosoftAppType=SingleTenant with MicrosoftAppTenantId.');
  }
  const opsToken = e.OPS_TOKEN.trim();
  if (opsToken !== '' && opsToken.length < 32) throw new ConfigError('OPS_TOKEN must be at least 32 characters (for example: openssl rand -hex 32), or empty.');
  try {
    checkSchedule('0 8 * * 1', e.DIGEST_TZ);
  } catch (error) {
    throw new ConfigError(`Invalid DIGEST_TZ "${e.DIGEST_TZ}": ${(error as Error).message}`);
  }
  return {
    production,
    port: e.PORT,
    host,
    dataDir: e.DATA_DIR,
    databaseUrl: e.DATABASE_URL.trim() || null,
    leaderPollMs: e.LEADER_POLL_SECONDS * 1000,
    localMode,
    appId: e.MicrosoftAppId.trim(),
    appPassword: e.MicrosoftAppPassword,
    appType: e.MicrosoftAppType,
    appTenantId: e.MicrosoftAppTenantId,
    allowedTenantIds,
    logLevel: e.LOG_LEVEL,
    maxBodyBytes: e.MAX_BODY_BYTES,
    adminIds: adminsFromEnvironment(e.ADMIN_AAD_OBJECT_IDS),
    surveyLinkSecret: secret || randomBytes(32).toString('base64url'),
    surveyLinkSecretGenerated: secret === '',
    surveyLinkDays: e.SURVEY_LINK_DAYS,
    surveyOpenLimitPerDay: e.SURVEY_OPEN_LIMIT_PER_DAY,
    publicBaseUrl: e.PUBLIC_BASE_URL.trim() || `http://localhost:${e.PORT}`,
    zone: e.DIGEST_TZ,
    opsToken: opsToken || null,
    opsOpenWithoutToken: localMode && isLoopback(host),
    defaultLanguage: e.DEFAULT_LANGUAGE,
  };
}

/** Reads ADMIN_AAD_OBJECT_IDS ("id1, id2"). */
export function adminsFromEnvironment(value: string | undefined): string[] {
  return (value ?? '')
    .split(/[,;\s]+/)
    .map((id) => id.trim())
    .filter((id) => id !== '');
}
