import { createHash, type Hash } from 'node:crypto';
import type { Next, Request, Response } from 'restify';

/**
 * Reads a request's body into `req.body` (a string), as restify's bodyReader did for the bot's JSON posts, within
 * `maxBytes`. restify's makes each body start as `new Buffer(0)`: Node answers that deprecated call with a walk of
 * the stack (is it inside node_modules?) for the first 10,000 calls of a process, ~0.1 ms of every activity until
 * then (`showFlaggedDeprecation` in the bench's profiles; the bench's processes never get past it).
 *
 * Kept from restify's: a body is read once; an empty body reads as none; a Content-MD5 header is checked; a body that
 * says it is encoded is read and then refused (refuseCompressedBody turns the compressed ones away before this);
 * a request that errors, is aborted or whose answer closes ends the read. The refusals are `refuse`'s answers, with
 * the statuses restify gave them (413 too large, 400 bad digest, 415 encoded).
 */
export function bodyReader(maxBytes: number, refuse: (res: Response, next: Next, status: number, error: string, message: string) => void) {
  return (req: Request & { _readBody?: boolean }, res: Response, originalNext: Next): void => {
    let called = false;
    const next: Next = ((value?: unknown) => {
      if (called) return;
      called = true;
      (originalNext as (value?: unknown) => void)(value);
    }) as Next;
    if (req._readBody) return next();
    req._readBody = true;
    if (req.getContentLength() === 0 && !req.isChunked()) return next();
    const md5 = req.headers['content-md5'];
    const hash: Hash | undefined = typeof md5 === 'string' ? createHash('md5') : undefined;
    const chunks: Buffer[] = [];
    let received = 0;
    req.on('data', (chunk: Buffer) => {
      received += chunk.length;
      if (received > maxBytes) return;
      hash?.update(chunk);
      chunks.push(chunk);
    });
    req.once('end', () => {
      if (called) return;
      const body = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
      req.body = body.toString('utf8');
      if (req.headers['content-encoding'] !== undefined) {
        res.setHeader('Accept-Encoding', 'gzip');
        return refuse(res, next, 415, 'UnsupportedMediaType', 'Send the activity uncompressed (no Content-Encoding).');
      }
      if (received > maxBytes) return refuse(res, next, 413, 'PayloadTooLarge', `The activity is larger than ${maxBytes} bytes.`);
      if (body.length === 0) return next();
      if (hash && md5 !== hash.digest('base64')) return refuse(res, next, 400, 'BadDigest', 'The body does not match its Content-MD5.');
      return next();
    });
    req.once('error', next);
    res.once('close', () => next());
    req.once('aborted', () => next());
    req.resume();
  };
}
