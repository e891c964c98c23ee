import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { LocalChannel, type RecordedActivity } from '../../src/localChannel/localChannel.js';
import { startUcwaSimulator, type UcwaSimulator } from '../../src/ucwa/simulator/index.js';
import { signInAndWatch } from '../alerts/helpers.js';
import { sandboxPeople } from '../helpers/botUnderTest.js';
import { BotProcess, freePort, type LogLine } from './botProcess.js';
import { assertLoopbackUrl } from './loopback.js';
import { mixSeed, Rng } from './prng.js';

/**
 * Lobby traffic against a bot child process: Alice is signed in and watches her three meetings (from her personal
 * chat, a group chat and a team channel), visitors arrive in
 * their lobbies through the UCWA simulator's control API, and every alert card the bot sends reaches the local Bot
 * Connector, where it is counted by visitor. Optionally the simulators misbehave (faults injected only through the
 * simulator's `/_sim/` API and the connector's fault queue) and the bot is SIGKILLed and restarted on the same data
 * folder. The report says which visitors got no alert, which got more than one, and why.
 */

export interface SoakOptions {
  seed: number;
  visitors: number;
  /** Arrivals are spread over this long. */
  durationMs: number;
  /** After the last arrival (and with faults stopped), how long alerts may still take. */
  drainMs: number;
  /** Inject a fault this often (0: no chaos). */
  chaosIntervalMs: number;
  /** SIGKILLs at random moments during the arrivals. */
  randomKills: number;
  /** SIGKILLs right when the connector accepts an alert card (before the bot hears 201): the repeat window. */
  targetedKills: number;
  onProgress?: (line: string) => void;
}

export interface Kill {
  at: number;
  kind: 'random' | 'targeted';
}

export interface RepeatedAlert {
  visitor: string;
  sends: number;
  /** The kill that landed between Teams accepting the first card and the bot recording that it had (if any). */
  explainedBy?: Kill & { msAfterAccept: number };
}

export interface SoakReport {
  seed: number;
  visitors: number;
  arrived: number;
  deliveredOnce: number;
  lost: string[];
  repeated: RepeatedAlert[];
  faults: Record<string, number>;
  kills: Kill[];
  /** Exits nobody asked for. */
  unexpectedExits: number;
  /** From the probe in the last bot process (earlier ones were killed before they could be asked). */
  unhandledRejections?: number;
  /** "unhandled promise rejection" lines logged by every bot process of the run. */
  unhandledRejectionLines: number;
  errorLineCount: number;
  errorSamples: string[];
  rssWarmBytes?: number;
  rssEndBytes?: number;
  /** From the connector accepting a first card to the bot logging that it recorded the delivery (ms). */
  recordWindowMs: { samples: number; median?: number; p99?: number; max?: number };
  /** From the visitor's arrival to the first card (ms). */
  alertLatencyMs: { median?: number; p95?: number; max?: number };
  durationMs: number;
}

const PEOPLE = [sandboxPeople.alice, sandboxPeople.bob, sandboxPeople.carol];
const WATCHED = ['Budget review', 'Weekly standup', 'Design sync'];
// The headline names a federated visitor with their organisation: "**Soak visitor 1-2 (fabrikam.com)** is waiting".
const ALERT = /\*\*(Soak visitor [0-9-]+)(?: \([^)]*\))?\*\* is waiting/;

interface Visit {
  name: string;
  participantId: string;
  arrivedAt: number;
  settled: boolean;
}

export class LobbyStage {
  bot!: BotProcess;
  private readonly sends = new Map<string, RecordedActivity[]>();
  private readonly acceptedAt = new Map<string, number>();
  private readonly recordedAt = new Map<string, number>();
  private readonly kills: Kill[] = [];
  private readonly errorSamples: string[] = [];
  private errorLineCount = 0;
  private unhandledRejectionLines = 0;
  private unexpectedExits = 0;
  private expectingExit = false;
  private restarting: Promise<void> | undefined;
  private stopped = false;
  /** Set while targeted kills remain: the connector listener kills the bot on the next first card. */
  private targetedKillsLeft = 0;
  private lastKillAt = 0;

  private constructor(
    readonly sim: UcwaSimulator,
    readonly channel: LocalChannel,
    private readonly port: number,
    readonly dataDir: string,
  ) {
    channel.connector.on('activity', (recorded) => this.onActivity(recorded));
  }

  static async start(): Promise<LobbyStage> {
    const sim = await startUcwaSimulator({ minEventTimeoutSeconds: 1 });
    assertLoopbackUrl(sim.origin);
    const port = await freePort();
    const channel = await LocalChannel.start({ botUrl: `http://127.0.0.1:${port}/api/messages`, users: PEOPLE });
    assertLoopbackUrl(channel.serviceUrl);
    const dataDir = await mkdtemp(join(tmpdir(), 'meeting-bot-soak-'));
    const stage = new LobbyStage(sim, channel, port, dataDir);
    await stage.startBot();
    return stage;
  }

  /** Alice signs in through the sign-in page and watches her three meetings. */
  async prepare(): Promise<void> {
    const alice = this.channel.personalChat('alice@contoso.com');
    await signInAndWatch(this.bot.url, alice, 'alice@contoso.com', WATCHED[0]);
    // Each meeting watched from its own conversation: Teams allows a bot about two messages a second per
    // conversation, and a real organizer's lobbies do not all report into one chat.
    const elsewhere = [this.channel.groupChat(['alice@contoso.com', 'bob@contoso.com'], { topic: 'Soak group' }), this.channel.channel('Soak Team')];
    for (const [index, meeting] of WATCHED.slice(1).entries()) {
      const conversation = elsewhere[index]!;
      await conversation.send(`watch my meeting ${meeting}`, { from: 'alice@contoso.com' });
      await conversation.waitFor((event) => event.rendered.includes("I'm watching the lobby of") && event.rendered.includes(meeting), { timeoutMs: 15_000 });
    }
  }

  async run(options: SoakOptions): Promise<SoakReport> {
    const started = Date.now();
    const rng = new Rng(mixSeed(options.seed, 1));
    const visits: Visit[] = [];
    const faults: Record<string, number> = {};
    this.targetedKillsLeft = options.targetedKills;
    let arriving = true;
    let warm: number | undefined;

    const arrivals = (async () => {
      const gap = options.durationMs / options.visitors;
      for (let n = 0; n < options.visitors; n += 1) {
        const due = started + n * gap;
        if (due > Date.now()) await sleep(due - Date.now());
        const name = `Soak visitor ${options.seed % 1000}-${n}`;
        const participantId = this.sim.control.putInLobby({ meeting: rng.pick(WATCHED), name, sipUri: `sip:visitor${n}@fabrikam.com`, source: 'federated' });
        visits.push({ name, participantId, arrivedAt: Date.now(), settled: false });
        if (n === Math.floor(options.visitors / 10) && this.bot.alive) warm = await this.bot.stats().then((stats) => stats.rssBytes, () => undefined);
        if (n % 100 === 99) options.onProgress?.(`${n + 1}/${options.visitors} arrived, ${this.sends.size} alerted, ${this.kills.length} kills`);
      }
      arriving = false;
    })();

    const departures = (async () => {
      const chooser = new Rng(mixSeed(options.seed, 2));
      while (!this.stopped && (arriving || visits.some((visit) => !visit.settled))) {
        for (const visit of visits) {
          if (visit.settled || !this.sends.has(visit.name)) continue;
          visit.settled = true;
          // Everyone leaves or is let in soon after the organizer heard of them: lobbies stay small, cards get updates.
          const delay = chooser.int(300, 2_500);
          const admit = chooser.chance(0.3);
          setTimeout(() => {
            try {
              if (admit) this.sim.control.admit(visit.participantId);
              else this.sim.control.leave(visit.participantId);
            } catch {
              // Already admitted or gone (e.g. through the card): nothing to do.
            }
          }, delay).unref();
        }
        await sleep(200);
      }
    })();

    const chaos = (async () => {
      if (options.chaosIntervalMs <= 0) return;
      const chaosRng = new Rng(mixSeed(options.seed, 3));
      while (arriving) {
        await sleep(options.chaosIntervalMs);
        if (!arriving) break;
        const kind = await this.injectFault(chaosRng).catch((error: unknown) => `control error: ${(error as Error).message}`);
        faults[kind] = (faults[kind] ?? 0) + 1;
      }
    })();

    const killer = (async () => {
      if (options.randomKills <= 0) return;
      const killRng = new Rng(mixSeed(options.seed, 4));
      const gap = options.durationMs / (options.randomKills + 1);
      for (let kill = 0; kill < options.randomKills && arriving; kill += 1) {
        await sleep(killRng.int(Math.floor(gap * 0.5), Math.floor(gap * 1.5)));
        await this.restarting;
        if (!arriving) break;
        this.killNow('random');
      }
    })();

    await Promise.all([arrivals, chaos, killer]);
    this.targetedKillsLeft = 0;
    this.channel.connector.clearFaults();
    await fetch(`${this.sim.origin}/_sim/faults`, { method: 'DELETE' });
    const drainUntil = Date.now() + options.drainMs;
    while (Date.now() < drainUntil && visits.some((visit) => !this.sends.has(visit.name))) await sleep(200);
    await this.restarting;
    // A repeat comes from a late retry or a restart: give one more pump a chance to show it.
    await sleep(1_500);
    this.stopped = true;
    await departures;

    const end = this.bot.alive ? await this.bot.stats().catch(() => undefined) : undefined;
    return this.report(options, visits, faults, { warm, end: end?.rssBytes, unhandled: end?.unhandledRejections, durationMs: Date.now() - started });
  }

  async close(): Promise<void> {
    this.stopped = true;
    this.expectingExit = true;
    await this.restarting?.catch(() => undefined);
    await this.bot?.stop().catch(() => undefined);
    await this.channel.close();
    await this.sim.close();
    await rm(this.dataDir, { recursive: true, force: true });
  }

  private async startBot(): Promise<void> {
    this.bot = await BotProcess.start({
      port: this.port,
      dataDir: this.dataDir,
      logLevel: process.env.SOAK_BOT_LOG_LEVEL ?? 'info',
      env: { UCWA_DISCOVERY_URL: this.sim.discoveryUrl },
      onLine: (line) => this.onLine(line),
    });
    const current = this.bot;
    void current.exited$().then(() => this.onExit(current));
  }

  private onExit(process: BotProcess): void {
    if (process !== this.bot || this.stopped) return;
    if (!this.expectingExit) this.unexpectedExits += 1;
    this.expectingExit = false;
    this.restarting = (async () => {
      for (let attempt = 1; ; attempt += 1) {
        try {
          await this.startBot();
          return;
        } catch (error) {
          // The port may linger a moment after a kill; a few tries, then give up loudly.
          if (attempt >= 5) throw error;
          await sleep(500);
        }
      }
    })().finally(() => (this.restarting = undefined));
  }

  private killNow(kind: Kill['kind']): void {
    if (!this.bot.alive || this.restarting) return;
    this.expectingExit = true;
    this.lastKillAt = Date.now();
    this.kills.push({ at: this.lastKillAt, kind });
    this.bot.child.kill('SIGKILL');
  }

  private onActivity(recorded: RecordedActivity): void {
    if (recorded.kind !== 'send') return;
    const match = ALERT.exec(JSON.stringify(recorded.activity));
    if (!match) return;
    const visitor = match[1]!;
    const list = this.sends.get(visitor) ?? [];
    list.push(recorded);
    this.sends.set(visitor, list);
    this.acceptedAt.set(recorded.activityId, recorded.at.getTime());
    // Killing here, before the connector's 201 is even written, is the worst moment: Teams shows the card, the bot
    // never learns its id.
    if (this.targetedKillsLeft > 0 && list.length === 1 && Date.now() - this.lastKillAt > 2_000) {
      this.targetedKillsLeft -= 1;
      this.killNow('targeted');
    }
  }

  private onLine(line: LogLine): void {
    if (line.msg === 'lobby alert card delivered') {
      const activityId = /"activityId":"([^"]+)"/.exec(line.raw)?.[1];
      if (activityId && !this.recordedAt.has(activityId) && line.time !== undefined) this.recordedAt.set(activityId, line.time);
    }
    if (line.msg === 'unhandled promise rejection') this.unhandledRejectionLines += 1;
    if (line.level >= 50) {
      this.errorLineCount += 1;
      if (this.errorSamples.length < 20) this.errorSamples.push(line.raw.slice(0, 500));
    }
  }

  /** One fault, through the simulator's control API or the connector's fault queue; returns its name. */
  private async injectFault(rng: Rng): Promise<string> {
    const ucwa = '^/ucwa/oauth/v1/applications';
    const kind = rng.pick(['ucwa-500', 'ucwa-503-retry-after', 'ucwa-slow', 'ucwa-reset', 'ucwa-events-500', 'ucwa-truncated', 'app-lost-404', 'app-lost-410', 'connector-429', 'connector-503'] as const);
    // One fault batch pending at a time: the simulator queues faults until requests consume them, and a long-poll
    // channel makes few requests, so queued faults piled up into minutes of nothing but failures — a dead server,
    // not chaos. A new fault replaces one not yet consumed.
    const simFault = async (spec: Record<string, unknown>) => {
      await fetch(`${this.sim.origin}/_sim/faults`, { method: 'DELETE' });
      return fetch(`${this.sim.origin}/_sim/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(spec) }).then(async (response) => {
        if (response.status !== 201) throw new Error(`fault refused: ${response.status} ${await response.text()}`);
      });
    };
    switch (kind) {
      case 'ucwa-500':
        await simFault({ pathRegex: ucwa, status: 500, times: rng.int(1, 3) });
        break;
      case 'ucwa-503-retry-after':
        await simFault({ pathRegex: ucwa, status: 503, retryAfter: rng.int(1, 2), times: rng.int(1, 2) });
        break;
      case 'ucwa-slow':
        await simFault({ pathRegex: ucwa, delayMs: rng.int(1_500, 4_000), times: rng.int(1, 3) });
        break;
      case 'ucwa-reset':
        await simFault({ pathRegex: ucwa, drop: true, times: rng.int(1, 2) });
        break;
      case 'ucwa-events-500':
        await simFault({ path: '/events', status: rng.pick([500, 502, 503]), times: rng.int(1, 3) });
        break;
      case 'ucwa-truncated':
        await simFault({ pathRegex: ucwa, malformed: true, times: 1 });
        break;
      case 'app-lost-404':
      case 'app-lost-410': {
        const listed = (await (await fetch(`${this.sim.origin}/_sim/applications`)).json()) as { applications: Array<{ id: string; state: string }> };
        const active = listed.applications.filter((app) => app.state === 'active');
        if (active.length === 0) return `${kind} (no application)`;
        const reason = kind === 'app-lost-404' ? 'ApplicationNotFound' : 'InactiveApplicationExpired';
        const response = await fetch(`${this.sim.origin}/_sim/applications/${encodeURIComponent(rng.pick(active).id)}/expire`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ reason }),
        });
        if (response.status !== 204) throw new Error(`expire refused: ${response.status}`);
        break;
      }
      case 'connector-429':
        this.channel.connector.injectFault({ status: 429, retryAfterSeconds: rng.int(0, 2), count: rng.int(1, 4), operations: ['send', 'update'] });
        break;
      case 'connector-503':
        this.channel.connector.injectFault({ status: 503, count: rng.int(1, 2), operations: ['send', 'update'] });
        break;
    }
    return kind;
  }

  private report(
    options: SoakOptions,
    visits: Visit[],
    faults: Record<string, number>,
    measured: { warm?: number; end?: number; unhandled?: number; durationMs: number },
  ): SoakReport {
    const lost = visits.filter((visit) => !this.sends.has(visit.name)).map((visit) => visit.name);
    const repeated: RepeatedAlert[] = [];
    for (const [visitor, list] of this.sends) {
      if (list.length < 2) continue;
      const accepted = list[0]!.at.getTime();
      const recorded = this.recordedAt.get(list[0]!.activityId);
      const kill = this.kills.find((candidate) => candidate.at >= accepted && (recorded === undefined || candidate.at <= recorded));
      repeated.push({ visitor, sends: list.length, explainedBy: kill && { ...kill, msAfterAccept: kill.at - accepted } });
    }
    const windows = [...this.acceptedAt].flatMap(([activityId, accepted]) => {
      const recorded = this.recordedAt.get(activityId);
      return recorded === undefined ? [] : [Math.max(0, recorded - accepted)];
    });
    const latencies = visits.flatMap((visit) => {
      const first = this.sends.get(visit.name)?.[0];
      return first ? [first.at.getTime() - visit.arrivedAt] : [];
    });
    return {
      seed: options.seed,
      visitors: options.visitors,
      arrived: visits.length,
      deliveredOnce: visits.filter((visit) => this.sends.get(visit.name)?.length === 1).length,
      lost,
      repeated,
      faults,
      kills: [...this.kills],
      unexpectedExits: this.unexpectedExits,
      unhandledRejections: measured.unhandled,
      unhandledRejectionLines: this.unhandledRejectionLines,
      errorLineCount: this.errorLineCount,
      errorSamples: [...this.errorSamples],
      rssWarmBytes: measured.warm,
      rssEndBytes: measured.end,
      recordWindowMs: { samples: windows.length, median: quantile(windows, 0.5), p99: quantile(windows, 0.99), max: windows.length ? Math.max(...windows) : undefined },
      alertLatencyMs: { median: quantile(latencies, 0.5), p95: quantile(latencies, 0.95), max: latencies.length ? Math.max(...latencies) : undefined },
      durationMs: measured.durationMs,
    };
  }
}

function quantile(values: number[], q: number): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

const mb = (bytes: number | undefined): string => (bytes === undefined ? 'n/a' : `${(bytes / 1048576).toFixed(1)} MB`);

export function formatSoakReport(report: SoakReport): string {
  const lines = [
    `lobby soak: seed ${report.seed}, ${report.arrived}/${report.visitors} visitors in ${(report.durationMs / 1000).toFixed(1)} s`,
    `alerts: delivered exactly once ${report.deliveredOnce}, lost ${report.lost.length}, repeated ${report.repeated.length}`,
    `faults injected: ${Object.entries(report.faults).map(([kind, count]) => `${kind} ${count}`).join(', ') || 'none'}`,
    `kills: ${report.kills.filter((kill) => kill.kind === 'random').length} random, ${report.kills.filter((kill) => kill.kind === 'targeted').length} targeted; unexpected exits: ${report.unexpectedExits}`,
    `unhandled rejections: ${report.unhandledRejections ?? 'n/a'} (last process), ${report.unhandledRejectionLines} logged by all processes; error-level lines: ${report.errorLineCount}`,
    `RSS after GC: warm ${mb(report.rssWarmBytes)}, end ${mb(report.rssEndBytes)}`,
    `accept→recorded window: median ${report.recordWindowMs.median ?? 'n/a'} ms, p99 ${report.recordWindowMs.p99 ?? 'n/a'} ms, max ${report.recordWindowMs.max ?? 'n/a'} ms over ${report.recordWindowMs.samples} cards`,
    `arrival→card: median ${report.alertLatencyMs.median ?? 'n/a'} ms, p95 ${report.alertLatencyMs.p95 ?? 'n/a'} ms, max ${report.alertLatencyMs.max ?? 'n/a'} ms`,
  ];
  if (report.lost.length) lines.push(`lost: ${report.lost.slice(0, 20).join(', ')}`);
  for (const repeat of report.repeated.slice(0, 20)) {
    lines.push(`repeated: ${repeat.visitor} ×${repeat.sends}${repeat.explainedBy ? ` — ${repeat.explainedBy.kind} kill ${repeat.explainedBy.msAfterAccept} ms after Teams accepted the card, before the bot recorded it` : ' — no kill explains it'}`);
  }
  for (const sample of report.errorSamples.slice(0, 8)) lines.push(`error line: ${sample.slice(0, 300)}`);
  return lines.join('\n');
}
