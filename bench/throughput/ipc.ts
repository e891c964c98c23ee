/**
 * What the throughput bench's processes tell each other over their IPC channels (node's `fork`): one JSON message
 * at a time, checked on arrival so a child that dies half-way is reported, not misread.
 */
import type { ChildProcess } from 'node:child_process';
import { fork } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

export interface SimulatorAddresses {
  ucwaDiscoveryUrl: string;
  ucwaOrigin: string;
  huaweiOrigin: string;
  huaweiAppId: string;
  huaweiAppKey: string;
  /** The Huawei enterprise's administrators (what HUAWEI_ADMINS would say). */
  huaweiAdmins: string[];
}

/** One closed-loop round against one target: every request's round trip, in milliseconds. */
export interface RoundResult {
  replies: number;
  errors: number;
  seconds: number;
  latenciesMs: number[];
  /** The first few failures' messages, for a report that says why. */
  failures: string[];
}

/** Line 1's fourth "sentence": not text, but pressing Admit on a real lobby alert card (bench/throughput/admitLoad.ts). */
export const ADMIT_SENTENCE = 'pressing Admit on an alert card';

/** A UCWA simulator bulk organizer with a meeting of their own (what bench/scale.ts's bulkOrganizers returns). */
export interface AdmitOrganizer {
  upn: string;
  name: string;
  meetingId: string;
  subject: string;
}

export type LoadCommand =
  | { kind: 'prepare'; botUrl: string; echoUrl: string; simulators: SimulatorAddresses; users: number }
  | { kind: 'prepareAdmit'; organizers: AdmitOrganizer[] }
  | { kind: 'refill' }
  | { kind: 'round'; target: 'bot' | 'echo'; text: string; durationMs: number }
  | { kind: 'stop' };

export type LoadAnswer =
  | { kind: 'prepared'; notes: string[] }
  | { kind: 'refilled'; cards: number; seconds: number }
  | { kind: 'round'; result: RoundResult }
  | { kind: 'failed'; message: string };

/** A child started with an IPC channel, whose first message is its ready report (bounded in time). */
export async function forkChild<Ready>(
  script: string,
  args: string[],
  options: { execArgv?: string[]; env?: NodeJS.ProcessEnv; readyTimeoutMs?: number } = {},
): Promise<{ child: ChildProcess; ready: Ready }> {
  const path = fileURLToPath(new URL(script, import.meta.url));
  const child = fork(path, args, {
    execArgv: options.execArgv ?? ['--disable-warning=DEP0111'],
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const ready = await nextMessage<Ready>(child, options.readyTimeoutMs ?? 30_000, script);
  return { child, ready };
}

/** The child's next message, or an error when it exits or stays silent too long. */
export function nextMessage<T>(child: ChildProcess, timeoutMs: number, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => finish(new Error(`${what}: no answer within ${timeoutMs} ms`)), timeoutMs);
    const onMessage = (message: unknown) => finish(undefined, message as T);
    const onExit = (code: number | null) => finish(new Error(`${what} exited (code ${String(code)}) before answering`));
    function finish(error: Error | undefined, value?: T): void {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
      if (error) reject(error);
      else resolve(value as T);
    }
    child.on('message', onMessage);
    child.on('exit', onExit);
  });
}

/** Asks a child to stop (SIGTERM), and kills it when it takes longer than the grace. */
export async function stopChild(child: ChildProcess, graceMs = 10_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

/** Sends a message to the parent; a child without one (run by hand) says it on stdout instead. */
export function tellParent(message: unknown): void {
  if (process.send) process.send(message);
  else process.stdout.write(`${JSON.stringify(message)}\n`);
}

/** Runs `stop` on SIGTERM/SIGINT or when the parent goes away, then exits. */
export function stopOnSignal(stop: () => Promise<void>): void {
  let stopping = false;
  const run = () => {
    if (stopping) return;
    stopping = true;
    stop().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`stop failed: ${String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', run);
  process.on('SIGINT', run);
  process.on('disconnect', run);
}
