/** Injected failures for resilience tests: matched on method + path (substring or RegExp), used `times` times. */
export interface FaultSpec {
  method?: string;
  /** Substring of (or RegExp tested against) the request path including its query string. */
  path: string | RegExp;
  /** Answer with this status and a UCWA error body instead of the real response. */
  status?: number;
  /** Error subcode for that body, e.g. `InvalidExchangeServerVersion`, `CallbackChannelError`. */
  subcode?: string;
  /** Seconds for a `Retry-After` header on the injected error. */
  retryAfter?: number;
  /** Wait before answering (or before failing). */
  delayMs?: number;
  /** Destroy the socket without an answer. */
  drop?: boolean;
  /** Send the real (or injected) answer with its body cut in half. */
  malformed?: boolean;
  /** How many matching requests are affected; default 1. */
  times?: number;
}

interface ActiveFault {
  id: string;
  spec: FaultSpec;
  remaining: number;
}

export class Faults {
  private active: ActiveFault[] = [];
  private counter = 0;

  add(spec: FaultSpec): string {
    const times = spec.times ?? 1;
    if (!Number.isInteger(times) || times < 1) throw new RangeError('times must be a positive integer.');
    if (spec.status !== undefined && (!Number.isInteger(spec.status) || spec.status < 400 || spec.status > 599)) {
      throw new RangeError('status must be an HTTP error status (400-599).');
    }
    this.counter += 1;
    const id = `fault-${this.counter}`;
    this.active.push({ id, spec, remaining: times });
    return id;
  }

  clear(): void {
    this.active = [];
  }

  /** The first fault matching this request, consuming one of its uses. */
  take(method: string, pathAndQuery: string): FaultSpec | undefined {
    const found = this.active.find(({ spec }) => {
      if (spec.method && spec.method.toUpperCase() !== method) return false;
      return typeof spec.path === 'string' ? pathAndQuery.includes(spec.path) : spec.path.test(pathAndQuery);
    });
    if (!found) return undefined;
    found.remaining -= 1;
    if (found.remaining <= 0) this.active = this.active.filter((fault) => fault !== found);
    return found.spec;
  }
}
