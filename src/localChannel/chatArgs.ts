import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { ChatMode } from './chatSession.js';

/** The command line of `npm run chat`, parsed; `help` asks for the usage text. */
export interface ChatArgs {
  botUrl: string;
  user?: string;
  users?: string[];
  mode: ChatMode;
  locale?: string;
  help: boolean;
  /** Said once on stderr before chatting, e.g. that flags npm kept for itself were honoured. */
  notes: string[];
}

/** A command line that cannot be honoured; the message says how to write it instead. */
export class ChatUsageError extends Error {
  override readonly name = 'ChatUsageError';
}

/**
 * `--group` is a flag: on its own it means a group chat with everyone, and the one argument right after it, if any,
 * names the members ("Alice Wood,Bob Kelly"). A string option would demand a value and swallow the next flag.
 */
const options = {
  user: { type: 'string' },
  users: { type: 'string' },
  group: { type: 'boolean' },
  channel: { type: 'string' },
  locale: { type: 'string' },
  bot: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies ParseArgsConfig['options'];

type OptionName = keyof typeof options;
const optionNames = Object.keys(options) as OptionName[];

const EXAMPLE = 'npm run chat -- --user "Carol Diaz" --channel Finance/General';

export function parseChatArgs(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): ChatArgs {
  const notes: string[] = [];
  const args = [...reclaimFromNpm(argv, env, notes)];
  let parsed;
  try {
    parsed = parseArgs({ args, options, strict: true, allowPositionals: true, tokens: true });
  } catch (error) {
    throw new ChatUsageError(error instanceof Error ? error.message : String(error));
  }
  const { values, tokens } = parsed;
  if (values.group && values.channel !== undefined) throw new ChatUsageError('Choose either --group or --channel, not both');
  const groupMembers = memberListAfterGroup(tokens);

  let mode: ChatMode = { kind: 'personal' };
  if (values.group) mode = { kind: 'group', members: names(groupMembers) };
  if (values.channel !== undefined) mode = channelMode(values.channel);
  const users = values.users === undefined ? undefined : names(values.users);
  const user = values.user;
  return {
    botUrl: values.bot ?? env['BOT_URL'] ?? 'http://localhost:3978/api/messages',
    user,
    users: users && user && !users.some((name) => name.toLowerCase() === user.toLowerCase()) ? [...users, user] : users,
    mode,
    locale: values.locale,
    help: values.help === true,
    notes,
  };
}

type Token = NonNullable<ReturnType<typeof parseArgs>['tokens']>[number];

/** The positional directly after `--group` is its member list; any other positional is a mistake worth naming. */
function memberListAfterGroup(tokens: readonly Token[]): string | undefined {
  let members: string | undefined;
  tokens.forEach((token, index) => {
    if (token.kind !== 'positional') return;
    const before = tokens[index - 1];
    if (before?.kind === 'option' && before.name === 'group' && members === undefined) {
      members = token.value;
      return;
    }
    throw new ChatUsageError(`Unexpected argument "${token.value}". Quote names with spaces, e.g. ${EXAMPLE}`);
  });
  return members;
}

function channelMode(value: string): ChatMode {
  const [team = '', channel = 'General'] = value.split('/').map((part) => part.trim());
  if (team.length === 0) throw new ChatUsageError('--channel needs a team name, e.g. --channel "Operations/Incidents"');
  return { kind: 'channel', team, channel: channel || 'General' };
}

function names(text: string | undefined): string[] {
  return (text ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name.length > 0 && name.toLowerCase() !== 'all');
}

/**
 * `npm run chat --group` (without `--`) never reaches us as a flag: npm takes `--group` as its own config, sets
 * `npm_config_group=true`, and passes any value after it on as a plain argument (`--channel=X` becomes
 * `npm_config_channel=X`). A flag with its value attached, and one bare flag, can be put back unambiguously (the bare
 * one followed by what npm passed on); with several bare flags npm has lost their order, so the right spelling is
 * given instead of guessing which value belongs to which.
 */
function reclaimFromNpm(argv: readonly string[], env: NodeJS.ProcessEnv, notes: string[]): readonly string[] {
  if (env['npm_lifecycle_event'] !== 'chat') return argv; // only `npm run chat` itself, not a chat started inside `npm test`
  const bare: OptionName[] = [];
  const valued: string[] = [];
  for (const name of optionNames) {
    const value = env[`npm_config_${name}`];
    if (value === undefined || value === '' || name === 'help') continue;
    if (value === 'true') bare.push(name);
    else if (options[name].type === 'string') valued.push(`--${name}=${value}`);
  }
  if (bare.length === 0 && valued.length === 0) return argv;
  const typed = [...bare.map((name) => `--${name}`), ...valued].join(' ');
  if (bare.length > 1) {
    throw new ChatUsageError(
      `npm kept ${typed} for itself (it passes on only what comes after "--"). Put the chat's options after "--", e.g. ${EXAMPLE}`,
    );
  }
  notes.push(`npm kept ${typed} for itself; I used it anyway. Next time put the chat's options after "--": npm run chat -- ${typed} …`);
  return [...valued, ...bare.map((name) => `--${name}`), ...argv];
}
