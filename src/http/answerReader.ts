import { decodeUtf8, nodeResponseHeaders, ResponseTooLargeError, type ExchangeResponse } from './exchange.js';

/**
 * One HTTP/1.x answer read from a socket's bytes, by hand, for the two clients that write their requests on sockets of
 * their own (holdingGet.ts, leanHttp.ts; why each does is in its header). The protocol's rules (RFC 9112): interim 1xx
 * heads skipped; the body delimited by Content-Length, chunked coding or the connection's close; 204 and 304 bodiless.
 */

/** Status line and headers together; node's own limit (--max-http-header-size) is the same. */
const MAX_HEAD_BYTES = 16 * 1024;
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/u;

type BodyMode = 'none' | 'length' | 'chunked' | 'close';
type ChunkState = 'size' | 'data' | 'dataEnd' | 'trailers';

/**
 * Reads one answer from the bytes as they come: the head (status line and headers, interim 1xx answers skipped),
 * then the body as its headers delimit it, within `maxBytes`. Made when the first bytes arrive, so an idle held GET
 * has none. Malformed answers throw, naming what was wrong (the GET then fails, and its connection is closed).
 */
export class AnswerReader {
  /** Bytes received and not yet consumed (part of the head, of a chunk-size line, of a trailer). */
  private pending: Buffer = Buffer.alloc(0);
  private status = 0;
  private headers?: Record<string, string>;
  private keepAlive = false;
  private mode: BodyMode = 'none';
  private remaining = 0;
  private chunkState: ChunkState = 'size';
  private readonly chunks: Buffer[] = [];
  private total = 0;
  private done = false;
  /** Whether the connection may carry the next request: keep-alive, and nothing after this answer. */
  reusable = false;

  constructor(private readonly maxBytes: number) {}

  /** Takes the next bytes; the answer once it is complete. */
  take(chunk: Buffer): ExchangeResponse | undefined {
    if (this.done) throw new Error('bytes after the answer');
    this.pending = this.pending.length === 0 ? chunk : Buffer.concat([this.pending, chunk]);
    while (!this.headers) {
      if (!this.readHead()) return undefined;
    }
    if (this.readBody()) return this.complete();
    return undefined;
  }

  /** The connection closed: the answer, when its body was delimited by the close. */
  atClose(): ExchangeResponse | undefined {
    if (this.done || !this.headers || this.mode !== 'close') return undefined;
    this.reusable = false;
    return this.complete();
  }

  /** Reads one head (true) or waits for more bytes (false); an interim answer's head is read and dropped. */
  private readHead(): boolean {
    const end = this.pending.indexOf('\r\n\r\n', 0, 'latin1');
    if (end < 0) {
      if (this.pending.length > MAX_HEAD_BYTES) throw httpError('HPE_HEADER_OVERFLOW', 'the answer\'s headers are too large');
      return false;
    }
    if (end > MAX_HEAD_BYTES) throw httpError('HPE_HEADER_OVERFLOW', 'the answer\'s headers are too large');
    const lines = this.pending.toString('latin1', 0, end).split('\r\n');
    this.pending = this.pending.subarray(end + 4);
    const statusLine = /^HTTP\/1\.([01]) (\d{3})(?: .*)?$/u.exec(lines[0]!);
    if (!statusLine) throw httpError('HPE_INVALID_CONSTANT', 'not an HTTP/1.x answer');
    const status = Number(statusLine[2]);
    // Interim answers (100 Continue, 103 Early Hints) come before the real one.
    if (status >= 100 && status < 200) return true;
    const headers: Record<string, string> = {};
    for (const line of lines.slice(1)) {
      const colon = line.indexOf(':');
      const name = colon > 0 ? line.slice(0, colon) : '';
      if (!TOKEN.test(name)) throw httpError('HPE_INVALID_HEADER_TOKEN', 'a malformed header line in the answer');
      const key = name.toLowerCase();
      const value = line.slice(colon + 1).trim();
      headers[key] = headers[key] === undefined ? value : `${headers[key]}, ${value}`;
    }
    this.status = status;
    this.headers = headers;
    this.decideBody(statusLine[1] === '1', headers);
    return true;
  }

  /** How the body is delimited (RFC 9112, 6.3), and whether the connection stays open after it. */
  private decideBody(http11: boolean, headers: Record<string, string>): void {
    const connection = (headers['connection'] ?? '').toLowerCase();
    this.keepAlive = http11 ? !/\bclose\b/u.test(connection) : /\bkeep-alive\b/u.test(connection);
    const encoding = headers['transfer-encoding'];
    const length = headers['content-length'];
    if (this.status === 204 || this.status === 304) {
      this.mode = 'none';
    } else if (encoding !== undefined) {
      this.mode = /(?:^|,)\s*chunked\s*$/iu.test(encoding) ? 'chunked' : 'close';
    } else if (length !== undefined) {
      if (!/^\d+$/u.test(length)) throw httpError('HPE_INVALID_CONTENT_LENGTH', 'an invalid Content-Length in the answer');
      this.remaining = Number(length);
      if (this.remaining > this.maxBytes) throw new ResponseTooLargeError(this.maxBytes);
      this.mode = this.remaining === 0 ? 'none' : 'length';
    } else {
      this.mode = 'close';
    }
    if (this.mode === 'close') this.keepAlive = false;
  }

  /** Consumes body bytes; true once the body is complete. */
  private readBody(): boolean {
    switch (this.mode) {
      case 'none':
        return true;
      case 'close':
        this.keep(this.pending);
        this.pending = Buffer.alloc(0);
        return false;
      case 'length': {
        const part = this.pending.subarray(0, this.remaining);
        this.keep(part);
        this.remaining -= part.length;
        this.pending = this.pending.subarray(part.length);
        return this.remaining === 0;
      }
      case 'chunked':
        return this.readChunks();
    }
  }

  private readChunks(): boolean {
    for (;;) {
      if (this.chunkState === 'data') {
        const part = this.pending.subarray(0, this.remaining);
        this.keep(part);
        this.remaining -= part.length;
        this.pending = this.pending.subarray(part.length);
        if (this.remaining > 0) return false;
        this.chunkState = 'dataEnd';
        continue;
      }
      if (this.chunkState === 'dataEnd') {
        if (this.pending.length < 2) return false;
        if (this.pending[0] !== 0x0d || this.pending[1] !== 0x0a) throw httpError('HPE_STRICT', 'a chunk without its line end');
        this.pending = this.pending.subarray(2);
        this.chunkState = 'size';
        continue;
      }
      const lineEnd = this.pending.indexOf('\r\n', 0, 'latin1');
      if (lineEnd < 0) {
        if (this.pending.length > MAX_HEAD_BYTES) throw httpError('HPE_CHUNK_EXTENSIONS_OVERFLOW', 'a chunk line too long');
        return false;
      }
      const line = this.pending.toString('latin1', 0, lineEnd);
      this.pending = this.pending.subarray(lineEnd + 2);
      if (this.chunkState === 'trailers') {
        // Trailers are read past, not kept; an empty line ends the body.
        if (line === '') return true;
        continue;
      }
      const size = /^([0-9a-fA-F]+)\s*(?:;.*)?$/u.exec(line);
      if (!size) throw httpError('HPE_INVALID_CHUNK_SIZE', 'an invalid chunk size in the answer');
      this.remaining = parseInt(size[1]!, 16);
      if (this.total + this.remaining > this.maxBytes) throw new ResponseTooLargeError(this.maxBytes);
      this.chunkState = this.remaining === 0 ? 'trailers' : 'data';
    }
  }

  private keep(part: Buffer): void {
    if (part.length === 0) return;
    this.total += part.length;
    if (this.total > this.maxBytes) throw new ResponseTooLargeError(this.maxBytes);
    this.chunks.push(part);
  }

  /** How long the server says it keeps an idle connection (Keep-Alive: timeout=N), less a second's margin. */
  get keepAliveHintMs(): number | undefined {
    const hint = /\btimeout=(\d+)/u.exec(this.headers?.['keep-alive'] ?? '');
    return hint ? Number(hint[1]) * 1000 - 1000 : undefined;
  }

  private complete(): ExchangeResponse {
    this.done = true;
    this.reusable = this.keepAlive && this.pending.length === 0;
    const body = decodeUtf8(this.chunks.length === 1 ? this.chunks[0]! : Buffer.concat(this.chunks, this.total));
    return { status: this.status, headers: nodeResponseHeaders(this.headers ?? {}), body };
  }
}

function httpError(code: string, message: string): Error {
  return Object.assign(new Error(`Parse Error: ${message}`), { code });
}
