import type { IncomingMessage, ServerResponse } from 'node:http';
import { hex } from './state.js';

/**
 * The simulator's HTTP plumbing shared by every route: the request context, Huawei's error shape, and reading
 * JSON bodies and query parameters.
 *
 * Huawei documents no REST code for a malformed parameter, so the simulator answers SIM_PARAM_ERROR.
 */
export const SIM_PARAM_ERROR = 'USG.000000001';

export interface RequestLogEntry {
  method: string;
  path: string;
  query: Record<string, string>;
  status: number;
  /** Acting Huawei user, when the request carried a valid access token. */
  userId?: string;
  /** The JSON body of a meeting-control call (what was admitted, muted …); other bodies are not kept. */
  body?: unknown;
}

/** One request being answered; `log` is filled in as the answer takes shape. */
export interface RequestContext {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  body: unknown;
  log: RequestLogEntry;
}

export type Route = (ctx: RequestContext) => void;
/** Keyed by "METHOD /path", e.g. "GET /v1/mmc/management/conferences/online". */
export type RouteTable = Record<string, Route>;

/** Thrown by a route to answer with Huawei's `{ error_code, error_msg }` body. */
export class SimHttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'SimHttpError';
  }
}

export function send(ctx: RequestContext, status: number, body?: unknown): void {
  ctx.log.status = status;
  const text = body === undefined ? '' : JSON.stringify(body);
  ctx.res.writeHead(status, {
    'Content-Type': 'application/json;charset=UTF-8',
    'Content-Length': Buffer.byteLength(text),
    'X-Request-Id': hex(16),
  });
  ctx.res.end(text);
}

export function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** The JSON body as an object; anything else (absent, an array, a scalar) reads as no fields at all. */
export function asRecord(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

export function intParam(text: string | null, fallback: number, min: number, max: number, name: string): number {
  if (text === null) return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < min || value > max) throw new SimHttpError(400, SIM_PARAM_ERROR, `${name} must be an integer from ${min} to ${max}.`);
  return value;
}

export async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > 1_000_000) throw new SimHttpError(413, SIM_PARAM_ERROR, 'Request body too large.');
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new SimHttpError(400, SIM_PARAM_ERROR, 'Request body is not valid JSON.');
  }
}
