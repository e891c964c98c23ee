import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * The wire plumbing of the connector emulator: reading JSON bodies and answering with JSON or a Bot Framework
 * error body (`{ error: { code, message } }`), which botbuilder's ConnectorClient turns into a RestError.
 */

const MAX_BODY_BYTES = 1024 * 1024;

/** A request the emulator refuses, answered with `status` and a Bot Framework error body. */
export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** The decoded path segments; a segment that is not valid percent-encoding is kept as sent. */
export function pathSegments(pathname: string): string[] {
  return pathname
    .split('/')
    .filter((segment) => segment.length > 0)
    .map((segment) => safeDecode(segment));
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

export function requireId(value: string | undefined): string {
  if (value === undefined || value.length === 0) throw new HttpProblem(400, 'BadArgument', 'Missing id in path');
  return value;
}

export async function readJsonBody(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw new HttpProblem(413, 'MessageSizeTooBig', 'Message size too big');
    chunks.push(buffer);
  }
  if (size === 0) return undefined;
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
  } catch {
    throw new HttpProblem(400, 'BadArgument', 'The body is not valid JSON');
  }
}

export function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body ?? {});
  response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text) });
  response.end(text);
}

export function sendError(
  response: ServerResponse,
  status: number,
  code: string,
  message: string,
  retryAfterSeconds?: number,
): void {
  if (retryAfterSeconds !== undefined) response.setHeader('Retry-After', String(retryAfterSeconds));
  sendJson(response, status, { error: { code, message } });
}
