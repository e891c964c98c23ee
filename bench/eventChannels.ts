/**
 * Memory per signed-in organizer with an idle UCWA event channel (what the lobby alerts keep per person), against a
 * baseline measured in the same run: the same number of bare hanging GETs. The ratio is what a session and its
 * channel (application, token, facets, handlers, position tracking) cost over the irreducible long poll.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { UcwaSession } from '../src/ucwa/index.js';
import { startUcwaSimulator } from '../src/ucwa/simulator/index.js';

export interface EventChannelBenchResult {
  channels: number;
  bytesPerChannel: number;
  bytesPerBareLongPoll: number;
  ratio: number;
}

const settleMs = 300;

export async function benchEventChannels(channels = 200): Promise<EventChannelBenchResult> {
  const simulator = await startUcwaSimulator({ minEventTimeoutSeconds: 1 });
  try {
    const holder = await startHoldingServer();
    const baseline = await measure(async () => {
      const controllers = Array.from({ length: channels }, () => new AbortController());
      const pending = controllers.map((controller) => fetch(holder.url, { signal: controller.signal }).then((response) => response.text(), () => ''));
      return async () => {
        for (const controller of controllers) controller.abort();
        await Promise.allSettled(pending);
      };
    });
    await holder.close();
    // What one signed-in organizer costs: the session (application, token, facets) plus its running channel.
    const channel = await measure(async () => {
      const sessions = await Promise.all(
        Array.from({ length: channels }, (_, index) =>
          UcwaSession.signIn(
            { kind: 'password', username: 'alice@contoso.com', password: 'Alice-Pass-1' },
            { discoveryUrl: simulator.discoveryUrl, endpointId: `bench-${index}`, events: { timeoutSeconds: 180 } },
          ),
        ),
      );
      for (const session of sessions) session.events.start();
      return async () => {
        for (const session of sessions) session.events.stop();
        await Promise.allSettled(sessions.map((session) => session.events.done()));
      };
    });
    const bytesPerChannel = Math.round(channel / channels);
    const bytesPerBareLongPoll = Math.max(1, Math.round(baseline / channels));
    return { channels, bytesPerChannel, bytesPerBareLongPoll, ratio: Number((bytesPerChannel / bytesPerBareLongPoll).toFixed(2)) };
  } finally {
    await simulator.close();
  }
}

/** Heap growth while `open` holds its resources, after collection when available (run node with --expose-gc). */
async function measure(open: () => Promise<() => Promise<void>>): Promise<number> {
  const before = await heapUsed();
  const close = await open();
  await new Promise((resolve) => setTimeout(resolve, settleMs));
  const during = await heapUsed();
  await close();
  return Math.max(0, during - before);
}

async function heapUsed(): Promise<number> {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  await new Promise((resolve) => setImmediate(resolve));
  gc?.();
  return process.memoryUsage().heapUsed;
}

/** A server that accepts requests and never answers: the cheapest possible hanging GET. */
async function startHoldingServer(): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer(() => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/events`,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
