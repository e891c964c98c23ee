/**
 * Child process of the throughput bench: N Teams users, each in a personal chat with the bot, in a closed loop
 * (send, wait for the turn to finish, send again) through one local Bot Connector shared by both targets, so the
 * bot and the echo bot are driven by the same client code, on the same connector, from a process of their own.
 * A request counts as a reply only when the target answered 2xx and sent at least one activity to the connector.
 */
import type { Activity } from 'botbuilder';
import { postToBot } from '../../src/localChannel/botEndpoint.js';
import { LocalChannel, type LocalUser } from '../../src/localChannel/localChannel.js';
import { sandboxPeople } from '../../src/localChannel/people.js';
import type { RecordedActivity } from '../../src/localChannel/connector.js';
import { AdmitLoad } from './admitLoad.js';
import { ADMIT_SENTENCE, tellParent, type LoadAnswer, type LoadCommand, type RoundResult } from './ipc.js';
import { personalActivity } from './teamsActivity.js';

const requestTimeoutMs = 15_000;
const maxFailuresKept = 5;

interface Loop {
  user: LocalUser;
  conversationId: string;
}

let channel: LocalChannel | undefined;
let loops: Loop[] = [];
let targets: { bot: string; echo: string } = { bot: '', echo: '' };
let ucwaOrigin = '';
/** The admit sentence's own users and cards, set up only when that sentence runs. */
let admit: AdmitLoad | undefined;
/** Activities the connector received per conversation: how a request knows its turn replied. */
const sentPerConversation = new Map<string, number>();

process.on('message', (message: LoadCommand) => {
  void handle(message).then(
    (answer) => answer && tellParent(answer),
    (error: unknown) => tellParent({ kind: 'failed', message: error instanceof Error ? error.stack ?? error.message : String(error) } satisfies LoadAnswer),
  );
});
process.on('disconnect', () => {
  void channel?.close().finally(() => process.exit(0));
});
tellParent({ kind: 'ready' });

async function handle(command: LoadCommand): Promise<LoadAnswer | undefined> {
  switch (command.kind) {
    case 'prepare':
      return prepare(command);
    case 'prepareAdmit':
      admit = new AdmitLoad(channel!, targets, ucwaOrigin, loops.length);
      return { kind: 'prepared', notes: await admit.prepare(command.organizers) };
    case 'refill':
      if (!admit) throw new Error('refill before prepareAdmit');
      return { kind: 'refilled', ...(await admit.refill()) };
    case 'round':
      if (command.text === ADMIT_SENTENCE) {
        if (!admit) throw new Error('admit round before prepareAdmit');
        return { kind: 'round', result: await admit.round(command.target, command.durationMs) };
      }
      return { kind: 'round', result: await round(targets[command.target], command.text, command.durationMs) };
    case 'stop':
      await channel?.close();
      process.exit(0);
  }
}

/**
 * N Teams users who are all Alice Wood in the sandbox (same UPN, so the simulators know them; distinct Teams and
 * Entra ids, so each has her own chat, state and watch list). Each watches Budget review; then Dave Fisher waits
 * in its lobby, so "who's in the lobby" has someone to show.
 */
async function prepare(command: Extract<LoadCommand, { kind: 'prepare' }>): Promise<LoadAnswer> {
  targets = { bot: command.botUrl, echo: command.echoUrl };
  ucwaOrigin = command.simulators.ucwaOrigin;
  const alice = sandboxPeople.alice;
  channel = await LocalChannel.start({
    botUrl: command.botUrl,
    users: Array.from({ length: command.users }, (_, index) => ({ ...alice, name: `${alice.name} ${String(index + 1).padStart(2, '0')}` })),
    requestTimeoutMs,
  });
  channel.connector.on('activity', (recorded: RecordedActivity) => {
    sentPerConversation.set(recorded.conversationId, (sentPerConversation.get(recorded.conversationId) ?? 0) + 1);
  });
  const notes: string[] = [];
  loops = [];
  for (const user of channel.users()) {
    const chat = channel.personalChat(user);
    await chat.install();
    const before = chat.botEvents().length;
    // The turn is over when the POST returns, so its replies are already at the connector.
    await chat.send('watch my meeting Budget review');
    const answer = chat.botEvents().slice(before).map((event) => event.rendered).join(' / ');
    if (!/watch/i.test(answer)) throw new Error(`${user.name} could not watch Budget review: ${answer}`);
    if (loops.length === 0) notes.push(`watch: ${answer.split('\n')[0] ?? ''}`);
    chat.dispose();
    loops.push({ user, conversationId: chat.id });
  }
  const arrival = await fetch(`${command.simulators.ucwaOrigin}/_sim/lobby`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ meeting: 'Budget review', name: 'Dave Fisher', sipUri: 'sip:dave@fabrikam.com', source: 'federated' }),
    signal: AbortSignal.timeout(requestTimeoutMs),
  });
  notes.push(`lobby arrival: HTTP ${arrival.status}`);
  // The alert cards go out to every watcher; let them land before anything is timed.
  await new Promise((resolve) => setTimeout(resolve, 2000));
  return { kind: 'prepared', notes };
}

/** Every loop sends `text` and waits for the turn, again and again, until the time is up. */
async function round(url: string, text: string, durationMs: number): Promise<RoundResult> {
  const latenciesMs: number[] = [];
  const failures: string[] = [];
  let errors = 0;
  const started = performance.now();
  const deadline = started + durationMs;
  await Promise.all(
    loops.map(async (loop) => {
      while (performance.now() < deadline) {
        const before = sentPerConversation.get(loop.conversationId) ?? 0;
        const sent = performance.now();
        try {
          await postToBot(url, message(loop, text), requestTimeoutMs);
          if ((sentPerConversation.get(loop.conversationId) ?? 0) === before) throw new Error('the turn ended without a reply');
          latenciesMs.push(performance.now() - sent);
        } catch (error) {
          errors += 1;
          if (failures.length < maxFailuresKept) failures.push(error instanceof Error ? error.message : String(error));
        }
      }
    }),
  );
  return { replies: latenciesMs.length, errors, seconds: (performance.now() - started) / 1000, latenciesMs, failures };
}

/** A personal-chat message as Teams sends it (the local channel's own shape, without its transcript bookkeeping). */
function message(loop: Loop, text: string): Partial<Activity> {
  return { ...personalActivity(channel!, loop.user, loop.conversationId, 'message'), text, textFormat: 'plain' };
}
