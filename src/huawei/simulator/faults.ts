import type { SimAuth } from './auth.js';
import { send, type RequestContext } from './http.js';

/** Injected failures for resilience tests, matched on method and exact path. */
export interface Fault {
  method?: string;
  /** Exact path, e.g. /v1/mmc/management/conferences/online. Omitted = any API path. */
  path?: string;
  /** Let this many matching requests through first. */
  skip?: number;
  /** How many requests the fault hits. Default 1. */
  times?: number;
  /** Answer with this status (and `body`, default a Huawei error body). */
  status?: number;
  body?: unknown;
  delayMs?: number;
  /** Close the connection without an answer. */
  drop?: boolean;
  /** Expire the request's access token first, so it meets a real 401. */
  expireToken?: boolean;
}

type PendingFault = Fault & Required<Pick<Fault, 'skip' | 'times'>>;

export class FaultInjector {
  readonly #faults: PendingFault[] = [];

  constructor(private readonly auth: SimAuth) {}

  inject(fault: Fault): void {
    this.#faults.push({ ...fault, skip: fault.skip ?? 0, times: fault.times ?? 1 });
  }

  clear(): void {
    this.#faults.splice(0);
  }

  /** Applies the first fault matching the request; true when it answered (or dropped) the request itself. */
  async apply(ctx: RequestContext): Promise<boolean> {
    const fault = this.take(ctx.log.method, ctx.url.pathname);
    if (!fault) return false;
    if (fault.expireToken) this.auth.expireRequestToken(ctx);
    if (fault.delayMs) await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
    if (fault.drop) {
      ctx.log.status = 0;
      ctx.req.socket.destroy();
      return true;
    }
    if (fault.status !== undefined) {
      send(ctx, fault.status, fault.body ?? { error_code: 'SIM.FAULT', error_msg: `injected ${fault.status}` });
      return true;
    }
    return false;
  }

  /** The fault this request uses up, counting down its skips and hits. */
  private take(method: string, path: string): PendingFault | undefined {
    const fault = this.#faults.find((f) => (f.method === undefined || f.method === method) && (f.path === undefined || f.path === path));
    if (!fault) return undefined;
    if (fault.skip > 0) {
      fault.skip--;
      return undefined;
    }
    fault.times--;
    if (fault.times <= 0) this.#faults.splice(this.#faults.indexOf(fault), 1);
    return fault;
  }
}
