/**
 * Child process of the fan-out bench (line 4): a Bot Connector that does only what the bench needs and enforces
 * Teams' per-conversation send limits (7 per second, 8 per 2 seconds, 60 per 30 seconds), answering 429 beyond
 * them. Refused sends do not count towards the windows. It records when each activity was accepted, by the tag
 * the bench puts in it, so repeats and losses show. Hand-written rather than the local channel's connector, which
 * has no rate limits and keeps a transcript the bench does not need.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { stopOnSignal, tellParent } from '../throughput/ipc.js';
import { TEAMS_SEND_WINDOWS, type FanoutReport } from './limits.js';

const now = () => performance.timeOrigin + performance.now();
const accepted = new Map<string, number[]>();
const tags = new Map<string, number>();
/** When each tag was (last) accepted, for scripts/bench/fanoutTrace.ts. */
const arrivals = new Map<string, number>();
let throttled = 0;
let firstAt = 0;
let lastAt = 0;
let nextId = 1;

function allowed(conversationId: string, at: number): boolean {
  const times = accepted.get(conversationId) ?? [];
  for (const window of TEAMS_SEND_WINDOWS) {
    let inWindow = 0;
    for (let index = times.length - 1; index >= 0 && at - times[index]! < window.periodMs; index -= 1) inWindow += 1;
    if (inWindow >= window.limit) return false;
  }
  times.push(at);
  accepted.set(conversationId, times);
  return true;
}

async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const match = /^\/v3\/conversations\/([^/]+)\/activities(\/[^/]+)?$/u.exec(request.url ?? '');
  // Sends (POST, to the conversation or in reply to an activity) and updates (PUT to an activity).
  if (!match || !(request.method === 'POST' || (request.method === 'PUT' && match[2] !== undefined))) {
    response.writeHead(404, { 'content-type': 'application/json' }).end('{"error":{"code":"NotFound"}}');
    return;
  }
  const at = now();
  if (!allowed(decodeURIComponent(match[1]!), at)) {
    throttled += 1;
    response.writeHead(429, { 'content-type': 'application/json' }).end('{"error":{"code":"Throttled","message":"Too many requests"}}');
    return;
  }
  const activity = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { channelData?: { benchTag?: string } };
  const tag = activity.channelData?.benchTag ?? '';
  tags.set(tag, (tags.get(tag) ?? 0) + 1);
  arrivals.set(tag, at);
  if (firstAt === 0) firstAt = at;
  lastAt = at;
  const id = request.method === 'PUT' ? decodeURIComponent(match[2]!.slice(1)) : `m${nextId++}`;
  response.writeHead(request.method === 'PUT' ? 200 : 201, { 'content-type': 'application/json' }).end(JSON.stringify({ id }));
}

const server = createServer((request, response) => {
  handle(request, response).catch(() => response.writeHead(500).end());
});
server.keepAliveTimeout = 60_000;
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
process.on('message', (message: { report?: true; reset?: true; arrivals?: true }) => {
  if (message.reset) {
    accepted.clear();
    tags.clear();
    arrivals.clear();
    throttled = 0;
    firstAt = 0;
    lastAt = 0;
    tellParent({ reset: true });
    return;
  }
  const report: FanoutReport = {
    accepted: [...tags.values()].reduce((sum, count) => sum + count, 0),
    throttled,
    repeated: [...tags.values()].filter((count) => count > 1).length,
    firstAt,
    lastAt,
    tags: [...tags.keys()],
    ...(message.arrivals ? { arrivals: Object.fromEntries(arrivals) } : {}),
  };
  tellParent({ report });
});
stopOnSignal(() => new Promise<void>((resolve) => server.close(() => resolve())));
tellParent({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/` });
