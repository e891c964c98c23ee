/**
 * CPU per proactive send and update, for comparing two builds of the bot (before/after a change to
 * src/teams/proactive.ts): `node dist/scripts/bench/proactiveCost.js [<dist root>] [sends]`. The ProactiveMessenger
 * of the given build (default: this one) sends alert cards, then updates them, each to a conversation of its own (so
 * Teams' per-conversation windows never make anything wait), to line 4's connector in a process of its own; the CPU
 * this process used over the timed sends, after a warm-up, is divided by their number. Run builds alternately.
 */
import { resolve } from 'node:path';
import { MemoryStorage, type ConversationReference } from 'botbuilder';
import { sampleAlert } from '../../bench/sampleAlert.js';
import { forkChild, stopChild } from '../../bench/throughput/ipc.js';
import { loadBuild, type BuildModules } from './buildModules.js';


const [rootArg, sendsArg] = process.argv.slice(2);
const root = resolve(rootArg ?? resolve(import.meta.dirname, '../..'));
const sends = Number(sendsArg ?? 2000);
const warmup = 300;

const modules = await loadBuild(root);

const connector = await forkChild<{ url: string }>('../fanout/connector.js', []);
try {
  const logger = modules.logging.createLogger({ level: 'silent' });
  const adapter = new modules.adapter.MeetingBotAdapter(modules.authentication.createBotAuthentication({ appType: 'MultiTenant', allowedTenants: [] }, 15_000));
  const storage = Object.assign(new MemoryStorage(), { keys: async () => [] as string[] });
  const messenger = new modules.proactive.ProactiveMessenger(adapter, '', new modules.references.ConversationReferenceStore(storage, logger), logger);
  const activity = cardActivity(modules.card);
  const reference = (index: number): Partial<ConversationReference> => ({
    channelId: 'msteams',
    serviceUrl: connector.ready.url,
    conversation: { id: `a:cost-${index}`, conversationType: 'personal', isGroup: false, name: '' },
    bot: { id: '28:bench', name: 'Bench' },
    user: { id: `29:user-${index}`, name: 'Someone' },
  });
  const ids: string[] = [];
  /** CPU of this process (µs) over `count` calls made 20 at a time, the concurrency of a lobby burst. */
  const timed = async (count: number, offset: number, call: (index: number) => Promise<void>): Promise<number> => {
    const before = process.cpuUsage();
    for (let start = 0; start < count; start += 20) {
      await Promise.all(Array.from({ length: Math.min(20, count - start) }, (_, index) => call(offset + start + index)));
    }
    const used = process.cpuUsage(before);
    return (used.user + used.system) / count;
  };
  const send = async (index: number) => {
    ids[index] = await messenger.send(reference(index), activity);
  };
  const update = async (index: number) => messenger.update(reference(index), ids[index]!, activity);
  await timed(warmup, 0, send);
  await timed(warmup, 0, update);
  const sendMicros = await timed(sends, warmup, send);
  const updateMicros = await timed(sends, warmup, update);
  process.stdout.write(`${JSON.stringify({ build: root, sends, cpuMicrosPerSend: Math.round(sendMicros), cpuMicrosPerUpdate: Math.round(updateMicros) })}\n`);
} finally {
  await stopChild(connector.child);
}

/** A lobby alert card message, as the outbox sends it. */
function cardActivity(card: BuildModules['card']) {
  const { card: content, fallback } = card.alertReply(sampleAlert('cost'), 1);
  return { type: 'message', text: fallback, attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content }] };
}
