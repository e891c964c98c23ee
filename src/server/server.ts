import restify, { type Next, type Request, type Response, type Server } from 'restify';
import type { Activity, ActivityHandlerBase } from 'botbuilder';
import type { Logger } from '../logging.js';
import type { MeetingBotAdapter } from '../teams/adapter.js';
import { InboundAuthenticationError, type AuthenticationFailure } from '../teams/authentication.js';
import { tenantOf } from '../teams/tenant.js';
import { isReachableServiceUrl } from '../http/urls.js';
import { checkActivity } from './activitySchema.js';
import { bodyReader } from './bodyReader.js';
import type { HealthReporter } from './health.js';

export const maxBodyBytes = 256 * 1024;

export interface ServerDependencies {
  /** Lower-cased tenant ids allowed to use the bot; empty allows every tenant. */
  allowedTenants: string[];
  /**
   * Without Bot Framework authentication anyone can post an activity, and the bot replies to its `serviceUrl`:
   * then only this machine's connectors (the local channel, the emulator) may be named there.
   */
  loopbackServiceUrlsOnly: boolean;
  adapter: MeetingBotAdapter;
  bot: ActivityHandlerBase;
  health: HealthReporter;
  logger: Logger;
  /** Capabilities that serve pages or callbacks (the sign-in page) add their routes here. */
  extraRoutes?: Array<(server: Server) => void>;
}

/**
 * The HTTP face: `/api/messages` for the Bot Connector and `/healthz` for the platform. Bad requests are turned
 * away here, with a status and a short reason, before any bot code runs.
 */
export function createServer(deps: ServerDependencies): Server {
  const server = restify.createServer({ name: 'meeting-ops-bot', handleUncaughtExceptions: false });
  const log = deps.logger.child({ component: 'http' });

  server.on('restifyError', (req: Request, _res: Response, err: Error & { statusCode?: number }, callback: () => void) => {
    const status = err.statusCode ?? 500;
    const line = { method: req.method, path: req.getPath?.() ?? req.url, status, reason: err.message };
    if (status >= 500) log.error(line, 'request failed');
    else log.info(line, 'request refused');
    callback();
  });

  server.post(
    '/api/messages',
    requireJsonContent,
    refuseCompressedBody,
    bodyReader(maxBodyBytes, refuse),
    parseJsonBody,
    requireValidActivity,
    requireReachableServiceUrl(deps.loopbackServiceUrlsOnly),
    requireAllowedTenant(deps.allowedTenants, log),
    async (req: Request, res: Response) => {
      await processActivity(deps, log, req, res);
    },
  );

  server.get('/healthz', async (_req: Request, res: Response) => {
    const report = await deps.health.report();
    res.status(report.ready ? 200 : 503);
    res.json(report);
  });

  for (const addRoutes of deps.extraRoutes ?? []) addRoutes(server);
  return server;
}

/**
 * A wrong token is a 401 with a fixed sentence and an info line (a forged token is someone else's mistake, not our
 * error); signing keys that cannot be fetched are a 503 with Retry-After and a warning (see
 * classifyAuthenticationError); anything else is logged here and the caller learns nothing more.
 */
async function processActivity(deps: ServerDependencies, log: ServerDependencies['logger'], req: Request, res: Response): Promise<void> {
  const authorization = req.header('authorization') ?? '';
  try {
    const invokeResponse = await deps.adapter.handleActivity(authorization, req.body as Activity, (context) => deps.bot.run(context));
    res.status(invokeResponse?.status ?? 200);
    if (invokeResponse?.body !== undefined) res.json(invokeResponse.body);
    else res.end();
  } catch (error) {
    if (error instanceof InboundAuthenticationError) return refuseUnauthenticated(error.failure, log, res);
    log.error({ err: error }, 'activity processing failed');
    res.status(500);
    res.json({ error: 'InternalError', message: 'The bot could not process this activity.' });
  }
}

function refuseUnauthenticated(failure: AuthenticationFailure, log: ServerDependencies['logger'], res: Response): void {
  if (failure.kind === 'unavailable') {
    log.warn({ reason: failure.reason }, 'request deferred: token signing keys unavailable');
    res.header('Retry-After', String(failure.retryAfterSeconds));
    res.status(503);
    res.json({ error: 'ServiceUnavailable', message: 'The bot cannot check tokens right now. Try again shortly.' });
    return;
  }
  log.info({ reason: failure.reason }, 'request refused: not authenticated');
  res.status(401);
  res.json({ error: 'Unauthorized', message: 'A valid Bot Framework token is required.' });
}

function requireJsonContent(req: Request, res: Response, next: Next): void {
  const type = (req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (type === 'application/json' || type.endsWith('+json')) return next();
  return refuse(res, next, 415, 'UnsupportedMediaType', 'Send the activity as JSON (Content-Type: application/json).');
}

/**
 * The Bot Framework token proves the Connector sent the activity for this bot, not which organization it is for;
 * a bot meant for one company refuses the others here.
 */
function requireAllowedTenant(allowed: string[], log: Logger) {
  return (req: Request, res: Response, next: Next): void => {
    if (allowed.length === 0) return next();
    const tenant = tenantOf(req.body as Record<string, unknown>)?.toLowerCase();
    if (tenant && allowed.includes(tenant)) return next();
    log.info({ tenant }, 'request refused: tenant not allowed');
    return refuse(res, next, 403, 'Forbidden', 'This bot is not available to your organization.');
  };
}

/**
 * Teams never compresses what it posts. restify would inflate gzip with no limit on the inflated size and no
 * error listener (an invalid stream killed the process), so compressed bodies are refused before anything reads them.
 */
function refuseCompressedBody(req: Request, res: Response, next: Next): void {
  const encoding = (req.header('content-encoding') ?? '').trim().toLowerCase();
  if (encoding === '' || encoding === 'identity') return next();
  return refuse(res, next, 415, 'UnsupportedMediaType', 'Send the activity uncompressed (no Content-Encoding).');
}

/** JSON.parse's own message quotes the body, which may hold a secret: the caller gets a fixed sentence instead. */
function parseJsonBody(req: Request, res: Response, next: Next): void {
  const raw = req.body as Buffer | string | undefined;
  const text = Buffer.isBuffer(raw) ? raw.toString('utf8') : (raw ?? '');
  try {
    req.body = JSON.parse(text) as unknown;
  } catch {
    return refuse(res, next, 400, 'BadRequest', 'The body is not valid JSON.');
  }
  return next();
}

function requireValidActivity(req: Request, res: Response, next: Next): void {
  const check = checkActivity(req.body);
  if (check.ok) return next();
  return refuse(res, next, 400, 'BadRequest', check.problem);
}

function requireReachableServiceUrl(loopbackOnly: boolean) {
  return (req: Request, res: Response, next: Next): void => {
    if (isReachableServiceUrl((req.body as { serviceUrl: string }).serviceUrl, loopbackOnly)) return next();
    return refuse(res, next, 403, 'Forbidden', 'Without MicrosoftAppId the bot replies only to a serviceUrl on this machine.');
  };
}

function refuse(res: Response, next: Next, status: number, error: string, message: string): void {
  res.status(status);
  res.json({ error, message });
  return next(false);
}
