import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from '../../logging.js';
import { UcwaFailure } from './model.js';
import { Ctx, dispatch, render, renderFailure, Router } from './http.js';
import { registerAuth, requireUser, Unauthorized, unauthorized } from './auth.js';
import { registerApplications } from './applications.js';
import { registerMeetings } from './meetings.js';
import { registerExtensions } from './extensions.js';
import { registerCommunication } from './communication.js';
import { registerGroups } from './groups.js';
import { registerPresence } from './presence.js';
import { registerEvents } from './eventRoutes.js';
import { Faults } from './faults.js';
import { Replays } from './replays.js';
import { SimState, type StateOptions } from './state.js';
import { SimulatorControlError, UcwaSimulatorControl, type SimulatorRuntime } from './control.js';
import { ControlBodyError, controlRouter } from './controlRoutes.js';

/** Wires state, UCWA routes, control routes and fault injection onto one node:http server. */
function ucwaRouter(state: SimState): Router {
  const router = new Router();
  registerAuth(router, state);
  registerEvents(router, state);
  registerApplications(router, state);
  registerMeetings(router, state);
  registerExtensions(router, state);
  registerCommunication(router, state);
  registerGroups(router, state);
  registerPresence(router, state);
  return router;
}

export class SimulatorServer implements SimulatorRuntime {
  state: SimState;
  readonly faults = new Faults();
  readonly replays = new Replays();
  readonly control: UcwaSimulatorControl;
  private router: Router;
  private readonly controls: Router;
  readonly http: Server;

  constructor(
    private readonly options: StateOptions,
    private readonly logger: Logger,
  ) {
    this.state = new SimState(options);
    this.router = ucwaRouter(this.state);
    this.control = new UcwaSimulatorControl(this);
    this.controls = controlRouter(this.control);
    this.http = createServer((req, res) => void this.handle(req, res));
  }

  reset(): void {
    this.state.dispose();
    this.faults.clear();
    this.replays.clear();
    this.state = new SimState(this.options);
    this.router = ucwaRouter(this.state);
  }

  private origin(req: IncomingMessage): string {
    return `http://${req.headers.host ?? 'localhost'}`;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const ctx = new Ctx(req, res, this.origin(req));
    res.on('finish', () => this.logger.debug({ method: ctx.method, path: ctx.path, status: res.statusCode }, 'ucwa-sim request'));
    try {
      if (ctx.path.startsWith('/_sim/')) {
        await this.handleControl(ctx);
        return;
      }
      if (await this.applyFault(ctx)) return;
      if (await this.applyReplay(ctx)) return;
      await dispatch(this.router, ctx);
    } catch (error) {
      this.fail(ctx, error);
    }
  }

  private async handleControl(ctx: Ctx): Promise<void> {
    try {
      await dispatch(this.controls, ctx);
    } catch (error) {
      if (error instanceof SimulatorControlError) render(ctx, { kind: 'json', status: error.status, body: { error: error.message } });
      else if (error instanceof ControlBodyError) render(ctx, { kind: 'json', status: 400, body: { error: error.message } });
      else if (error instanceof UcwaFailure) render(ctx, { kind: 'json', status: error.status, body: { error: error.message } });
      else throw error;
    }
  }

  /** True when the fault fully answered (or dropped) the request. */
  private async applyFault(ctx: Ctx): Promise<boolean> {
    const fault = this.faults.take(ctx.method, `${ctx.url.pathname}${ctx.url.search}`);
    if (!fault) return false;
    this.logger.debug({ method: ctx.method, path: ctx.path, fault: { ...fault, path: String(fault.path) } }, 'ucwa-sim fault');
    if (fault.delayMs) await sleep(fault.delayMs);
    if (fault.drop) {
      ctx.req.socket.destroy();
      return true;
    }
    ctx.malformed = fault.malformed === true;
    if (fault.status === undefined) return false;
    const headers: Record<string, string> = fault.retryAfter !== undefined ? { 'Retry-After': String(fault.retryAfter) } : {};
    renderFailure(ctx, new UcwaFailure(fault.status, fault.subcode, 'Injected failure.', undefined, headers));
    return true;
  }

  /** True when an installed documented sample answered the request. */
  private async applyReplay(ctx: Ctx): Promise<boolean> {
    const spec = this.replays.find(ctx.method, ctx.path);
    if (!spec) return false;
    requireUser(this.state, ctx);
    this.replays.record({ method: ctx.method, path: ctx.path, body: await ctx.text(), ifMatch: ctx.header('if-match') });
    const headers: Record<string, string> = spec.etag ? { ETag: `"${spec.etag}"` } : {};
    if (spec.body === undefined || spec.body === null) render(ctx, { kind: 'empty', status: spec.status ?? 204, headers });
    else render(ctx, { kind: 'json', status: spec.status ?? 200, body: spec.body, headers });
    return true;
  }

  private fail(ctx: Ctx, error: unknown): void {
    if (ctx.res.headersSent) {
      ctx.res.destroy();
      return;
    }
    if (error instanceof Unauthorized) render(ctx, unauthorized(ctx));
    else if (error instanceof UcwaFailure) renderFailure(ctx, error);
    else {
      this.logger.error({ err: error, path: ctx.path }, 'ucwa-sim handler failed');
      renderFailure(ctx, new UcwaFailure(500, undefined, 'The server encountered an internal error.'));
    }
  }
}
