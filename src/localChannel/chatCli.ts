#!/usr/bin/env node
import { createInterface, clearLine, cursorTo } from 'node:readline';
import { parseArgs } from 'node:util';
import { pino } from 'pino';
import { createLogger } from '../logging.js';
import { ChatSession, CHAT_HELP, type ChatMode } from './chatSession.js';
import { LocalChannel, type UserInput } from './localChannel.js';
import { defaultPeople } from './people.js';

/**
 * `npm run chat`: talk to a running bot from a terminal through the local Bot Connector emulator.
 * Works piped too (`printf 'hello\n' | npm run chat`): it then leaves once input ends and replies settle.
 */

const USAGE = `Usage: npm run chat -- [--user <name>] [--group <name,name,...> | --channel <Team>[/<Channel>]] [--users <name,name,...>]
  BOT_URL   the bot's messaging endpoint (default http://localhost:3978/api/messages)
  --user    who you are (default: the first user)
  --users   the people in the tenant (default: the sandbox's Alice Wood, Bob Kelly, Carol Diaz, Ada Admin)
  --group   chat in a group chat with these people ("all" for everyone)
  --channel chat in a team channel, e.g. --channel "Operations/Incidents"
  --locale  e.g. zh-CN (default en-US)

${CHAT_HELP}`;

interface CliOptions {
  botUrl: string;
  user?: string;
  users?: string[];
  mode: ChatMode;
  locale?: string;
}

function parseCli(argv: string[]): CliOptions | 'help' {
  const { values } = parseArgs({
    args: argv,
    options: {
      user: { type: 'string' },
      users: { type: 'string' },
      group: { type: 'string' },
      channel: { type: 'string' },
      locale: { type: 'string' },
      bot: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) return 'help';
  if (values.group !== undefined && values.channel !== undefined) throw new Error('Choose either --group or --channel, not both');
  const names = (text: string | undefined) =>
    (text ?? '')
      .split(',')
      .map((name) => name.trim())
      .filter((name) => name.length > 0 && name.toLowerCase() !== 'all');
  let mode: ChatMode = { kind: 'personal' };
  if (values.group !== undefined) mode = { kind: 'group', members: names(values.group) };
  if (values.channel !== undefined) {
    const [team = '', channel = 'General'] = values.channel.split('/').map((part) => part.trim());
    if (team.length === 0) throw new Error('--channel needs a team name, e.g. --channel "Operations/Incidents"');
    mode = { kind: 'channel', team, channel: channel || 'General' };
  }
  const users = values.users === undefined ? undefined : names(values.users);
  return {
    botUrl: values.bot ?? process.env['BOT_URL'] ?? 'http://localhost:3978/api/messages',
    user: values.user,
    users: users && values.user && !users.some((name) => name.toLowerCase() === values.user?.toLowerCase()) ? [...users, values.user] : users,
    mode,
    locale: values.locale,
  };
}

async function main(): Promise<number> {
  let options: CliOptions | 'help';
  try {
    options = parseCli(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}\n`);
    return 2;
  }
  if (options === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
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
function defaultUsers(options: CliOptions): Array<string | UserInput> {
  if (options.users && options.users.length > 0) return options.users;
  const wanted = options.user?.toLowerCase();
  const known = wanted === undefined || defaultPeople.some((person) => person.name.toLowerCase() === wanted || person.userPrincipalName?.toLowerCase() === wanted);
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
