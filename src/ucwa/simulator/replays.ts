/**
 * Documented sample payloads served verbatim: a test installs, say, the myOnlineMeetings GET response of the
 * reference page for a path, and the simulator answers that path with it (after the usual token check) until
 * cleared. The samples' own hrefs (`/ucwa/v1/applications/192/…`) resolve against the simulator, so a client
 * that follows them lands on further installed samples. Requests served this way are recorded for assertions.
 */
export interface ReplaySpec {
  method?: string;
  /** Exact path, or a RegExp tested against the path (query string excluded). */
  path: string | RegExp;
  /** Default 200 with a body, 204 without. */
  status?: number;
  /** The JSON body of the documented sample; none for an empty answer. */
  body?: unknown;
  /** The sample's `Etag` response header. */
  etag?: string;
}

export interface ReplayedRequest {
  method: string;
  path: string;
  body: string;
  ifMatch?: string;
}

export class Replays {
  private specs: ReplaySpec[] = [];
  private served: ReplayedRequest[] = [];

  add(spec: ReplaySpec): void {
    if (spec.status !== undefined && (!Number.isInteger(spec.status) || spec.status < 200 || spec.status > 599)) {
      throw new RangeError('status must be an HTTP status (200-599).');
    }
    // Later installs win, so a test can replace one answer without clearing the others.
    this.specs.unshift(spec);
  }

  clear(): void {
    this.specs = [];
    this.served = [];
  }

  find(method: string, path: string): ReplaySpec | undefined {
    return this.specs.find((spec) => {
      if (spec.method && spec.method.toUpperCase() !== method) return false;
      return typeof spec.path === 'string' ? spec.path === path : spec.path.test(path);
    });
  }

  record(request: ReplayedRequest): void {
    this.served.push(request);
  }

  requests(): ReplayedRequest[] {
    return [...this.served];
  }
}
