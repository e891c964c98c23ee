/**
 * The floor under line 3: what N idle hanging GETs cost a Node process with nothing else in it, measured the way
 * line 3 measures an organizer (RSS and heap after full collections, over a baseline taken after a warm-up, divided
 * by N). `node --expose-gc dist/scripts/bench/bareHangingGet.js [N]`; add `--max-semi-space-size=2` to see how much
 * of RSS is V8's young generation grown during the burst. Every idle organizer holds one such GET (its UCWA event
 * channel), so an organizer cannot cost less than this.
 *
 * Hand-written rather than a library because it measures node:http itself; it talks only to a loopback server in a
 * child process (so the server's sockets are not counted) and stops by itself.
 */
import { fork } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';

const count = Number(process.argv[2] ?? 1000);
const warmUpCount = 32;
const burst = 16;

if (process.argv[3] === 'server') {
  serveForever();
} else {
  await measure();
}

/** Answers nothing: every request stays open until the client goes. */
function serveForever(): void {
  const held = new Set<http.ServerResponse>();
  const server = http.createServer((request, response) => {
    held.add(response);
    request.on('close', () => held.delete(response));
  });
  server.listen(0, '127.0.0.1', () => process.send?.((server.address() as AddressInfo).port));
}

async function measure(): Promise<void> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with --expose-gc');
  const server = fork(fileURLToPath(import.meta.url), [String(count), 'server']);
  try {
    const port = await new Promise<number>((resolve) => server.once('message', (message) => resolve(Number(message))));
    const agent = new http.Agent({ keepAlive: true, maxSockets: Number.POSITIVE_INFINITY });
    const hang = (path: string): http.ClientRequest => {
      const request = http.get({ host: '127.0.0.1', port, path, agent, headers: { authorization: `Bearer ${'x'.repeat(40)}` } });
      request.on('error', () => undefined);
      return request;
    };
    const settled = async (): Promise<NodeJS.MemoryUsage> => {
      for (let pass = 0; pass < 3; pass += 1) {
        gc();
        await new Promise((resolve) => setImmediate(resolve));
      }
      return process.memoryUsage();
    };

    const warmUp = Array.from({ length: warmUpCount }, (_, index) => hang(`/warm/${index}`));
    await delay(300);
    for (const request of warmUp) request.destroy();
    await delay(300);

    const before = await settled();
    const held: http.ClientRequest[] = [];
    for (let index = 0; index < count; index += 1) {
      held.push(hang(`/events/${index}?ack=${index}`));
      // Opened in bursts, as the bot's sign-ins open channels, not all in one tick.
      if (index % burst === burst - 1) await delay(1);
    }
    await delay(1000);
    const after = await settled();
    const each = (key: 'rss' | 'heapTotal' | 'heapUsed'): string => ((after[key] - before[key]) / count / 1024).toFixed(1);
    console.log(`${count} idle hanging GETs, per GET: RSS ${each('rss')} KB, heap total ${each('heapTotal')} KB, heap used ${each('heapUsed')} KB (held: ${held.length})`);
    for (const request of held) request.destroy();
  } finally {
    server.kill();
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
