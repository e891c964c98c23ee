/**
 * Bench line 4, fan-out under Teams' limits: the bot's ProactiveMessenger (its throttle, retries and Bot Connector
 * client, as the alert outbox uses them), in a process of its own (fanout/sender.ts), sends lobby alert cards to many conversations at once through a connector
 * in its own process that enforces Teams' per-conversation limits and answers 429 beyond them. The baseline is the
 * least time those limits allow for the same sends, computed from the windows.
 */
import type { ChildProcess } from 'node:child_process';
import { TEAMS_SEND_WINDOWS, type FanoutReport } from './fanout/limits.js';
import type { FanoutOrder, FanoutSent } from './fanout/send.js';
import { forkChild, nextMessage, stopChild } from './throughput/ipc.js';

export interface FanoutResult {
  alerts: number;
  conversations: number;
  elapsedMs: number;
  minimumMs: number;
  ratio: number;
  throttled: number;
  lost: number;
  repeated: number;
  failed: number;
  /** CPU the sending process (the bot's messenger) used per alert card sent, in microseconds. */
  cpuMicrosPerAlert: number;
}

export const FANOUT_TARGET_RATIO = 1.1;

export async function benchFanout(alerts: number, conversations: number): Promise<FanoutResult> {
  const children: ChildProcess[] = [];
  try {
    const connector = await forkChild<{ url: string }>('../fanout/connector.js', []);
    children.push(connector.child);
    const sender = await forkChild<{ ready: true }>('../fanout/sender.js', []);
    children.push(sender.child);
    const order: FanoutOrder = { connectorUrl: connector.ready.url, alerts, conversations };
    const sentMessage = nextMessage<FanoutSent>(sender.child, 120_000, 'fan-out sender');
    sender.child.send(order);
    const sent = await sentMessage;
    connector.child.send({ report: true });
    const { report } = await nextMessage<{ report: FanoutReport }>(connector.child, 30_000, 'fan-out connector');
    const delivered = new Set(report.tags);
    const lost = Array.from({ length: alerts }, (_, index) => `alert-${index}`).filter((tag) => !delivered.has(tag)).length;
    const minimumMs = leastTimeMs(Math.ceil(alerts / conversations));
    const elapsedMs = Math.round(report.lastAt - sent.startedAt);
    return {
      alerts,
      conversations,
      elapsedMs,
      minimumMs,
      ratio: Math.round((elapsedMs / Math.max(1, minimumMs)) * 100) / 100,
      throttled: report.throttled,
      lost,
      repeated: report.repeated,
      failed: sent.failed,
      cpuMicrosPerAlert: Math.round(sent.cpuMicros / alerts),
    };
  } finally {
    await Promise.allSettled(children.map((child) => stopChild(child)));
  }
}

/**
 * The earliest the last of `count` sends to one conversation can be accepted, all of them wanted at time 0: each send
 * goes at the first moment every window has room (greedy is optimal for sliding windows).
 */
export function leastTimeMs(count: number): number {
  const times: number[] = [];
  for (let index = 0; index < count; index += 1) {
    let at = 0;
    for (const window of TEAMS_SEND_WINDOWS) if (index >= window.limit) at = Math.max(at, times[index - window.limit]! + window.periodMs);
    times.push(at);
  }
  return times[times.length - 1] ?? 0;
}


export function fanoutTable(result: FanoutResult): string {
  const pass = result.ratio <= FANOUT_TARGET_RATIO && result.lost === 0 && result.repeated === 0 && result.failed === 0;
  return `| 4 | fan-out: ${result.alerts} alert cards to ${result.conversations} conversations, connector enforcing 7/1 s, 8/2 s, 60/30 s each | ${result.elapsedMs} ms against the limits' minimum ${result.minimumMs} ms (×${result.ratio}); ${result.throttled} 429s, ${result.lost} lost, ${result.repeated} repeated, ${result.failed} failed; bot CPU ${result.cpuMicrosPerAlert} µs per card | within 10 % of the minimum (×${FANOUT_TARGET_RATIO}), none lost or repeated | ${pass ? 'PASS' : 'FAIL'} |`;
}
