#!/usr/bin/env node
import { parseArgs } from 'node:util';
import dotenv from 'dotenv';
import { z } from 'zod';
import { sandboxDirectory, type SandboxPerson } from './people.js';
import { readSandboxState, sandboxStatePath, type SandboxState } from './stateFile.js';
import { isProcessAlive } from '../processes.js';

/**
 * `npm run sim -- <command>`: pokes the running sandbox's simulators from a second terminal. The sandbox writes its
 * simulators' addresses to DATA_DIR/sandbox.json, so nobody has to find a port in a log line.
 */

const USAGE = `Usage: npm run sim -- <command>
  lobby <meeting> <name> [--sip sip:user@domain] [--source enterprise|federated|anonymous]
            put someone in the lobby of a UCWA meeting (subject, id or URI), e.g.
            npm run sim -- lobby "Budget review" "Dave Fisher"
  presence <user> <availability> [--activity <text>]
            change a UCWA contact's presence, e.g. npm run sim -- presence bob@contoso.com Away
  where     print the running sandbox's simulator addresses
  DATA_DIR  where the running bot keeps its data (default ./data), as for npm start`;

/** Outbound calls are to loopback, but a hung simulator must still not hang the terminal. */
const REQUEST_TIMEOUT_MS = 5_000;
const HOME_DOMAIN = '@contoso.com';
const jsonObject = z.record(z.unknown());

class SimCliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

const options = {
  sip: { type: 'string' },
  source: { type: 'string' },
  activity: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

async function main(argv: readonly string[]): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options, strict: true, allowPositionals: true });
  } catch (error) {
    throw new SimCliError(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`, 2);
  }
  const { values, positionals } = parsed;
  const [command, ...rest] = positionals;
  if (values.help || command === undefined || command === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  switch (command) {
    case 'lobby':
      return lobby(rest, values);
    case 'presence':
      return presence(rest, values);
    case 'where':
      return where();
    default:
      throw new SimCliError(`Unknown command "${command}".\n\n${USAGE}`, 2);
  }
}

async function lobby(args: string[], values: { sip?: string; source?: string }): Promise<void> {
  const [meeting, name, ...extra] = args;
  if (!meeting || !name || extra.length > 0) {
    throw new SimCliError(`lobby needs a meeting and a name (quote them when they have spaces), e.g. npm run sim -- lobby "Budget review" "Dave Fisher"`, 2);
  }
  const ucwa = (await runningSandbox()).ucwa;
  if (!ucwa) throw new SimCliError('The running bot uses a real Skype for Business server (UCWA_DISCOVERY_URL), not the simulator.');
  const person = knownPerson(name);
  const arrival = {
    meeting,
    name: person?.name ?? name,
    sipUri: values.sip ?? (person ? `sip:${person.upn}` : undefined),
    source: values.source ?? (person ? (person.upn.endsWith(HOME_DOMAIN) ? 'enterprise' : 'federated') : undefined),
  };
  const answer = await post(`${ucwa.origin}/_sim/lobby`, arrival);
  process.stdout.write(`${arrival.name} is waiting in the lobby of "${meeting}" (participant ${String(answer['participantId'])}).\n`);
}

async function presence(args: string[], values: { activity?: string }): Promise<void> {
  const [user, availability, ...extra] = args;
  if (!user || !availability || extra.length > 0) {
    throw new SimCliError('presence needs a user and an availability, e.g. npm run sim -- presence bob@contoso.com Away', 2);
  }
  const ucwa = (await runningSandbox()).ucwa;
  if (!ucwa) throw new SimCliError('The running bot uses a real Skype for Business server (UCWA_DISCOVERY_URL), not the simulator.');
  const upn = knownPerson(user)?.upn ?? user;
  await post(`${ucwa.origin}/_sim/presence`, { user: upn, availability, activity: values.activity });
  process.stdout.write(`${upn} is now ${availability}.\n`);
}

async function where(): Promise<void> {
  const state = await runningSandbox();
  if (state.ucwa) process.stdout.write(`UCWA simulator: ${state.ucwa.origin} (discovery ${state.ucwa.discoveryUrl})\n`);
  if (state.huawei) process.stdout.write(`Huawei Cloud Meeting simulator: ${state.huawei.origin}\n`);
}

/** A sandbox person by full name, first name or address, so "Dave Fisher" arrives as dave@fabrikam.com. */
function knownPerson(text: string): SandboxPerson | undefined {
  const wanted = text.trim().toLowerCase().replace(/^sip:/, '');
  return sandboxDirectory().find(
    (person) => person.name.toLowerCase() === wanted || person.upn === wanted || person.name.split(' ')[0]!.toLowerCase() === wanted,
  );
}

async function runningSandbox(): Promise<SandboxState> {
  dotenv.config({ quiet: true });
  const dataDir = process.env['DATA_DIR']?.trim() || './data';
  const state = await readSandboxState(dataDir);
  if (!state) {
    throw new SimCliError(`No sandbox is running with DATA_DIR=${dataDir} (no ${sandboxStatePath(dataDir)}). Start one with npm start.`);
  }
  if (!isProcessAlive(state.pid)) {
    throw new SimCliError(`The sandbox that wrote ${sandboxStatePath(dataDir)} (process ${state.pid}) is no longer running. Start one with npm start.`);
  }
  return state;
}

async function post(url: string, body: Record<string, unknown>): Promise<Record<string, unknown>> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
  } catch {
    throw new SimCliError(`The simulator at ${new URL(url).origin} does not answer. Is the bot (npm start) still running?`);
  }
  const text = await response.text();
  let answer: Record<string, unknown> = {};
  try {
    answer = jsonObject.catch({}).parse(text ? JSON.parse(text) : {});
  } catch {
    // not JSON: the status line below says enough
  }
  if (!response.ok) {
    const reason = typeof answer['error'] === 'string' ? answer['error'] : `HTTP ${response.status}`;
    throw new SimCliError(`The simulator refused: ${reason}`);
  }
  return answer;
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = error instanceof SimCliError ? error.exitCode : 1;
});
