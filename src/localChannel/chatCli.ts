#!/usr/bin/env node
import { createInterface, clearLine, cursorTo } from 'node:readline';
import { pino } from 'pino';
import { createLogger } from '../logging.js';
import { parseChatArgs, type ChatArgs } from './chatArgs.js';
import { ChatSession, CHAT_HELP } from './chatSession.js';
import { LocalChannel, type UserInput } from './localChannel.js';
import { defaultPeople } from './people.js';

/**
 * `npm run chat`: talk to a running bot from a terminal through the local Bot Connector emulator.
 * Works piped too (`printf 'hello\n' | npm run chat`): it then leaves once input ends and replies settle.
 */

const USAGE = `Usage: npm run chat -- [--user <name>] [--group [<name,name,...>] | --channel <Team>[/<Channel>]] [--users <name,name,...>]
  (options go after "--": npm keeps options before it for itself)
  BOT_URL   the bot's messaging endpoint (default http://localhost:3978/api/messages)
  --user    who you are, e.g. --user "Carol Diaz" (default: the first user, Alice Wood)
  --users   the people in the tenant (default: the sandbox's Alice Wood, Bob Kelly, Carol Diaz, Ada Admin)
  --group   chat in a group chat with everyone, or with the people named after it
  --channel chat in a team channel, e.g. --channel Finance/General (channel default General)
  --locale  e.g. zh-CN (default en-US)

${CHAT_HELP}`;

async function main(): Promise<number> {
  let options: ChatArgs;
  try {
    options = parseChatArgs(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}\n`);
    return 2;
  }
  if (options.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  for (const note of options.notes) process.stderr.write(`${note}\n`);
  const interactive = process.stdin.isTTY === true && process.stdout.isTTY === true;
  const local = await LocalChannel.start({
    botUrl: options.botUrl,
    users: defaultUsers(options),
    locale: options.locale,
    logger: createLogger({ level: 'warn', destination: pino.destination(2) }),
  });
  // Readline is created only after start: it begins reading stdin at once, and piped lines that arrived
  // before the loop listened would be lost.
  let lines: ReturnType<typeof createInterface> | undefined;
  const print = (text: string) => {
    if (interactive && lines) {
      clearLine(process.stdout, 0);
      cursorTo(process.stdout, 0);
    }
    process.stdout.write(`${text}\n`);
    if (interactive && lines) lines.prompt(true);
  };
  let session: ChatSession;
  try {
    session = new ChatSession({ local, mode: options.mode, user: options.user, print });
    await session.start();
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    await local.close();
    return 1;
  }
  lines = createInterface({ input: process.stdin, output: process.stdout, terminal: interactive });
  return runLoop(session, lines, interactive, local);
}

/** The sandbox's people by default, so the simulators know who is chatting; `--users` replaces them. */
function defaultUsers(options: ChatArgs): Array<string | UserInput> {
  if (options.users && options.users.length > 0) return options.users;
  const wanted = options.user?.trim().toLowerCase();
  // The same ways LocalChannel.user finds someone: full name, UPN or first name ("--user Carol").
  const known =
    wanted === undefined ||
    defaultPeople.some(
      (person) =>
        person.name.toLowerCase() === wanted || person.name.split(' ')[0]!.toLowerCase() === wanted || person.userPrincipalName?.toLowerCase() === wanted,
    );
  return known ? defaultPeople : [options.user!, ...defaultPeople];
}

/** Lines are handled one at a time, in order, so replies appear under the message that caused them. */
function runLoop(
  session: ChatSession,
  lines: ReturnType<typeof createInterface>,
  interactive: boolean,
  local: LocalChannel,
): Promise<number> {
  return new Promise<number>((resolve) => {
    let queue: Promise<void> = Promise.resolve();
    let exitCode = 0;
    lines.on('line', (line) => {
      queue = queue.then(async () => {
        if (session.quitRequested) return;
        try {
          await session.handleLine(line);
        } catch (error) {
          process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
          exitCode = 1;
          session.quitRequested = true;
        }
        if (session.quitRequested) lines.close();
        else if (interactive) lines.prompt();
      });
    });
    lines.on('close', () => {
      void queue
        .then(() => (session.quitRequested ? undefined : session.settle()))
        .then(async () => {
          session.dispose();
          await local.close();
          resolve(exitCode);
        });
    });
    lines.on('SIGINT', () => lines.close());
    if (interactive) {
      lines.setPrompt('> ');
      lines.prompt();
    }
  });
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
