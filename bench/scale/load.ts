/**
 * Child process of the scale bench (lines 2 and 3): many Teams organizers in personal chats with the bot, through
 * one local Bot Connector. It has them watch their own meeting (which signs each in to the UCWA simulator and
 * opens an event channel), then puts people in those meetings' lobbies at a steady rate through the simulator's
 * control API and times each from the simulator's `emittedAt` to the alert card reaching the connector.
 */
import { performance } from 'node:perf_hooks';
import pLimit from 'p-limit';
import { baseConversationId } from '../../src/localChannel/ids.js';
import { LocalChannel, type LocalUser } from '../../src/localChannel/localChannel.js';
import type { RecordedActivity } from '../../src/localChannel/connector.js';
import { tellParent } from '../throughput/ipc.js';

export interface Organizer {
  upn: string;
  name: string;
  meetingId: string;
  subject: string;
}

export type ScaleCommand =
  | { kind: 'prepare'; botUrl: string; ucwaOrigin: string }
  | { kind: 'watch'; organizers: Organizer[]; concurrency: number }
  /** "sign out" from organizers who watch: their channels close and the bot forgets their sessions and watches. */
  | { kind: 'signOut'; organizers: Organizer[]; concurrency: number }
  | { kind: 'arrivals'; count: number; perSecond: number; graceMs: number };

export interface ArrivalResult {
  sent: number;
  /** Milliseconds from the simulator emitting the lobby event to the card at the connector, per alert. */
  latenciesMs: number[];
  lost: number;
  /** Control calls that failed (the arrival never happened). */
  failedArrivals: number;
  seconds: number;
  failures: string[];
}

export type ScaleAnswer =
  | { kind: 'prepared' }
  | { kind: 'watched'; watched: number; seconds: number; failures: string[] }
  | { kind: 'signedOut'; signedOut: number; watched: number; failures: string[] }
  | { kind: 'arrivals'; result: ArrivalResult }
  | { kind: 'failed'; message: string };

const requestTimeoutMs = 60_000;
let channel: LocalChannel | undefined;
let ucwaOrigin = '';
/** Watched organizers: their meeting id and the personal chat the alert reaches. */
const watched: Array<{ meetingId: string; conversationId: string }> = [];
/** Each organizer's Teams user, by UPN, to speak for them again (sign-out). */
const teamsUsers = new Map<string, LocalUser>();
/** Arrivals whose card has not reached the connector yet, by conversation: guest name → emittedAt. */
const waiting = new Map<string, Map<string, number>>();
const latenciesMs: number[] = [];

const now = () => performance.timeOrigin + performance.now();

process.on('message', (message: ScaleCommand) => {
  void handle(message).then(
    (answer) => tellParent(answer),
    (error: unknown) => tellParent({ kind: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies ScaleAnswer),
  );
});
process.on('disconnect', () => {
  void channel?.close().finally(() => process.exit(0));
});
tellParent({ kind: 'ready' });

async function handle(command: ScaleCommand): Promise<ScaleAnswer> {
  switch (command.kind) {
    case 'prepare':
      ucwaOrigin = command.ucwaOrigin;
      channel = await LocalChannel.start({ botUrl: command.botUrl, users: [{ name: 'Bench Warmup' }], requestTimeoutMs });
      channel.connector.on('activity', onActivity);
      return { kind: 'prepared' };
    case 'watch':
      return watch(command.organizers, command.concurrency);
    case 'signOut':
      return signOut(command.organizers, command.concurrency);
    case 'arrivals':
      return { kind: 'arrivals', result: await arrivals(command.count, command.perSecond, command.graceMs) };
  }
}

/** A card reached the connector: every waiting guest it names is delivered (sends and in-place updates alike). */
function onActivity(recorded: RecordedActivity): void {
  const pending = waiting.get(baseConversationId(recorded.conversationId));
  if (!pending || pending.size === 0) return;
  const at = now();
  const text = JSON.stringify(recorded.activity);
  for (const [guest, emittedAt] of pending) {
    if (!text.includes(guest)) continue;
    latenciesMs.push(at - emittedAt);
    pending.delete(guest);
  }
}

async function watch(organizers: Organizer[], concurrency: number): Promise<ScaleAnswer> {
  const local = channel!;
  const started = performance.now();
  const failures: string[] = [];
  const limit = pLimit(concurrency);
  await Promise.all(
    organizers.map((organizer) =>
      limit(async () => {
        const user: LocalUser = local.addUser({ name: organizer.name, userPrincipalName: organizer.upn, email: organizer.upn });
        teamsUsers.set(organizer.upn, user);
        const chat = local.personalChat(user);
        try {
          await chat.install();
          const before = chat.botEvents().length;
          await chat.send(`watch my meeting ${organizer.subject}`);
          const answer = chat.botEvents().slice(before).map((event) => event.rendered).join(' / ');
          if (!/watching/i.test(answer)) throw new Error(`${organizer.upn}: ${answer.slice(0, 200)}`);
          watched.push({ meetingId: organizer.meetingId, conversationId: chat.id });
        } catch (error) {
          if (failures.length < 5) failures.push(error instanceof Error ? error.message : String(error));
        } finally {
          chat.dispose();
        }
      }),
    ),
  );
  return { kind: 'watched', watched: watched.length, seconds: (performance.now() - started) / 1000, failures };
}

async function signOut(organizers: Organizer[], concurrency: number): Promise<ScaleAnswer> {
  const local = channel!;
  const failures: string[] = [];
  let signedOut = 0;
  const limit = pLimit(concurrency);
  await Promise.all(
    organizers.map((organizer) =>
      limit(async () => {
        const user = teamsUsers.get(organizer.upn);
        if (!user) return;
        // The chat from `watch`, which stopped recording when disposed: the connector's own record has the answer.
        const chat = local.personalChat(user);
        try {
          const before = local.connector.activities(chat.id).length;
          await chat.send('sign out');
          const answer = local.connector.activities(chat.id).slice(before).map((recorded) => JSON.stringify(recorded.activity)).join(' / ');
          if (!/signed out/i.test(answer)) throw new Error(`${organizer.upn}: ${answer.slice(0, 200)}`);
          signedOut += 1;
          // No arrival is aimed at them any more: their meeting is not watched.
          const index = watched.findIndex((entry) => entry.conversationId === chat.id);
          if (index >= 0) watched.splice(index, 1);
        } catch (error) {
          if (failures.length < 5) failures.push(error instanceof Error ? error.message : String(error));
        }
      }),
    ),
  );
  return { kind: 'signedOut', signedOut, watched: watched.length, failures };
}

/**
 * `count` arrivals at `perSecond`, spread over the watched meetings by a stride so one organizer's arrivals are far
 * apart; each guest has a unique name, which is how its card is recognised.
 */
async function arrivals(count: number, perSecond: number, graceMs: number): Promise<ArrivalResult> {
  latenciesMs.length = 0;
  const failures: string[] = [];
  let failedArrivals = 0;
  const started = performance.now();
  const stride = strideFor(watched.length);
  const calls: Array<Promise<void>> = [];
  for (let index = 0; index < count; index += 1) {
    const due = started + (index * 1000) / perSecond;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const target = watched[(index * stride) % watched.length]!;
    const guest = `Guest ${Date.now().toString(36)}x${index}`;
    calls.push(
      (async () => {
        try {
          const response = await fetch(`${ucwaOrigin}/_sim/meetings/${encodeURIComponent(target.meetingId)}/lobby`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ name: guest, source: 'anonymous' }),
            signal: AbortSignal.timeout(requestTimeoutMs),
          });
          if (response.status !== 201) throw new Error(`lobby arrival: HTTP ${response.status} ${await response.text()}`);
          const { emittedAt } = (await response.json()) as { emittedAt: number };
          // The card may already be here (the control call's answer raced it): then it was counted from receipt.
          const pending = waiting.get(target.conversationId) ?? new Map<string, number>();
          waiting.set(target.conversationId, pending);
          pending.set(guest, emittedAt);
          lateCheck(target.conversationId, guest, emittedAt);
        } catch (error) {
          failedArrivals += 1;
          if (failures.length < 5) failures.push(error instanceof Error ? error.message : String(error));
        }
      })(),
    );
  }
  await Promise.all(calls);
  const deadline = performance.now() + graceMs;
  while (performance.now() < deadline && [...waiting.values()].some((pending) => pending.size > 0)) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const lost = [...waiting.values()].reduce((sum, pending) => sum + pending.size, 0);
  waiting.clear();
  return { sent: count - failedArrivals, latenciesMs: [...latenciesMs], lost, failedArrivals, seconds: (performance.now() - started) / 1000, failures };
}

/** Cards that reached the connector before the control call answered: find them in what was already recorded. */
function lateCheck(conversationId: string, guest: string, emittedAt: number): void {
  for (const recorded of channel!.connector.activities(conversationId)) {
    if (!JSON.stringify(recorded.activity).includes(guest)) continue;
    latenciesMs.push(recorded.at.getTime() - emittedAt);
    waiting.get(conversationId)?.delete(guest);
    return;
  }
}

/** A step coprime with n, near n / φ, so consecutive arrivals land on organizers far apart. */
function strideFor(n: number): number {
  let stride = Math.max(1, Math.round(n * 0.618));
  const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
  while (gcd(stride, n) !== 1) stride += 1;
  return stride;
}
