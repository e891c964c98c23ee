import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BotEvent, LocalConversation } from '../../src/localChannel/localChannel.js';
import { startUcwaSimulator, type UcwaSimulator } from '../../src/ucwa/simulator/index.js';
import { startBotUnderTest, type BotUnderTest } from '../helpers/botUnderTest.js';

export const passwords: Record<string, string> = {
  'alice@contoso.com': 'Alice-Pass-1',
  'bob@contoso.com': 'Bob-Pass-1',
  'carol@contoso.com': 'Carol-Pass-1',
};

/** A UCWA simulator owned by the test (it outlives bot restarts) and the bot pointed at it: no sandbox sign-in. */
export async function startAlertsBot(options: { env?: Record<string, string> } = {}): Promise<{ sim: UcwaSimulator; bot: BotUnderTest; close(): Promise<void> }> {
  const sim = await startUcwaSimulator({ minEventTimeoutSeconds: 1 });
  const bot = await startBotUnderTest({ env: { ...options.env, UCWA_DISCOVERY_URL: sim.discoveryUrl } });
  return {
    sim,
    bot,
    close: async () => {
      await bot.close();
      await sim.close();
    },
  };
}

/** The sign-in card's URL: what the person's browser would open. */
export function signInUrlOf(event: BotEvent): URL {
  const match = /"url":"([^"]*\/signin\?state=[^"]+)"/.exec(JSON.stringify(event.cards));
  assert.ok(match, `a sign-in card with a URL: ${event.rendered}`);
  return new URL(match[1]!);
}

/** Asks for a sign-in link in chat (in the person's words) and returns its one-time state. */
export async function askForSignInLink(chat: LocalConversation, words = 'sign in', locale?: string): Promise<string> {
  await chat.send(words, locale ? { locale } : {});
  const card = await chat.waitFor((event) => JSON.stringify(event.cards).includes('/signin?state='), { timeoutMs: 3_000 });
  return signInUrlOf(card).searchParams.get('state')!;
}

/** Signs in the way a person does: "sign in" in chat, open the page, post the form like a browser. */
export async function signInThroughPage(botUrl: string, chat: LocalConversation, username: string, password = passwords[username]!): Promise<void> {
  const state = await askForSignInLink(chat);
  const page = await fetch(`${botUrl}/signin?state=${encodeURIComponent(state)}`);
  assert.equal(page.status, 200);
  const html = await page.text();
  assert.match(html, /<form method="post"/);
  assert.ok(html.includes(`value="${state}"`), 'the form carries the one-time state');
  const posted = await postForm(botUrl, { state, username, password });
  assert.equal(posted.status, 200, await posted.clone().text());
  await chat.waitFor((event) => (event.text ?? '').includes('You are signed in to Skype for Business'), { timeoutMs: 5_000 });
}

/** Signs in and watches one meeting: where most lobby alert stories start. */
export async function signInAndWatch(botUrl: string, chat: LocalConversation, username: string, meeting = 'Budget review'): Promise<void> {
  await signInThroughPage(botUrl, chat, username);
  await chat.send(`watch my meeting ${meeting}`);
  await chat.waitFor((event) => event.rendered.includes("I'm watching the lobby of"), { timeoutMs: 10_000 });
}

export function postForm(botUrl: string, fields: Record<string, string>): Promise<Response> {
  return fetch(`${botUrl}/signin`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  });
}

/** A new alert card for `name`: the card names them in bold, with their organisation after the name for people from outside. */
export function isAlertFor(name: string): (event: BotEvent) => boolean {
  const headline = (text: string) => text.includes(`**${name}** is waiting`) || (text.includes(`**${name} (`) && /\)\*\* is waiting/.test(text));
  return (event) => event.kind === 'send' && event.cards.some((card) => headline(JSON.stringify(card)));
}

export function isUpdateOf(alert: BotEvent, words: string): (event: BotEvent) => boolean {
  return (event) => event.kind === 'update' && event.activityId === alert.activityId && event.rendered.includes(words);
}

/** Every file under a directory, as text: for "the password is stored nowhere". */
export async function allFileText(directory: string): Promise<string> {
  const parts: string[] = [];
  for (const entry of await readdir(directory, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) parts.push(await readFile(join(entry.parentPath, entry.name), 'utf8').catch(() => ''));
  }
  return parts.join('\n');
}

export type AlertsBot = Awaited<ReturnType<typeof startAlertsBot>>;

/**
 * A fresh bot and simulator for every test of the calling `describe`, optionally with Alice signed in and watching
 * Budget review; read it through the returned getter inside the tests.
 */
export function freshAlertsBotPerTest(options: { aliceWatching?: boolean } = {}): () => AlertsBot {
  let env: AlertsBot | undefined;
  beforeEach(async () => {
    env = await startAlertsBot();
    if (options.aliceWatching) await signInAndWatch(env.bot.app.url, env.bot.channel.personalChat('alice@contoso.com'), 'alice@contoso.com');
  });
  afterEach(async () => {
    await env?.close();
    env = undefined;
  });
  return () => env!;
}
