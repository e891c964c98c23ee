/**
 * CPU per turn reply, for comparing two builds of the adapter (before/after a change to how src/teams/adapter.ts sends
 * a turn's replies): `node dist/scripts/bench/turnReplyCost.js [<dist root>] [turns]`. The MeetingBotAdapter of the
 * given build (default: this one) runs anonymous message turns, each answering with one reply (the ten-meeting list
 * card of "list ongoing meetings", then a line of text), each in a conversation of its own (so Teams' windows never
 * make anything wait), to line 4's connector in a process of its own; the CPU this process used over the timed
 * turns, after a warm-up, is divided by their number. The turn (authentication, context, middleware) is in the figure
 * for both builds; the difference between builds is the reply's way to the connector. Run builds alternately.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Activity } from 'botbuilder';
import { conferenceInfoSchema } from '../../src/huawei/index.js';
import { meetingListReply } from '../../src/cards/huawei/meetingCards.js';
import { replyActivity } from '../../src/teams/reply.js';
import onlineList from '../../test/fixtures/huawei/online-meetings-list.json' with { type: 'json' };
import { forkChild, stopChild } from '../../bench/throughput/ipc.js';

type Modules = {
  adapter: typeof import('../../src/teams/adapter.js');
  authentication: typeof import('../../src/teams/authentication.js');
};

const [rootArg, turnsArg] = process.argv.slice(2);
const root = resolve(rootArg ?? resolve(import.meta.dirname, '../..'));
const turns = Number(turnsArg ?? 2000);
const warmup = 300;

const load = async <K extends keyof Modules>(path: string): Promise<Modules[K]> => (await import(pathToFileURL(resolve(root, path)).href)) as Modules[K];
const modules: Modules = {
  adapter: await load<'adapter'>('src/teams/adapter.js'),
  authentication: await load<'authentication'>('src/teams/authentication.js'),
};

const conference = conferenceInfoSchema.parse(onlineList.body.data[0]);
const ten = Array.from({ length: 10 }, (_, index) => ({ ...conference, conferenceID: String(914083136 + index), subject: `Budget review ${index + 1}` }));
const replies: Record<string, Partial<Activity>> = {
  'meeting list card': replyActivity(meetingListReply({ kind: 'ongoing', meetings: ten, firstPosition: 1, total: 30, scope: 'own', hasMore: true, language: 'en', timeZone: 'Asia/Shanghai' })),
  text: { type: 'message', text: 'Nobody is waiting in the lobby of Budget review.' },
};

const connector = await forkChild<{ url: string }>('../fanout/connector.js', []);
try {
  const adapter = new modules.adapter.MeetingBotAdapter(modules.authentication.createBotAuthentication({ appType: 'MultiTenant', allowedTenants: [] }, 15_000));
  adapter.onTurnError = async (_context, error) => {
    throw error;
  };
  let conversation = 0;
  const incoming = (): Activity =>
    ({
      type: 'message',
      id: 'in-1',
      text: 'list ongoing meetings',
      channelId: 'msteams',
      serviceUrl: connector.ready.url,
      timestamp: new Date().toISOString(),
      conversation: { id: `a:turn-${conversation++}`, conversationType: 'personal', isGroup: false, name: '' },
      from: { id: '29:alice', name: 'Alice Wood' },
      recipient: { id: '28:bench', name: 'Bench' },
    }) as unknown as Activity;
  /** CPU of this process (µs) per turn over `count` turns run 20 at a time, the bench's 20 users. */
  const timed = async (count: number, reply: Partial<Activity>): Promise<number> => {
    const before = process.cpuUsage();
    for (let start = 0; start < count; start += 20) {
      await Promise.all(
        Array.from({ length: Math.min(20, count - start) }, () =>
          adapter.handleActivity('', incoming(), async (context) => {
            await context.sendActivity(reply);
          }),
        ),
      );
    }
    const used = process.cpuUsage(before);
    return (used.user + used.system) / count;
  };
  const result: Record<string, number> = {};
  for (const [name, reply] of Object.entries(replies)) {
    await timed(warmup, reply);
    result[name] = Math.round(await timed(turns, reply));
  }
  process.stdout.write(`${JSON.stringify({ build: root, turns, cpuMicrosPerTurn: result })}\n`);
} finally {
  await stopChild(connector.child);
}
