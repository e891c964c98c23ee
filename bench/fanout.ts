/**
 * Bench line 4, fan-out under Teams' limits: the bot's ProactiveMessenger (its throttle, retries and Bot Connector
 * client, as the alert outbox uses them) sends lobby alert cards to many conversations at once through a connector
 * in its own process that enforces Teams' per-conversation limits and answers 429 beyond them. The baseline is the
 * least time those limits allow for the same sends, computed from the windows.
 */
import type { ChildProcess } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { MemoryStorage, type Activity, type ConversationReference } from 'botbuilder';
import { alertReply } from '../src/cards/lobby/alertCard.js';
import { createLogger } from '../src/logging.js';
import { MeetingBotAdapter } from '../src/teams/adapter.js';
import { createBotAuthentication } from '../src/teams/authentication.js';
import { ConversationReferenceStore, type KeyedStorage } from '../src/teams/conversationReferences.js';
import { ProactiveMessenger } from '../src/teams/proactive.js';
import { sampleAlert } from './sampleAlert.js';
import { TEAMS_SEND_WINDOWS, type FanoutReport } from './fanout/limits.js';
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
  /** CPU this process (the bot's messenger) used per alert card sent, in microseconds. */
  cpuMicrosPerAlert: number;
}

export const FANOUT_TARGET_RATIO = 1.1;

/** What line 4 sends through: a build's ProactiveMessenger (this one's, or another build's in scripts/bench). */
export interface AlertSender {
  send(reference: Partial<ConversationReference>, activity: Partial<Activity>): Promise<unknown>;
}

/**
 * Line 4's fan-out: `alerts` alert cards at once, card i to conversation i mod `conversations` at the connector,
 * each tagged `alert-<i>` so the connector can count it.
 */
export function sendAlertCards(messenger: AlertSender, reply: { card: object; fallback: string }, serviceUrl: string, alerts: number, conversations: number): Promise<Array<PromiseSettledResult<unknown>>> {
  return Promise.allSettled(
    Array.from({ length: alerts }, (_, index) =>
      messenger.send(
        {
          channelId: 'msteams',
          serviceUrl,
          conversation: { id: `a:bench-${index % conversations}`, conversationType: 'personal', isGroup: false, name: '' },
          bot: { id: '28:bench', name: 'Bench' },
        },
        {
          type: 'message',
          text: reply.fallback,
          attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: reply.card }],
          channelData: { benchTag: `alert-${index}` },
        },
      ),
    ),
  );
}

export async function benchFanout(alerts: number, conversations: number): Promise<FanoutResult> {
  let connector: ChildProcess | undefined;
  try {
    const started = await forkChild<{ url: string }>('../fanout/connector.js', []);
    connector = started.child;
    const logger = createLogger({ level: 'silent' });
    const adapter = new MeetingBotAdapter(createBotAuthentication({ appType: 'MultiTenant', allowedTenants: [] }, 15_000));
    const storage = Object.assign(new MemoryStorage(), { keys: async () => [] as string[] }) as KeyedStorage;
    const messenger = new ProactiveMessenger(adapter, '', new ConversationReferenceStore(storage, logger), logger);
    const t0 = performance.timeOrigin + performance.now();
    const cpuBefore = process.cpuUsage();
    const outcomes = await sendAlertCards(messenger, alertReply(sampleAlert(), 1), started.ready.url, alerts, conversations);
    const cpu = process.cpuUsage(cpuBefore);
    connector.send({ report: true });
    const { report } = await nextMessage<{ report: FanoutReport }>(connector, 30_000, 'fan-out connector');
    const delivered = new Set(report.tags);
    const lost = Array.from({ length: alerts }, (_, index) => `alert-${index}`).filter((tag) => !delivered.has(tag)).length;
    const minimumMs = leastTimeMs(Math.ceil(alerts / conversations));
    const elapsedMs = Math.round(report.lastAt - t0);
    return {
      alerts,
      conversations,
      elapsedMs,
      minimumMs,
      ratio: Math.round((elapsedMs / Math.max(1, minimumMs)) * 100) / 100,
      throttled: report.throttled,
      lost,
      repeated: report.repeated,
      failed: outcomes.filter((outcome) => outcome.status === 'rejected').length,
      cpuMicrosPerAlert: Math.round((cpu.user + cpu.system) / alerts),
    };
  } finally {
    if (connector) await stopChild(connector);
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
