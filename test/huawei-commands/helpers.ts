import { HuaweiMeetingClient } from '../../src/huawei/index.js';
import { testLogger } from '../helpers/testLogger.js';
import { startHuaweiSimulator, type HuaweiSimulator, type RequestLogEntry } from '../../src/huawei/simulator/index.js';
import type { BotEvent, LocalConversation } from '../../src/localChannel/localChannel.js';
import { startBotUnderTest, type BotUnderTest } from '../helpers/botUnderTest.js';

export interface HuaweiBot {
  bot: BotUnderTest;
  /** Our own simulator (the sandbox's is not reachable from tests), configured as if it were the real service. */
  simulator: HuaweiSimulator;
  chat(user: 'alice' | 'bob' | 'carol' | 'admin'): LocalConversation;
  /** A client of our own against the simulator, to look things up independently of the bot. */
  client: HuaweiMeetingClient;
  close(): Promise<void>;
}

export interface HuaweiBotOptions {
  /** Configure the bot with this App Key instead of the simulator's. */
  appKey?: string;
}

/**
 * The real bot over HTTP with the Huawei adapter pointed at a simulator we control (request log, faults,
 * meeting state). admin@contoso.com is a bot administrator, as HUAWEI_ADMINS would say in production.
 */
export async function startHuaweiBot(options: HuaweiBotOptions = {}): Promise<HuaweiBot> {
  const simulator = await startHuaweiSimulator({ host: '127.0.0.1', port: 0 });
  const bot = await startBotUnderTest({
    env: {
      HUAWEI_MEETING_ENDPOINT: simulator.origin,
      HUAWEI_APP_ID: simulator.appId,
      HUAWEI_APP_KEY: options.appKey ?? simulator.appKey,
      HUAWEI_ADMINS: 'admin@contoso.com',
    },
  });
  return {
    bot,
    simulator,
    chat: (user) => bot.channel.personalChat(`${user}@contoso.com`),
    client: new HuaweiMeetingClient({ endpoint: simulator.origin, appId: simulator.appId, appKey: simulator.appKey, logger: testLogger() }),
    async close() {
      await bot.close();
      await simulator.close();
    },
  };
}

/** Sends a message and returns the bot's first reply to it. */
export async function ask(chat: LocalConversation, text: string): Promise<BotEvent> {
  await chat.send(text);
  return chat.nextMessage({ timeoutMs: 10_000 });
}

/** Meeting ids on a list card, in order (the "ID 914083136 · …" lines). */
export function listedIds(event: BotEvent): string[] {
  return [...event.rendered.matchAll(/\bID (\d+)/g)].map((match) => match[1]!);
}

/** Every meeting-list request the simulator saw (management API, not sign-in or control). */
export function listRequests(simulator: HuaweiSimulator): RequestLogEntry[] {
  return simulator.control.requests().filter((entry) => entry.path.startsWith('/v1/mmc/management/conferences'));
}

/** The id of the enterprise's ongoing or scheduled meeting with this subject (looked up as the admin). */
export async function meetingIdOf(hw: HuaweiBot, subject: string): Promise<string> {
  const page = await hw.client.listMeetings('admin@contoso.com', { queryAll: true, searchKey: subject, limit: 500 });
  const found = page.data.find((meeting) => meeting.subject === subject);
  if (!found) throw new Error(`no meeting called ${subject}`);
  return found.conferenceID;
}

/** A user's ongoing meetings in Huawei's order. */
export async function ongoingIdsOf(hw: HuaweiBot, userId: string): Promise<string[]> {
  const ids: string[] = [];
  for await (const meeting of hw.client.ongoingMeetings(userId)) ids.push(meeting.conferenceID);
  return ids;
}
