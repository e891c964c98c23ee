/**
 * Child process of the fan-out bench (line 4): the bot's side. It builds a ProactiveMessenger as the alert outbox does
 * (throttle, retries, Bot Connector client), sends the fan-out to the connector the parent names, and reports when
 * it began and the CPU it spent. A process of its own, as every other line's bot: run in the bench's own process, the
 * sends shared it with whatever lines 2 and 3 left there (×1.11 and 691 µs of CPU per card straight after line 3,
 * against ×1.05–1.06 and ~300 µs in a fresh process; BENCHMARKS.md, 8 December).
 */
import { performance } from 'node:perf_hooks';
import { MemoryStorage } from 'botbuilder';
import { alertReply } from '../../src/cards/lobby/alertCard.js';
import { createLogger } from '../../src/logging.js';
import { MeetingBotAdapter } from '../../src/teams/adapter.js';
import { createBotAuthentication } from '../../src/teams/authentication.js';
import { ConversationReferenceStore, type KeyedStorage } from '../../src/teams/conversationReferences.js';
import { ProactiveMessenger } from '../../src/teams/proactive.js';
import { sendAlertCards, type FanoutOrder, type FanoutSent } from './send.js';
import { sampleAlert } from '../sampleAlert.js';
import { tellParent } from '../throughput/ipc.js';

process.once('message', (order: FanoutOrder) => {
  void send(order).then(
    (sent) => {
      tellParent(sent);
      process.disconnect?.();
    },
    (error: unknown) => {
      process.stderr.write(`fan-out sender: ${error instanceof Error ? error.stack : String(error)}\n`);
      process.exit(1);
    },
  );
});
tellParent({ ready: true });

async function send({ connectorUrl, alerts, conversations }: FanoutOrder): Promise<FanoutSent> {
  const logger = createLogger({ level: 'silent' });
  const adapter = new MeetingBotAdapter(createBotAuthentication({ appType: 'MultiTenant', allowedTenants: [] }, 15_000));
  const storage = Object.assign(new MemoryStorage(), { keys: async () => [] as string[] }) as KeyedStorage;
  const messenger = new ProactiveMessenger(adapter, '', new ConversationReferenceStore(storage, logger), logger);
  const startedAt = performance.timeOrigin + performance.now();
  const cpuBefore = process.cpuUsage();
  const outcomes = await sendAlertCards(messenger, alertReply(sampleAlert(), 1), connectorUrl, alerts, conversations);
  const cpu = process.cpuUsage(cpuBefore);
  return { startedAt, cpuMicros: cpu.user + cpu.system, failed: outcomes.filter((outcome) => outcome.status === 'rejected').length };
}
