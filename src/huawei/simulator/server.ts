import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '../../logging.js';
import { createLogger } from '../../logging.js';
import { SimAuth } from './auth.js';
import { conferenceControlRoutes, SimControlTokens } from './conferenceControl.js';
import { FaultInjector } from './faults.js';
import { readJson, send, SIM_PARAM_ERROR, SimHttpError, type RequestContext, type RequestLogEntry, type RouteTable } from './http.js';
import { SimMeetingEvents } from './meetingEvents.js';
import { meetingRoutes } from './meetings.js';
import { createSimulatorControl, type HuaweiSimulatorControl } from './simControl.js';
import { handleSimApi, SIM_API_PREFIX } from './simRoutes.js';
import { hex, SimState } from './state.js';
import { restoreState, snapshotState, type HuaweiSimSnapshot } from './snapshot.js';

/**
 * A Huawei Cloud Meeting stand-in for tests and the sandbox: the documented paths, headers, bodies and error
 * shapes, App ID signature checks, expiring tokens, control tokens, waiting rooms and fault injection. This
 * module routes requests and runs the HTTP server; each API family lives in its own module.
 */
export interface HuaweiSimulatorOptions {
  port?: number;
  host?: string;
  appId?: string;
  appKey?: string;
  /** Access-token lifetime. Default 12 h (Huawei: 12–24 h). */
  tokenLifetimeSeconds?: number;
  /** Meeting-control token lifetime. Default 30 min, as documented. */
  controlTokenLifetimeSeconds?: number;
  /** Meeting-event WebSocket token lifetime. Default 60 s, as documented. */
  wsTokenLifetimeMs?: number;
  /** A WebSocket client silent this long is dropped. Default 180 s, as documented; tests shorten it. */
  heartbeatTimeoutMs?: number;
  logger?: Logger;
  /** Start with the seeded Contoso/Fabrikam data. Default true. */
  seed?: boolean;
  /** A snapshot taken from an earlier run (`snapshot()`): the enterprise starts from it instead of its seeds. */
  restore?: HuaweiSimSnapshot;
  /** Called after every request that may have changed the enterprise (anything but GET), to save it. */
  onChange?: () => void;
}

export interface HuaweiSimulator {
  origin: string;
  appId: string;
  appKey: string;
  control: HuaweiSimulatorControl;
  /** The enterprise's durable data, to be given back as `restore` to a later simulator. */
  snapshot(): HuaweiSimSnapshot;
  close(): Promise<void>;
}

interface Dispatcher {
  routes: RouteTable;
  faults: FaultInjector;
  control: HuaweiSimulatorControl;
  requestLog: RequestLogEntry[];
  logger: Logger;
}

export async function startHuaweiSimulator(options: HuaweiSimulatorOptions = {}): Promise<HuaweiSimulator> {
  const appId = options.appId ?? hex(16);
  const appKey = options.appKey ?? hex(32);
  const state = new SimState();
  if (options.restore) restoreState(state, options.restore);
  else if (options.seed !== false) state.seed();
  const auth = new SimAuth(state, { appId, appKey, corpId: 'contoso', tokenLifetimeMs: (options.tokenLifetimeSeconds ?? 12 * 3600) * 1000 });
  const faults = new FaultInjector(auth);
  const requestLog: RequestLogEntry[] = [];
  const logger = options.logger ?? createLogger({ level: 'silent' });
  const controlTokens = new SimControlTokens((options.controlTokenLifetimeSeconds ?? 1800) * 1000);
  const events = new SimMeetingEvents(state, controlTokens, {
    wsTokenLifetimeMs: options.wsTokenLifetimeMs,
    heartbeatTimeoutMs: options.heartbeatTimeoutMs,
    logger,
    requestLog,
  });
  const control = createSimulatorControl({ state, auth, faults, requestLog, controlTokens, events });
  const dispatcher: Dispatcher = {
    routes: {
      ...auth.routes(),
      ...meetingRoutes(state, auth),
      ...conferenceControlRoutes(state, auth, controlTokens),
      ...events.routes(),
    },
    faults,
    control,
    requestLog,
    logger,
  };

  const onChange = options.onChange;
  const server = createServer((req, res) => {
    if (onChange && req.method !== 'GET') res.on('finish', onChange);
    void handle(dispatcher, req, res);
  });
  events.attach(server);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    origin: `http://${host}:${address.port}`,
    appId,
    appKey,
    control,
    snapshot: () => snapshotState(state),
    close: () =>
      new Promise<void>((resolve, reject) => {
        events.close();
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** /_sim/ requests go to the control API unlogged; API requests are logged, may meet a fault, then are routed. */
async function handle(dispatcher: Dispatcher, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://simulator.invalid');
  const log: RequestLogEntry = { method: req.method ?? 'GET', path: url.pathname, query: Object.fromEntries(url.searchParams), status: 0 };
  const ctx: RequestContext = { req, res, url, body: undefined, log };
  try {
    ctx.body = await readJson(req);
    if (url.pathname.startsWith('/v1/mmc/control/') && ctx.body !== undefined) log.body = ctx.body;
    if (url.pathname.startsWith(SIM_API_PREFIX)) return handleSimApi(ctx, dispatcher.control);
    dispatcher.requestLog.push(log);
    if (await dispatcher.faults.apply(ctx)) return;
    const route = dispatcher.routes[`${log.method} ${url.pathname}`];
    if (!route) throw new SimHttpError(404, SIM_PARAM_ERROR, `No such API: ${log.method} ${url.pathname}`);
    route(ctx);
  } catch (error) {
    if (error instanceof SimHttpError) {
      send(ctx, error.status, { error_code: error.code, error_msg: error.message });
    } else {
      dispatcher.logger.error({ err: error, path: url.pathname }, 'huawei simulator failure');
      if (!res.headersSent) send(ctx, 500, { error_code: 'MMC.111000000', error_msg: 'Internal error' });
    }
  } finally {
    dispatcher.logger.debug({ method: log.method, path: log.path, status: log.status, userId: log.userId }, 'huawei simulator request');
  }
}
