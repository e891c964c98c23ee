import { z } from 'zod';
import { isHttpUrl, isLoopbackUrl } from './http/urls.js';
import { parseEncryptionKey, type EncryptionKeySettings } from './storage/secrets.js';

/**
 * Every setting the bot reads, parsed once at start. The README's configuration table mirrors this file;
 * keep them in step.
 */
const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

const httpUrl = (what: string) =>
  z
    .string()
    .trim()
    .refine((value) => isHttpUrl(value), { message: `${what} must be an absolute http(s) URL` });

const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', ''])
  .optional()
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

/** "a, B ,c" → ['a', 'b', 'c']: ids and addresses compare case-insensitively. */
const lowerCaseList = z
  .string()
  .optional()
  .transform((value) =>
    (value ?? '')
      .split(',')
      .map((entry) => entry.trim().toLowerCase())
      .filter((entry) => entry.length > 0),
  );

const environmentSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3978),
  HOST: optionalText,
  MicrosoftAppId: optionalText,
  MicrosoftAppPassword: optionalText,
  MicrosoftAppType: z
    .enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI', ''])
    .optional()
    .transform((value) => (value === '' || value === undefined ? 'MultiTenant' : value)),
  MicrosoftAppTenantId: optionalText,
  BOT_OPENID_METADATA_URL: httpUrl('BOT_OPENID_METADATA_URL')
    .refine((value) => !isHttpUrl(value) || value.startsWith('https:') || isLoopbackUrl(value), {
      message: 'BOT_OPENID_METADATA_URL must use https unless it is on this machine (token keys decide who may speak to the bot)',
    })
    .optional(),
  PUBLIC_URL: httpUrl('PUBLIC_URL').optional(),
  TEAMS_ALLOWED_TENANTS: lowerCaseList,
  DATA_DIR: z.string().trim().min(1).default('./data'),
  CONNECTOR_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(15_000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ALLOW_UNAUTHENTICATED: booleanFlag,
  UCWA_DISCOVERY_URL: httpUrl('UCWA_DISCOVERY_URL').optional(),
  UCWA_FORMAT: z.enum(['json', 'xml']).default('json'),
  UCWA_USER_AGENT: z.string().trim().min(1).default('MeetingOpsBot/0.1'),
  UCWA_USER_MAP: optionalText,
  UCWA_EVENT_POSITION_SAVE_MS: z.coerce.number().int().min(0).max(300_000).optional(),
  HUAWEI_MEETING_ENDPOINT: httpUrl('HUAWEI_MEETING_ENDPOINT').optional(),
  HUAWEI_APP_ID: optionalText,
  HUAWEI_APP_KEY: optionalText,
  HUAWEI_ADMINS: lowerCaseList,
  HUAWEI_USER_MAP: optionalText,
  STORAGE: z
    .enum(['file', 'blob', ''])
    .optional()
    .transform((value) => (value === 'blob' ? 'blob' : 'file')),
  AZURE_STORAGE_CONNECTION_STRING: optionalText,
  // Azure's container naming rules, checked here so a bad name stops the start with one line, not a 400 later.
  AZURE_STORAGE_CONTAINER: z
    .string()
    .trim()
    .regex(/^(?=.{3,63}$)[a-z0-9]+(-[a-z0-9]+)*$/, 'expected 3 to 63 lower-case letters, digits and single hyphens (an Azure container name)')
    .optional(),
  // Azure's own bounds for a blob lease: how long a dead instance's event channels wait before moving (STORAGE=blob).
  OWNERSHIP_LEASE_SECONDS: z.coerce.number().int().min(15).max(60).default(20),
  INSTANCE_ID: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9._-]{1,64}$/, 'expected 1 to 64 letters, digits, dots, hyphens or underscores')
    .optional(),
  STORAGE_ENCRYPTION_KEY: optionalText.refine((value) => value === undefined || parseEncryptionKey(value) !== undefined, {
    message: 'expected 32 random bytes in base64 (e.g. openssl rand -base64 32)',
  }),
  STORAGE_ENCRYPTION_KEY_PREVIOUS: z
    .string()
    .optional()
    .refine((value) => (value ?? '').split(',').every((key) => key.trim() === '' || parseEncryptionKey(key) !== undefined), {
      message: 'expected comma-separated keys of 32 bytes in base64',
    }),
});

export type AppType = 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';

export interface BotIdentity {
  appId?: string;
  appPassword?: string;
  appType: AppType;
  tenantId?: string;
  /**
   * Where inbound token signing keys are published (an OpenID metadata document); unset means Microsoft's public
   * cloud. For tests that sign tokens locally, and private clouds.
   */
  openIdMetadataUrl?: string;
  /** Lower-cased Entra tenant ids whose Teams users may use the bot; empty means any tenant. */
  allowedTenants: string[];
}

export interface UcwaSettings {
  /** Undefined in sandbox mode: the embedded simulator is started and its URL used. */
  discoveryUrl?: string;
  format: 'json' | 'xml';
  userAgent: string;
  /** Path of an admin-managed JSON file mapping Teams UPN / AAD object id → Skype for Business sign-in address. */
  userMapFile?: string;
  /** How long a moved event-channel position may wait to be saved; undefined: the default for the store (see SfbConnections). */
  eventPositionSaveMs?: number;
}

export interface HuaweiSettings {
  /** Undefined in sandbox mode: the embedded simulator is started and its URL used. */
  endpoint?: string;
  appId?: string;
  appKey?: string;
  /** Lower-cased UPNs or AAD object ids allowed to query the whole enterprise. */
  admins: string[];
  /** Path of an admin-managed JSON file mapping Teams UPN / AAD object id → Huawei userId. */
  userMapFile?: string;
}

/** Where durable records live: files under DATA_DIR (one process), or an Azure Blob container (several instances). */
export type StorageSettings = { kind: 'file' } | { kind: 'blob'; connectionString: string; container: string };

/** How instances sharing a blob container split the event channels (unused with the file store: one owner). */
export interface OwnershipSettings {
  leaseSeconds: number;
  /** This instance's name among the others (logs, membership); made from host, pid and a random part when unset. */
  instanceId?: string;
}

export interface AppConfig {
  port: number;
  host: string;
  bot: BotIdentity;
  /** Where people and Teams reach this bot; sign-in pages and the manifest's validDomains use it. */
  publicUrl: string;
  /** PUBLIC_URL was not given: it follows the port the server actually listens on (PORT=0 picks a free one). */
  publicUrlFollowsPort: boolean;
  dataDir: string;
  /** Longest wait for one Bot Connector call (send, update, roster); a silent serviceUrl must not hold a turn. */
  connectorTimeoutMs: number;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  allowUnauthenticated: boolean;
  ucwa: UcwaSettings;
  huawei: HuaweiSettings;
  storage: StorageSettings;
  ownership: OwnershipSettings;
  /** Keys for secrets at rest: the current one seals, the previous ones only open what they sealed. */
  storageEncryption: EncryptionKeySettings;
}

/** A configuration problem a person can fix; printed as one line, never with a stack trace. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = environmentSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const variable = String(issue.path[0] ?? 'configuration');
    const given = env[variable];
    const shown = given === undefined || isSecretVariable(variable) ? '' : ` (got "${given}")`;
    throw new ConfigError(`${variable}: ${describeIssue(issue)}${shown}`);
  }
  const e = parsed.data;
  const config: AppConfig = {
    port: e.PORT,
    // Without Bot Framework authentication anyone who reaches the port can speak as anyone: stay on this machine.
    host: e.HOST ?? (e.MicrosoftAppId || e.ALLOW_UNAUTHENTICATED ? '0.0.0.0' : '127.0.0.1'),
    bot: {
      appId: e.MicrosoftAppId,
      appPassword: e.MicrosoftAppPassword,
      appType: e.MicrosoftAppType,
      tenantId: e.MicrosoftAppTenantId,
      openIdMetadataUrl: e.BOT_OPENID_METADATA_URL,
      allowedTenants: e.TEAMS_ALLOWED_TENANTS,
    },
    publicUrl: stripTrailingSlash(e.PUBLIC_URL ?? `http://localhost:${e.PORT}`),
    publicUrlFollowsPort: e.PUBLIC_URL === undefined,
    dataDir: e.DATA_DIR,
    connectorTimeoutMs: e.CONNECTOR_TIMEOUT_MS,
    logLevel: e.LOG_LEVEL,
    allowUnauthenticated: e.ALLOW_UNAUTHENTICATED,
    ucwa: {
      discoveryUrl: e.UCWA_DISCOVERY_URL,
      format: e.UCWA_FORMAT,
      userAgent: e.UCWA_USER_AGENT,
      userMapFile: e.UCWA_USER_MAP,
      eventPositionSaveMs: e.UCWA_EVENT_POSITION_SAVE_MS,
    },
    huawei: {
      endpoint: e.HUAWEI_MEETING_ENDPOINT,
      appId: e.HUAWEI_APP_ID,
      appKey: e.HUAWEI_APP_KEY,
      admins: e.HUAWEI_ADMINS,
      userMapFile: e.HUAWEI_USER_MAP,
    },
    storage: storageSettings(e.STORAGE, e.AZURE_STORAGE_CONNECTION_STRING, e.AZURE_STORAGE_CONTAINER),
    ownership: { leaseSeconds: e.OWNERSHIP_LEASE_SECONDS, instanceId: e.INSTANCE_ID },
    storageEncryption: {
      current: e.STORAGE_ENCRYPTION_KEY ? parseEncryptionKey(e.STORAGE_ENCRYPTION_KEY) : undefined,
      previous: (e.STORAGE_ENCRYPTION_KEY_PREVIOUS ?? '')
        .split(',')
        .flatMap((key) => (key.trim() === '' ? [] : [parseEncryptionKey(key)!])),
    },
  };
  checkConsistency(config);
  return config;
}

function storageSettings(kind: 'file' | 'blob', connectionString: string | undefined, container: string | undefined): StorageSettings {
  if (kind === 'file') return { kind };
  if (!connectionString) throw new ConfigError('AZURE_STORAGE_CONNECTION_STRING: required when STORAGE is blob');
  if (!container) throw new ConfigError('AZURE_STORAGE_CONTAINER: required when STORAGE is blob');
  return { kind, connectionString, container };
}

function checkConsistency(config: AppConfig): void {
  const { bot, huawei } = config;
  if (bot.appType === 'SingleTenant' && bot.appId && !bot.tenantId) {
    throw new ConfigError('MicrosoftAppTenantId: required when MicrosoftAppType is SingleTenant');
  }
  if (bot.appId && bot.appType !== 'UserAssignedMSI' && !bot.appPassword) {
    throw new ConfigError('MicrosoftAppPassword: required when MicrosoftAppId is set (except for UserAssignedMSI)');
  }
  if (config.storage.kind === 'blob' && !config.storageEncryption.current) {
    throw new ConfigError('STORAGE_ENCRYPTION_KEY: required when STORAGE is blob (every instance must read the tokens the others stored)');
  }
  if (huawei.endpoint && (!huawei.appId || !huawei.appKey)) {
    throw new ConfigError('HUAWEI_APP_ID: HUAWEI_APP_ID and HUAWEI_APP_KEY are both required when HUAWEI_MEETING_ENDPOINT is set');
  }
  if (!bot.appId && !config.allowUnauthenticated && !isLoopbackUrl(config.publicUrl)) {
    throw new ConfigError(
      'MicrosoftAppId: required when PUBLIC_URL is not a loopback address; set ALLOW_UNAUTHENTICATED=true to run without Bot Framework authentication anyway',
    );
  }
}

function describeIssue(issue: z.ZodIssue): string {
  switch (issue.code) {
    case 'invalid_enum_value':
      return `expected one of ${issue.options.filter((o) => o !== '').join(', ')}`;
    case 'invalid_type':
      return issue.expected === 'number' ? 'expected a whole number' : `expected ${issue.expected}`;
    case 'too_small':
    case 'too_big':
      return issue.path[0] === 'PORT' ? 'expected a port number from 0 to 65535' : issue.message;
    default:
      return issue.message;
  }
}

function isSecretVariable(name: string): boolean {
  return /password|key|secret|token|connection_string/i.test(name);
}

function stripTrailingSlash(url: string): string {
  return url.endsWith('/') ? url.slice(0, -1) : url;
}
