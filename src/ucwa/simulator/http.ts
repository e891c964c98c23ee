import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { fail, UcwaFailure, type Resource } from './model.js';
import {
  errorToXml,
  eventsToJson,
  eventsToXml,
  InputError,
  parseJsonInput,
  parseXmlInput,
  resourceToJson,
  resourceToXml,
  type EventsPage,
  type Format,
  type InputFields,
} from './representation.js';

/**
 * Request context, replies and routing. Routing is a dozen lines over node:http on purpose: the simulator
 * needs raw socket control (dropped connections, hanging P-GETs, broken bodies) that a framework would hide.
 */
export type Reply =
  | { kind: 'resource'; status?: number; resource: Resource; etag?: string; headers?: Record<string, string> }
  | { kind: 'empty'; status: number; headers?: Record<string, string> }
  | { kind: 'json'; status: number; body: unknown; headers?: Record<string, string> }
  | { kind: 'text'; status: number; contentType: string; body: string; headers?: Record<string, string | string[]> }
  | { kind: 'events'; page: EventsPage };

export class Ctx {
  readonly url: URL;
  readonly format: Format;
  /** Malformed-body fault: the reply is cut in half. */
  malformed = false;
  private rawBody: string | undefined;

  constructor(
    readonly req: IncomingMessage,
    readonly res: ServerResponse,
    readonly origin: string,
  ) {
    this.url = new URL(req.url ?? '/', origin);
    this.format = /xml/i.test(this.header('accept') ?? '') ? 'xml' : 'json';
  }

  get method(): string {
    return (this.req.method ?? 'GET').toUpperCase();
  }

  get path(): string {
    return this.url.pathname;
  }

  header(name: string): string | undefined {
    const value = this.req.headers[name.toLowerCase()];
    return Array.isArray(value) ? value.join(', ') : value;
  }

  /** XML events need the precise UCWA media type in Accept (Payload Format page). */
  get eventsFormat(): Format {
    return /vnd\.microsoft(\.com)?\.ucwa\+xml/i.test(this.header('accept') ?? '') ? 'xml' : 'json';
  }

  async text(): Promise<string> {
    if (this.rawBody !== undefined) return this.rawBody;
    const chunks: Buffer[] = [];
    for await (const chunk of this.req) chunks.push(chunk as Buffer);
    this.rawBody = Buffer.concat(chunks).toString('utf8');
    return this.rawBody;
  }

  /** POST/PUT input from the body (JSON or XML) merged over query parameters, as UCWA allows both. */
  async input(): Promise<InputFields> {
    const fields: InputFields = {};
    for (const [name, value] of this.url.searchParams) fields[name] = value;
    const raw = await this.text();
    if (raw.trim() === '') return fields;
    const contentType = this.header('content-type') ?? '';
    try {
      if (/xml/i.test(contentType)) return { ...fields, ...parseXmlInput(raw) };
      if (/json/i.test(contentType) || contentType === '') return { ...fields, ...parseJsonInput(raw) };
    } catch (error) {
      if (error instanceof InputError) throw new UcwaFailure(400, 'DeserializationFailure', error.message);
      throw error;
    }
    throw new UcwaFailure(415, 'UnsupportedMediaType', `The content type "${contentType}" is not supported.`);
  }
}

export type Handler = (ctx: Ctx, params: Record<string, string>) => Promise<Reply> | Reply;

interface Route {
  method: string;
  pattern: RegExp;
  names: string[];
  handler: Handler;
}

export class Router {
  private readonly routes: Route[] = [];

  /** `pattern` is a path with `:name` segments, matched case-insensitively (IIS paths are). */
  on(method: string, pattern: string, handler: Handler): this {
    const names: string[] = [];
    const source = pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/:(\w+)/g, (_, name: string) => {
      names.push(name);
      return '([^/]+)';
    });
    this.routes.push({ method, pattern: new RegExp(`^${source}/?$`, 'i'), names, handler });
    return this;
  }

  /** undefined = no such path; 'method' = the path exists with other methods. */
  match(method: string, path: string): { handler: Handler; params: Record<string, string> } | 'method' | undefined {
    let pathExists = false;
    for (const route of this.routes) {
      const found = route.pattern.exec(path);
      if (!found) continue;
      pathExists = true;
      if (route.method !== method) continue;
      const params: Record<string, string> = {};
      route.names.forEach((name, index) => (params[name] = decodeURIComponent(found[index + 1] ?? '')));
      return { handler: route.handler, params };
    }
    return pathExists ? 'method' : undefined;
  }
}

function contentTypeFor(ctx: Ctx, format: Format): string {
  if (format === 'json') return 'application/json; charset=utf-8';
  return /vnd\.microsoft(\.com)?\.ucwa\+xml/i.test(ctx.header('accept') ?? '')
    ? 'application/vnd.microsoft.com.ucwa+xml; charset=utf-8'
    : 'application/xml; charset=utf-8';
}

export function etagOf(value: string): string {
  return createHash('sha1').update(value).digest('hex').slice(0, 16);
}

/** ETags compare without quotes or weak prefix: the docs show both `"3109609770"` and bare GUIDs. */
export function sameEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((candidate) => candidate.trim().replace(/^W\//, '').replace(/^"|"$/g, '') === etag);
}

function send(ctx: Ctx, status: number, headers: Record<string, string | string[]>, body?: string): void {
  let payload = body;
  if (payload !== undefined && ctx.malformed) payload = payload.slice(0, Math.max(1, Math.floor(payload.length / 2)));
  const all: Record<string, string | string[] | number> = { ...headers, 'Cache-Control': 'no-cache' };
  if (payload !== undefined) all['Content-Length'] = Buffer.byteLength(payload);
  ctx.res.writeHead(status, all);
  ctx.res.end(payload);
}

export function renderFailure(ctx: Ctx, failure: UcwaFailure): void {
  const body = failure.body();
  const text = ctx.format === 'xml' ? errorToXml(body) : JSON.stringify(body);
  send(ctx, failure.status, { 'Content-Type': contentTypeFor(ctx, ctx.format), ...failure.headers }, text);
}

export function render(ctx: Ctx, reply: Reply): void {
  switch (reply.kind) {
    case 'resource': {
      const json = JSON.stringify(resourceToJson(reply.resource));
      const etag = reply.etag ?? etagOf(json);
      if (ctx.method === 'GET' && sameEtag(ctx.header('if-none-match'), etag)) {
        send(ctx, 304, { ETag: `"${etag}"` });
        return;
      }
      const body = ctx.format === 'xml' ? resourceToXml(reply.resource) : json;
      send(ctx, reply.status ?? 200, { 'Content-Type': contentTypeFor(ctx, ctx.format), ETag: `"${etag}"`, ...reply.headers }, body);
      return;
    }
    case 'empty':
      send(ctx, reply.status, { ...reply.headers });
      return;
    case 'json':
      send(ctx, reply.status, { 'Content-Type': 'application/json; charset=utf-8', ...reply.headers }, JSON.stringify(reply.body));
      return;
    case 'text':
      send(ctx, reply.status, { 'Content-Type': reply.contentType, ...reply.headers }, reply.body);
      return;
    case 'events': {
      const format = ctx.eventsFormat;
      const body = format === 'xml' ? eventsToXml(reply.page) : JSON.stringify(eventsToJson(reply.page));
      send(ctx, 200, { 'Content-Type': contentTypeFor(ctx, format) }, body);
      return;
    }
  }
}

export async function dispatch(router: Router, ctx: Ctx): Promise<void> {
  const found = router.match(ctx.method, ctx.path);
  if (found === undefined) throw fail.notFound();
  if (found === 'method') throw fail.methodNotAllowed();
  render(ctx, await found.handler(ctx, found.params));
}
