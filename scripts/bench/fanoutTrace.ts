/**
 * Where bench line 4's time above the limits' minimum goes, for one build of the bot:
 * `node dist/scripts/bench/fanoutTrace.js [<dist root>] [runs]`. Runs line 4's fan-out (1,000 alert cards to 100
 * conversations, line 4's connector in a process of its own) with the build's ProactiveMessenger and times every
 * request three ways: when the bot started it, when the connector accepted it (where Teams counts it) and when the
 * bot saw it complete. Per run it prints:
 * - `critical`: when every conversation's second send had completed, and the bot's CPU until then. Under 8 per 2 s
 *   a conversation's 10th send waits for 2 s after its 2nd, so the end cannot come before this plus 2 s;
 * - `late9` / `late10`: how long the 9th and 10th sends started after their windows (counted from completion) opened;
 * - `upMs` / `downMs`: start to acceptance, acceptance to completion (p50 / p99 / max);
 * - `atRiskFromStart`: for each margin, how many conversations would have had a request accepted inside a window had
 *   the windows been counted from each request's start plus that margin instead of its completion (the up legs of
 *   the request that opens a window and of the one it lets through, as measured in this run).
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { resolve } from 'node:path';
import { MemoryStorage } from 'botbuilder';
import { sendAlertCards } from '../../bench/fanout/send.js';
import { sampleAlert } from '../../bench/sampleAlert.js';
import type { FanoutReport } from '../../bench/fanout/limits.js';
import { forkChild, nextMessage, stopChild } from '../../bench/throughput/ipc.js';
import type { ActivityCalls } from '../../src/teams/activityCalls.js';
import { loadBuild } from './buildModules.js';


const [rootArg, runsArg] = process.argv.slice(2);
const root = resolve(rootArg ?? resolve(import.meta.dirname, '../..'));
const runs = Number(runsArg ?? 1);
const alerts = 1_000;
const conversations = 100;
const margins = [0, 10, 20, 50, 100];

const modules = await loadBuild(root);

const clock = () => performance.timeOrigin + performance.now();
for (let run = 0; run < runs; run += 1) process.stdout.write(`${JSON.stringify(await traceOnce())}\n`);

/** One fan-out in a fresh messenger and connector, as line 4 runs it (cold: nothing sent before). */
async function traceOnce(): Promise<Record<string, unknown>> {
  const connector = await forkChild<{ url: string }>('../fanout/connector.js', []);
  try {
    const logger = modules.logging.createLogger({ level: 'silent' });
    const adapter = new modules.adapter.MeetingBotAdapter(modules.authentication.createBotAuthentication({ appType: 'MultiTenant', allowedTenants: [] }, 15_000));
    const started = new Map<string, number>();
    const completed = new Map<string, number>();
    let secondsCompleted = 0;
    let critical: { at: number; cpuMs: number } | undefined;
    let t0 = 0;
    let cpu0 = process.cpuUsage();
    const proactiveCalls = adapter.proactiveCalls.bind(adapter);
    // Every request of the messenger passes here: timed by the tag the bench puts in each card.
    adapter.proactiveCalls = async (botAppId: string, serviceUrl: string): Promise<ActivityCalls> => {
      const calls = await proactiveCalls(botAppId, serviceUrl);
      return {
        ...calls,
        send: async (conversationId, activity) => {
          const tag = (activity.channelData as { benchTag: string }).benchTag;
          started.set(tag, clock());
          try {
            return await calls.send(conversationId, activity);
          } finally {
            completed.set(tag, clock());
            const index = Number(tag.slice('alert-'.length));
            if (index >= conversations && index < 2 * conversations && ++secondsCompleted === conversations) {
              const cpu = process.cpuUsage(cpu0);
              critical = { at: clock() - t0, cpuMs: (cpu.user + cpu.system) / 1000 };
            }
          }
        },
      };
    };
    const storage = Object.assign(new MemoryStorage(), { keys: async () => [] as string[] });
    const messenger = new modules.proactive.ProactiveMessenger(adapter, '', new modules.references.ConversationReferenceStore(storage, logger), logger);
    const reply = modules.card.alertReply(sampleAlert(), 1);
    const loadAverage = readFileSync('/proc/loadavg', 'utf8').split(' ')[0];
    t0 = clock();
    cpu0 = process.cpuUsage();
    const outcomes = await sendAlertCards(messenger, reply, connector.ready.url, alerts, conversations);
    const cpu = process.cpuUsage(cpu0);
    connector.child.send({ report: true, arrivals: true });
    const { report } = await nextMessage<{ report: FanoutReport }>(connector.child, 30_000, 'fan-out connector');
    const accepted = new Map(Object.entries(report.arrivals ?? {}));
    const tag = (conversation: number, send: number) => `alert-${conversation + send * conversations}`;
    const at = (times: Map<string, number>, key: string) => times.get(key)! - t0;
    const up = (key: string) => accepted.get(key)! - started.get(key)!;
    const late = (send: number) =>
      Array.from({ length: conversations }, (_, conversation) => {
        // The 9th and 10th wait for 8 per 2 s (the send 8 before) and 7 per 1 s (the send 7 before).
        const opens = Math.max(at(completed, tag(conversation, send - 8)) + 2_000, at(completed, tag(conversation, send - 7)) + 1_000);
        return at(started, tag(conversation, send)) - opens;
      });
    const atRiskFromStart = Object.fromEntries(
      margins.map((margin) => [
        `${margin}ms`,
        Array.from({ length: conversations }, (_, conversation) =>
          [[0, 7], [0, 8], [1, 8], [1, 9], [2, 9]].some(([opener, follower]) => up(tag(conversation, opener!)) - up(tag(conversation, follower!)) > margin),
        ).filter(Boolean).length,
      ]),
    );
    const keys = [...started.keys()].filter((key) => accepted.has(key));
    return {
      build: root,
      loadAverage,
      elapsedMs: Math.round(report.lastAt - t0),
      throttled: report.throttled,
      repeated: report.repeated,
      failed: outcomes.filter((outcome) => outcome.status === 'rejected').length,
      botCpuMs: Math.round((cpu.user + cpu.system) / 1000),
      critical: critical && { atMs: Math.round(critical.at), botCpuMs: Math.round(critical.cpuMs) },
      late9: spread(late(8)),
      late10: spread(late(9)),
      upMs: spread(keys.map(up)),
      downMs: spread(keys.map((key) => completed.get(key)! - accepted.get(key)!)),
      atRiskFromStart,
    };
  } finally {
    await stopChild(connector.child);
  }
}

function spread(values: number[]): { p50: number; p99: number; max: number } {
  const sorted = [...values].sort((a, b) => a - b);
  const pick = (share: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))] ?? 0);
  return { p50: pick(0.5), p99: pick(0.99), max: Math.round(sorted[sorted.length - 1] ?? 0) };
}
