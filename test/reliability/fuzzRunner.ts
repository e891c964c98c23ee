import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalChannel, type RecordedActivity } from '../../src/localChannel/localChannel.js';
import { defaultPeople } from '../../src/localChannel/people.js';
import { BotProcess, freePort, type Exit, type LogLine } from './botProcess.js';
import { generateCase, type FuzzCase, type FuzzWorld } from './fuzzGenerator.js';
import { assertLoopbackUrl } from './loopback.js';

/**
 * Runs generated cases against a bot child process in sandbox mode (its simulators on loopback) with the local Bot
 * Connector in this process, and reports what broke: exits, 5xx, requests left unanswered, error-level log lines,
 * apologies in chat ("Sorry, something went wrong" is a broken turn), unhandled rejections and memory.
 * Everything that goes wrong is tied to the cases in flight at that moment, with the seed to replay them.
 */

export interface FuzzRunOptions {
  seed: number;
  count: number;
  /** Requests in flight at once. */
  concurrency: number;
  /** No new case starts after this long; the report says how many ran. */
  deadlineMs: number;
  /** One request may take this long before it counts as unanswered. */
  requestTimeoutMs: number;
  /** Start the bot again after it died (long runs: see everything); otherwise the run stops at the first exit. */
  restartOnCrash: boolean;
  /** Only these case numbers (replaying a failure). */
  only?: number[];
  /** Skip cases whose family (e.g. `gzip/invalid`) contains one of these: to see past a known crash. */
  exclude?: string[];
  onProgress?: (done: number, total: number) => void;
}

export interface CaseResult {
  index: number;
  family: string;
  mutations: string[];
  /** 0 when no HTTP answer came (reset, timeout, process gone). */
  status: number;
  error?: string;
  ms: number;
  preview: string;
}

export interface Attributed {
  what: string;
  /** Cases in flight when it happened, and the few just finished (log lines can trail their request). */
  cases: number[];
}

export interface CrashRecord {
  exit: Exit;
  stderrTail: string;
  inFlight: Array<Pick<CaseResult, 'index' | 'family' | 'mutations' | 'preview'>>;
}

export interface FuzzReport {
  seed: number;
  planned: number;
  sent: number;
  /** Cases left out by `exclude`. */
  skipped: number;
  /** Why the run ended early, when it did (e.g. the bot could not be started again). */
  aborted?: string;
  stoppedByDeadline: boolean;
  byStatus: Record<string, number>;
  /** Answers with status >= 500 (first 50 kept; `serverErrorCount` counts all). */
  serverErrors: CaseResult[];
  serverErrorCount: number;
  /** No answer at all: connection reset, timeout, or the process died under it. */
  unanswered: CaseResult[];
  unansweredCount: number;
  crashes: CrashRecord[];
  errorLineCount: number;
  errorLines: Attributed[];
  apologyCount: number;
  apologies: Attributed[];
  slowest: CaseResult[];
  rssStartBytes: number;
  rssEndBytes?: number;
  /** V8 heap in use after GC: tells a leak (heap grows) from allocator fragmentation (only RSS grows). */
  heapStartBytes: number;
  heapEndBytes?: number;
  unhandledRejections?: number;
  healthAtEnd: number;
  durationMs: number;
  /** Status counts per family, for the summary table. */
  byFamily: Record<string, Record<string, number>>;
}

const keep = 50;

export class FuzzHarness {
  private bot!: BotProcess;
  private readonly inFlight = new Map<number, FuzzCase>();
  private readonly recentlyDone: number[] = [];
  private readonly errorLines: Attributed[] = [];
  private readonly apologies: Attributed[] = [];
  private apologyCount = 0;
  private errorLinesBefore = 0;
  /** Across restarts (each bot process counts its own). */
  private errorLineTotal = 0;

  private constructor(
    readonly channel: LocalChannel,
    readonly world: FuzzWorld,
    private readonly port: number,
    readonly dataDir: string,
  ) {
    channel.connector.on('activity', (recorded: RecordedActivity) => this.watchReply(recorded));
  }

  /** A bot child process in sandbox mode on a fresh data folder, the local connector, and the world's chats. */
  static async start(): Promise<FuzzHarness> {
    const dataDir = await mkdtemp(join(tmpdir(), 'meeting-bot-fuzz-'));
    const port = await freePort();
    const channel = await LocalChannel.start({ botUrl: `http://127.0.0.1:${port}/api/messages`, users: defaultPeople });
    const world = buildWorld(channel);
    const harness = new FuzzHarness(channel, world, port, dataDir);
    await harness.startBot();
    return harness;
  }

  get botProcess(): BotProcess {
    return this.bot;
  }

  /** Ordinary traffic first, so the baseline memory is a working bot's and not an idle one's. */
  async warmUp(): Promise<void> {
    for (const user of this.channel.users()) {
      const chat = this.channel.personalChat(user.id);
      await chat.send('help');
      await chat.send('my meetings');
    }
    await this.channel.groupChat().send('help');
    await this.channel.channel('Fuzz Team').send('help');
  }

  async run(options: FuzzRunOptions): Promise<FuzzReport> {
    const started = Date.now();
    const indexes = options.only ?? Array.from({ length: options.count }, (_, n) => n);
    const results: CaseResult[] = [];
    const crashes: CrashRecord[] = [];
    this.errorLinesBefore = this.errorLineTotal;
    const startStats = await this.bot.stats();
    const rssStart = startStats.rssBytes;
    const heapStart = startStats.heapUsedBytes;
    let next = 0;
    let stopped = false;
    let stoppedByDeadline = false;
    let skipped = 0;
    let aborted: string | undefined;

    const worker = async (): Promise<void> => {
      while (!stopped && next < indexes.length) {
        if (Date.now() - started > options.deadlineMs) {
          stoppedByDeadline = true;
          return;
        }
        const index = indexes[next++]!;
        const generated = generateCase(this.world, options.seed, index);
        if (options.exclude?.some((part) => generated.family.includes(part))) {
          skipped += 1;
          continue;
        }
        const result = await this.send(generated, options.requestTimeoutMs);
        results.push(result);
        options.onProgress?.(results.length, indexes.length);
        if (this.bot.alive) continue;
        if (!crashes.some((crash) => crash.exit === this.bot.exit)) crashes.push(this.crashRecord(generated));
        if (!options.restartOnCrash) {
          stopped = true;
          return;
        }
        try {
          await this.restartOnce();
        } catch (error) {
          aborted = `the bot could not be started again: ${(error as Error).message.slice(0, 300)}`;
          stopped = true;
        }
      }
    };
    await Promise.all(Array.from({ length: options.concurrency }, () => worker()));

    const alive = this.bot.alive;
    const endStats = alive ? await this.bot.stats().catch(() => undefined) : undefined;
    const health = alive ? await this.bot.health() : 0;
    return this.report(options, results, crashes, {
      rssStart,
      rssEnd: endStats?.rssBytes,
      heapStart,
      heapEnd: endStats?.heapUsedBytes,
      unhandled: endStats?.unhandledRejections,
      health,
      durationMs: Date.now() - started,
      stoppedByDeadline,
      skipped,
      aborted,
    });
  }

  async close(): Promise<void> {
    await this.bot.stop().catch(() => undefined);
    await this.channel.close();
    await rm(this.dataDir, { recursive: true, force: true });
  }

  private async startBot(): Promise<void> {
    this.bot = await BotProcess.start({ port: this.port, dataDir: this.dataDir, logLevel: 'info', onLine: (line) => this.watchLine(line) });
  }

  private restarting: Promise<void> | undefined;

  /** Workers that all see the dead process share one restart. */
  private restartOnce(): Promise<void> {
    const attempt = async (): Promise<void> => {
      for (let tries = 1; ; tries += 1) {
        try {
          return await this.startBot();
        } catch (error) {
          if (tries >= 3) throw error;
        }
      }
    };
    this.restarting ??= attempt().finally(() => (this.restarting = undefined));
    return this.restarting;
  }

  private async send(generated: FuzzCase, timeoutMs: number): Promise<CaseResult> {
    await this.restarting;
    this.inFlight.set(generated.index, generated);
    const begun = Date.now();
    const base = { index: generated.index, family: generated.family, mutations: generated.mutations, preview: generated.preview };
    try {
      const response = await fetch(`${this.bot.url}/api/messages`, {
        method: 'POST',
        headers: generated.headers,
        body: generated.body,
        signal: AbortSignal.timeout(timeoutMs),
      });
      await response.arrayBuffer().catch(() => undefined);
      return { ...base, status: response.status, ms: Date.now() - begun };
    } catch (error) {
      const cause = error instanceof Error ? ((error.cause as Error | undefined)?.message ?? error.message) : String(error);
      // Give a dying process a moment to be seen as dead, so the crash is tied to this case.
      await new Promise((resolve) => setTimeout(resolve, 100));
      return { ...base, status: 0, error: cause, ms: Date.now() - begun };
    } finally {
      this.inFlight.delete(generated.index);
      this.recentlyDone.push(generated.index);
      if (this.recentlyDone.length > 3) this.recentlyDone.shift();
    }
  }

  private suspects(): number[] {
    return [...new Set([...this.inFlight.keys(), ...this.recentlyDone])].sort((a, b) => a - b);
  }

  private watchLine(line: LogLine): void {
    if (line.level < 50) return;
    this.errorLineTotal += 1;
    if (this.errorLines.length >= keep) return;
    this.errorLines.push({ what: line.raw.slice(0, 600), cases: this.suspects() });
  }

  private watchReply(recorded: RecordedActivity): void {
    if (recorded.kind !== 'send' || !JSON.stringify(recorded.activity).includes('Sorry, something went wrong')) return;
    this.apologyCount += 1;
    if (this.apologies.length < keep) this.apologies.push({ what: String(recorded.activity.text ?? '').slice(0, 200), cases: this.suspects() });
  }

  private crashRecord(last: FuzzCase): CrashRecord {
    const inFlight = [...this.inFlight.values(), last].map((item) => ({ index: item.index, family: item.family, mutations: item.mutations, preview: item.preview.slice(0, 200) }));
    return { exit: this.bot.exit!, stderrTail: this.bot.stderr.slice(-1_500), inFlight };
  }

  private report(
    options: FuzzRunOptions,
    results: CaseResult[],
    crashes: CrashRecord[],
    end: { rssStart: number; rssEnd?: number; heapStart: number; heapEnd?: number; unhandled?: number; health: number; durationMs: number; stoppedByDeadline: boolean; skipped: number; aborted?: string },
  ): FuzzReport {
    const byStatus: Record<string, number> = {};
    const byFamily: Record<string, Record<string, number>> = {};
    for (const result of results) {
      const key = result.status === 0 ? 'no answer' : String(result.status);
      byStatus[key] = (byStatus[key] ?? 0) + 1;
      const family = (byFamily[result.family] ??= {});
      family[key] = (family[key] ?? 0) + 1;
    }
    const serverErrors = results.filter((result) => result.status >= 500);
    const unanswered = results.filter((result) => result.status === 0);
    return {
      seed: options.seed,
      planned: options.only?.length ?? options.count,
      sent: results.length,
      skipped: end.skipped,
      aborted: end.aborted,
      stoppedByDeadline: end.stoppedByDeadline,
      byStatus,
      serverErrors: serverErrors.slice(0, keep),
      serverErrorCount: serverErrors.length,
      unanswered: unanswered.slice(0, keep),
      unansweredCount: unanswered.length,
      crashes,
      errorLineCount: this.errorLineTotal - this.errorLinesBefore,
      errorLines: [...this.errorLines],
      apologyCount: this.apologyCount,
      apologies: [...this.apologies],
      slowest: [...results].sort((a, b) => b.ms - a.ms).slice(0, 5),
      rssStartBytes: end.rssStart,
      rssEndBytes: end.rssEnd,
      heapStartBytes: end.heapStart,
      heapEndBytes: end.heapEnd,
      unhandledRejections: end.unhandled,
      healthAtEnd: end.health,
      durationMs: end.durationMs,
      byFamily,
    };
  }
}

/** The people, chats and channel of the local tenant, as the generator may name them. */
function buildWorld(channel: LocalChannel): FuzzWorld {
  const personal = channel.users().map((user) => channel.personalChat(user.id));
  const group = channel.groupChat();
  const team = channel.channel('Fuzz Team');
  const conversations: FuzzWorld['conversations'] = [
    ...personal.map((chat) => ({ id: chat.id, conversationType: 'personal' as const })),
    { id: group.id, conversationType: 'groupChat' },
    { id: team.id, conversationType: 'channel', team: { id: team.team!.id, name: team.team!.name } },
  ];
  // Conversation ids that are words objects know: registered with the connector, so replies to them succeed and
  // only the bot's own handling of such keys is under test.
  for (const id of ['constructor', '__proto__', 'toString']) {
    channel.connector.upsertConversation({ id, conversationType: 'groupChat', tenantId: channel.tenantId, memberIds: channel.users().map((user) => user.id) });
    conversations.push({ id, conversationType: 'groupChat' });
  }
  return {
    serviceUrl: assertLoopbackUrl(channel.serviceUrl),
    bot: channel.bot,
    tenantId: channel.tenantId,
    users: channel.users().map((user) => ({ id: user.id, name: user.name, aadObjectId: user.aadObjectId })),
    conversations,
  };
}

const mb = (bytes: number | undefined): string => (bytes === undefined ? 'n/a' : `${(bytes / 1048576).toFixed(1)} MB`);

/** A person-readable summary, with how to replay each finding. */
export function formatFuzzReport(report: FuzzReport): string {
  const replay = (cases: number[]): string => `npm run fuzz -- --seed ${report.seed} --case ${cases.join(',')}`;
  const lines = [
    `fuzz: seed ${report.seed}, ${report.sent}/${report.planned} requests in ${(report.durationMs / 1000).toFixed(1)} s${report.skipped ? ` (${report.skipped} excluded)` : ''}${report.stoppedByDeadline ? ' (stopped by the time limit)' : ''}${report.aborted ? ` (aborted: ${report.aborted})` : ''}`,
    `status counts: ${Object.entries(report.byStatus)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([status, count]) => `${status}: ${count}`)
      .join(', ')}`,
    `process exits: ${report.crashes.length}; 5xx: ${report.serverErrorCount}; unanswered: ${report.unansweredCount}; error-level log lines: ${report.errorLineCount}; apologies in chat: ${report.apologyCount}; unhandled rejections: ${report.unhandledRejections ?? 'n/a'}`,
    `RSS after GC: start ${mb(report.rssStartBytes)}, end ${mb(report.rssEndBytes)}; heap after GC: start ${mb(report.heapStartBytes)}, end ${mb(report.heapEndBytes)}; /healthz at the end: ${report.healthAtEnd || 'no answer'}`,
  ];
  for (const crash of report.crashes) {
    lines.push(`EXIT code ${crash.exit.code} signal ${crash.exit.signal} with cases ${crash.inFlight.map((item) => `#${item.index} ${item.family} [${item.mutations.join(' ')}]`).join('; ')}`);
    lines.push(`  stderr: ${crash.stderrTail.trim().split('\n').slice(-4).join(' | ').slice(0, 600)}`);
    lines.push(`  replay: ${replay(crash.inFlight.map((item) => item.index))}`);
  }
  for (const result of report.serverErrors.slice(0, 10)) lines.push(`5xx ${result.status} #${result.index} ${result.family} [${result.mutations.join(' ')}] — ${replay([result.index])}`);
  for (const result of report.unanswered.slice(0, 10)) lines.push(`no answer #${result.index} ${result.family} after ${result.ms} ms: ${result.error} — ${replay([result.index])}`);
  for (const line of report.errorLines.slice(0, 10)) lines.push(`error line (cases ${line.cases.join(',')}): ${line.what.slice(0, 300)}`);
  for (const apology of report.apologies.slice(0, 10)) lines.push(`apology (cases ${apology.cases.join(',')}): ${apology.what}`);
  lines.push(`slowest: ${report.slowest.map((result) => `#${result.index} ${result.family} ${result.ms} ms`).join('; ')}`);
  return lines.join('\n');
}

export function familyTable(report: FuzzReport): string {
  return Object.entries(report.byFamily)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([family, counts]) => `  ${family.padEnd(48)} ${Object.entries(counts).map(([status, count]) => `${status}:${count}`).join(' ')}`)
    .join('\n');
}
