import { appendFileSync } from 'node:fs';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer, type AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { ProbeStats } from './botProbe.js';

/**
 * The real bot (`dist/src/index.js`) as a child process on a free loopback port, with the probe preloaded: it can
 * be SIGKILLed, its exit is seen, its JSON log lines are read and its memory and unhandled rejections are asked for.
 */

const here = dirname(fileURLToPath(import.meta.url));
const entryPoint = join(here, '..', '..', 'src', 'index.js');
const probe = pathToFileURL(join(here, 'botProbe.js')).href;

export interface LogLine {
  level: number;
  msg: string;
  time?: number;
  raw: string;
}

export interface BotProcessOptions {
  port: number;
  dataDir: string;
  /** Extra environment (e.g. UCWA_DISCOVERY_URL); sandbox simulators start in the child for what is not set. */
  env?: Record<string, string>;
  logLevel?: string;
  /** How many error-level lines to keep in full (all are counted). */
  keepErrorLines?: number;
  /** Called for every parsed log line (e.g. to attribute an error line to the requests in flight). */
  onLine?: (line: LogLine) => void;
  /** How long the bot may take to answer /healthz 200 (default 60 s): a bound for a busy machine, not a speed check. */
  healthyWithinMs?: number;
}

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
  at: Date;
}

export async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export class BotProcess {
  readonly url: string;
  readonly countsByLevel = new Map<number, number>();
  readonly errorLines: LogLine[] = [];
  errorLineCount = 0;
  stderr = '';
  exit: Exit | undefined;
  private statsSeq = 0;
  private readonly exited: Promise<Exit>;

  private constructor(
    readonly child: ChildProcess,
    readonly options: BotProcessOptions,
  ) {
    this.url = `http://127.0.0.1:${options.port}`;
    this.exited = new Promise((resolve) => {
      child.once('exit', (code, signal) => {
        this.exit = { code, signal, at: new Date() };
        resolve(this.exit);
      });
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      // Keep the tail only: a crash prints its reason last.
      this.stderr = (this.stderr + chunk.toString()).slice(-20_000);
    });
    if (child.stdout) createInterface({ input: child.stdout }).on('line', (raw) => this.read(raw));
    // A harness that ends (or is interrupted) never leaves a bot behind.
    const reap = () => {
      if (this.alive) child.kill('SIGKILL');
    };
    process.once('exit', reap);
    void this.exited.then(() => process.off('exit', reap));
  }

  static async start(options: BotProcessOptions): Promise<BotProcess> {
    const child = spawn(process.execPath, ['--expose-gc', '--disable-warning=DEP0111', '--import', probe, entryPoint], {
      env: {
        ...process.env,
        PORT: String(options.port),
        HOST: '127.0.0.1',
        DATA_DIR: options.dataDir,
        LOG_LEVEL: options.logLevel ?? 'info',
        PUBLIC_URL: `http://127.0.0.1:${options.port}`,
        MicrosoftAppId: '',
        MicrosoftAppPassword: '',
        ...options.env,
      },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    const bot = new BotProcess(child, options);
    await bot.waitHealthy(options.healthyWithinMs ?? 60_000);
    return bot;
  }

  get alive(): boolean {
    return this.exit === undefined;
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  /** Resolves once the process has exited (for any reason). */
  exited$(): Promise<Exit> {
    return this.exited;
  }

  async health(): Promise<number> {
    return fetch(`${this.url}/healthz`, { signal: AbortSignal.timeout(5_000) }).then(
      (response) => response.status,
      () => 0,
    );
  }

  /** RSS after GC and the unhandled-rejection count, from the probe inside the bot. */
  async stats(timeoutMs = 5_000): Promise<ProbeStats> {
    if (!this.alive) throw new Error('the bot process has exited');
    const id = ++this.statsSeq;
    return new Promise<ProbeStats>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.child.off('message', listener);
        reject(new Error('the bot did not answer the stats request'));
      }, timeoutMs);
      const listener = (message: unknown) => {
        const stats = message as ProbeStats;
        if (stats?.type !== 'stats' || stats.id !== id) return;
        clearTimeout(timer);
        this.child.off('message', listener);
        resolve(stats);
      };
      this.child.on('message', listener);
      this.child.send({ type: 'stats', id });
    });
  }

  /** SIGKILL: no chance to clean up, as a power cut or the OOM killer. */
  async kill(): Promise<Exit> {
    if (this.alive) this.child.kill('SIGKILL');
    return this.exited;
  }

  /** SIGTERM and wait for the graceful shutdown (SIGKILL after `graceMs`). */
  async stop(graceMs = 15_000): Promise<Exit> {
    if (!this.alive) return this.exited;
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), graceMs);
    const exit = await this.exited;
    clearTimeout(timer);
    return exit;
  }

  private async waitHealthy(limitMs: number): Promise<void> {
    const deadline = Date.now() + limitMs;
    while (Date.now() < deadline) {
      if (!this.alive) throw new Error(`the bot exited while starting (${JSON.stringify(this.exit)}): ${this.stderr.slice(-2_000)}`);
      if ((await this.health()) === 200) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await this.kill();
    throw new Error(`the bot did not become healthy within ${Math.round(limitMs / 1000)} s: ${this.stderr.slice(-2_000)}`);
  }

  private read(raw: string): void {
    // For post-mortems: `BOT_LOG_FILE=/tmp/bot.log npm run soak` keeps every line the bots wrote.
    if (process.env.BOT_LOG_FILE) appendFileSync(process.env.BOT_LOG_FILE, `${raw}\n`);
    let parsed: { level?: unknown; msg?: unknown; time?: unknown };
    try {
      parsed = JSON.parse(raw) as typeof parsed;
    } catch {
      return;
    }
    const level = typeof parsed.level === 'number' ? parsed.level : 0;
    const line: LogLine = { level, msg: typeof parsed.msg === 'string' ? parsed.msg : '', time: typeof parsed.time === 'number' ? parsed.time : undefined, raw };
    this.countsByLevel.set(level, (this.countsByLevel.get(level) ?? 0) + 1);
    if (level >= 50) {
      this.errorLineCount += 1;
      if (this.errorLines.length < (this.options.keepErrorLines ?? 200)) this.errorLines.push(line);
    }
    this.options.onLine?.(line);
  }
}
