import { randomBytes } from 'node:crypto';
import { appendFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pLimit from 'p-limit';
import { LocalChannel, type RecordedActivity } from '../../src/localChannel/localChannel.js';
import { startUcwaSimulator, type UcwaSimulator } from '../../src/ucwa/simulator/index.js';
import { startAzurite, type Azurite } from '../helpers/azurite.js';
import { BotProcess, freePort, type LogLine } from './botProcess.js';
import { assertLoopbackUrl } from './loopback.js';

/**
 * Done-when #2 of issue 13: several bot instances behind one address, sharing an Azure Blob container (Azurite),
 * with many signed-in organizers watching their meetings in the UCWA simulator. Each lobby arrival must produce
 * exactly one alert card while one instance is SIGKILLed (its channels must run elsewhere within the lease period)
 * and while all instances are restarted one after another. Cards are counted where Teams would see them: at the
 * local Bot Connector, by visitor.
 */

export interface MultiOptions {
  organizers: number;
  instances?: number;
  leaseSeconds?: number;
  /** How long each phase may take to deliver every alert (a bound, not an assertion on speed). */
  phaseLimitMs?: number;
  onProgress?: (line: string) => void;
}

export interface PhaseReport {
  name: string;
  arrivals: number;
  alertedOnce: number;
  lost: string[];
  repeated: Array<{ visitor: string; sends: number }>;
  /** From the first arrival of the phase to the last first card. */
  ms: number;
}

export interface MultiReport {
  organizers: number;
  instances: number;
  leaseSeconds: number;
  signInMs: number;
  /** Channels per instance once all organizers watched (the fair share). */
  shares: Record<string, number>;
  killed?: { instance: string; channels: number; movedWithinMs?: number; allMoved: boolean };
  phases: PhaseReport[];
  /** Alert cards sent in all (every visitor should have exactly one). */
  cardsSent: number;
  errorLines: number;
  errorSamples: string[];
  unexpectedExits: number;
  /** Sign-in posts and "watch" commands tried again after the bot said something went wrong on its side. */
  retriedTurns: number;
}

const PASSWORD = 'Org-Pass-1';
const VISITOR = /\*\*(Visitor [A-Z]-\d+)(?: \([^)]*\))?\*\* is waiting/;

/**
 * A load balancer for the harness: each request goes to the next live instance in turn, and to the one after when
 * the connection is refused (an instance just killed). Hand-written because it is twenty lines of node:http for a
 * test, and the proxy packages bring far more than forwarding one buffered request.
 */
class RoundRobin {
  private next = 0;
  private server?: Server;
  url = '';

  constructor(private readonly targets: () => string[]) {}

  async start(): Promise<void> {
    this.server = createServer((req, res) => void this.forward(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async close(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise((resolve) => this.server?.close(resolve));
  }

  private async forward(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    for (let tries = 0; tries < 6; tries++) {
      const live = this.targets();
      if (live.length === 0) break;
      const target = live[this.next++ % live.length]!;
      const answered = await new Promise<boolean>((resolve) => {
        const outbound = request(`${target}${req.url ?? '/'}`, { method: req.method, headers: { ...req.headers, host: new URL(target).host } }, (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
          answer.on('end', () => resolve(true));
          answer.on('error', () => resolve(true));
        });
        outbound.on('error', () => resolve(res.headersSent));
        outbound.end(body);
      });
      if (answered) return;
      await sleep(100);
    }
    if (!res.headersSent) res.writeHead(502).end();
  }
}

interface Instance {
  name: string;
  port: number;
  dataDir: string;
  process?: BotProcess;
  /** Channel keys this instance holds now, from its log. */
  owned: Set<string>;
  /** When each organizer's channel last opened here (epoch ms), from its log. */
  opened: Map<string, number>;
  stopping: boolean;
}

export class MultiInstanceStage {
  private readonly instances: Instance[] = [];
  private readonly sends = new Map<string, RecordedActivity[]>();
  private readonly errorSamples: string[] = [];
  private errorLines = 0;
  private unexpectedExits = 0;
  private retriedTurns = 0;
  private organizers: Array<{ upn: string; teamsId: string }> = [];
  private readonly key = randomBytes(32).toString('base64');

  private constructor(
    private readonly azurite: Azurite,
    private readonly sim: UcwaSimulator,
    private readonly balancer: RoundRobin,
    private readonly channel: LocalChannel,
    private readonly options: Required<Omit<MultiOptions, 'onProgress'>> & Pick<MultiOptions, 'onProgress'>,
  ) {
    channel.connector.on('activity', (recorded: RecordedActivity) => this.onActivity(recorded));
  }

  static async start(options: MultiOptions): Promise<MultiInstanceStage> {
    const full = { instances: 3, leaseSeconds: 15, phaseLimitMs: 120_000, ...options };
    // MULTI_AZURITE_DEBUG names a file for the emulator's request log: which operations the instances make, and how many.
    const azurite = await startAzurite({ debugLog: process.env['MULTI_AZURITE_DEBUG'] });
    const sim = await startUcwaSimulator({});
    assertLoopbackUrl(sim.origin);
    let stage: MultiInstanceStage | undefined;
    const balancer = new RoundRobin(() => stage?.liveUrls() ?? []);
    await balancer.start();
    const channel = await LocalChannel.start({ botUrl: `${balancer.url}/api/messages`, users: [], requestTimeoutMs: 60_000 });
    assertLoopbackUrl(channel.serviceUrl);
    stage = new MultiInstanceStage(azurite, sim, balancer, channel, full);
    for (let index = 1; index <= full.instances; index++) {
      stage.instances.push({ name: `bot-${index}`, port: await freePort(), dataDir: await mkdtemp(join(tmpdir(), 'meeting-bot-multi-')), owned: new Set(), opened: new Map(), stopping: false });
    }
    await Promise.all(stage.instances.map((instance) => stage.launch(instance)));
    return stage;
  }

  /** Makes the organizers in the simulator, then each signs in through the page and watches their meeting. */
  async prepare(): Promise<number> {
    const started = Date.now();
    const users = this.sim.control.bulkUsers({ count: this.options.organizers, prefix: 'org', password: PASSWORD });
    this.organizers = users.map((user, index) => {
      const local = this.channel.addUser({ name: `Org ${index + 1}`, userPrincipalName: user.user });
      return { upn: user.user, teamsId: local.id };
    });
    const limit = pLimit(6);
    let done = 0;
    await Promise.all(
      this.organizers.map((organizer) =>
        limit(async () => {
          await this.signInAndWatch(organizer.upn);
          if (++done % 50 === 0) this.progress(`${done}/${this.organizers.length} organizers signed in and watching`);
        }),
      ),
    );
    await this.until('every organizer\'s channel to run on exactly one instance', () => this.channelsSettled(), this.options.phaseLimitMs);
    return Date.now() - started;
  }

  /** One arrival per organizer; waits (bounded) until each has its card; returns the phase's counts. */
  async arrivals(phase: string, spreadMs = 0): Promise<PhaseReport> {
    const started = Date.now();
    const names: string[] = [];
    const gap = this.organizers.length > 1 ? spreadMs / this.organizers.length : 0;
    for (const [index, organizer] of this.organizers.entries()) {
      const due = started + index * gap;
      if (due > Date.now()) await sleep(due - Date.now());
      const name = `Visitor ${phase}-${index + 1}`;
      names.push(name);
      this.sim.control.placeInLobby({ organizer: organizer.upn }, { name, sipUri: `sip:visitor-${phase.toLowerCase()}-${index + 1}@fabrikam.com`, source: 'federated' });
    }
    await this.until(`every phase ${phase} visitor to be alerted`, () => names.every((name) => this.sends.has(name)), this.options.phaseLimitMs).catch(() => undefined);
    // A repeat would come from a second instance's pump or a takeover: give them a moment to show.
    await sleep(3_000);
    const ms = Math.max(0, ...names.map((name) => (this.sends.get(name)?.[0]?.at.getTime() ?? started) - started));
    return {
      name: phase,
      arrivals: names.length,
      alertedOnce: names.filter((name) => this.sends.get(name)?.length === 1).length,
      lost: names.filter((name) => !this.sends.has(name)),
      repeated: names.flatMap((name) => ((this.sends.get(name)?.length ?? 0) > 1 ? [{ visitor: name, sends: this.sends.get(name)!.length }] : [])),
      ms,
    };
  }

  shares(): Record<string, number> {
    return Object.fromEntries(this.instances.map((instance) => [instance.name, instance.owned.size]));
  }

  /** SIGKILLs one instance and waits (bounded) until each of its channels runs on another one. */
  async kill(index: number): Promise<NonNullable<MultiReport['killed']>> {
    const victim = this.instances[index]!;
    const theirs = [...victim.owned];
    victim.stopping = true;
    const killedAt = Date.now();
    await victim.process!.kill();
    victim.process = undefined;
    victim.owned.clear();
    const movedAt = (key: string) => {
      const organizer = key.slice('channel/'.length);
      return Math.max(0, ...this.instances.filter((instance) => instance !== victim && instance.owned.has(key)).map((instance) => instance.opened.get(organizer) ?? 0));
    };
    // Issue 13 asks for it within 60 s: that is the bound of the wait, and the outcome is whether they all moved.
    const allMoved = await this.until('the killed instance\'s channels to run elsewhere', () => theirs.every((key) => movedAt(key) > killedAt), 60_000).then(
      () => true,
      () => false,
    );
    const moved = theirs.map(movedAt).filter((at) => at > killedAt);
    return { instance: victim.name, channels: theirs.length, movedWithinMs: allMoved && moved.length > 0 ? Math.max(...moved) - killedAt : undefined, allMoved };
  }

  /** Starts an instance that is down again (the one killed). */
  async revive(index: number): Promise<void> {
    const instance = this.instances[index]!;
    instance.stopping = false;
    await this.launch(instance);
  }

  /** Stops each instance gracefully (SIGTERM) and starts it again, one after another, while `during` runs. */
  async rollingRestart(): Promise<void> {
    for (const instance of this.instances) {
      instance.stopping = true;
      await instance.process?.stop(30_000);
      instance.process = undefined;
      instance.owned.clear();
      instance.stopping = false;
      await this.launch(instance);
      this.progress(`${instance.name} restarted`);
      await this.until('the channels to settle after a restart', () => this.channelsSettled(), this.options.phaseLimitMs).catch(() => undefined);
    }
  }

  report(parts: Pick<MultiReport, 'signInMs' | 'shares' | 'killed' | 'phases'>): MultiReport {
    return {
      organizers: this.organizers.length,
      instances: this.instances.length,
      leaseSeconds: this.options.leaseSeconds,
      ...parts,
      cardsSent: [...this.sends.values()].reduce((sum, list) => sum + list.length, 0),
      errorLines: this.errorLines,
      errorSamples: [...this.errorSamples],
      unexpectedExits: this.unexpectedExits,
      retriedTurns: this.retriedTurns,
    };
  }

  async close(): Promise<void> {
    for (const instance of this.instances) instance.stopping = true;
    await Promise.allSettled(this.instances.map((instance) => instance.process?.stop(20_000)));
    await this.channel.close();
    await this.balancer.close();
    await this.sim.close();
    await this.azurite.stop();
    await Promise.allSettled(this.instances.map((instance) => rm(instance.dataDir, { recursive: true, force: true })));
  }

  private liveUrls(): string[] {
    return this.instances.flatMap((instance) => (instance.process?.alive && !instance.stopping ? [instance.process.url] : []));
  }

  private async launch(instance: Instance): Promise<void> {
    instance.owned.clear();
    // Each start gets a port of its own: the one an instance had can be taken while it is down (by any process's
    // outgoing connection, whose local port comes from the same ephemeral range), and the restart then failed with
    // EADDRINUSE. The balancer reads each live instance's URL from its process, so nothing else holds the old one.
    instance.port = await freePort();
    instance.process = await BotProcess.start({
      port: instance.port,
      dataDir: instance.dataDir,
      logLevel: 'info',
      // A restarting instance reads the whole outbox from a store the others are busy with; it may take a while.
      healthyWithinMs: 180_000,
      env: {
        STORAGE: 'blob',
        AZURE_STORAGE_CONNECTION_STRING: this.azurite.connectionString,
        AZURE_STORAGE_CONTAINER: 'multi',
        STORAGE_ENCRYPTION_KEY: this.key,
        OWNERSHIP_LEASE_SECONDS: String(this.options.leaseSeconds),
        INSTANCE_ID: instance.name,
        UCWA_DISCOVERY_URL: this.sim.discoveryUrl,
        // Sign-in links name the balancer: a link made by one instance is opened on another.
        PUBLIC_URL: this.balancer.url,
      },
      onLine: (line) => this.onLine(instance, line),
    });
    const started = instance.process;
    void started.exited$().then(() => {
      if (!instance.stopping && instance.process === started) this.unexpectedExits += 1;
    });
  }

  private async signInAndWatch(upn: string): Promise<void> {
    const chat = this.channel.personalChat(upn);
    const wait = { timeoutMs: 60_000 };
    await chat.send('sign in');
    const card = await chat.waitFor((event) => JSON.stringify(event.cards).includes('/signin?state='), wait);
    const url = /"url":"([^"]*\/signin\?state=[^"]+)"/.exec(JSON.stringify(card.cards))?.[1];
    if (!url) throw new Error(`no sign-in link for ${upn}`);
    const state = new URL(url).searchParams.get('state')!;
    assertLoopbackUrl(url);
    const page = await fetch(`${this.balancer.url}/signin?state=${encodeURIComponent(state)}`);
    if (page.status !== 200) throw new Error(`sign-in page for ${upn}: ${page.status}`);
    // The page's "a problem on our side, try again" (503) is tried again, as a person would; it is counted.
    for (let attempt = 1; ; attempt++) {
      const posted = await fetch(`${this.balancer.url}/signin`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ state, username: upn, password: PASSWORD }).toString(),
      });
      if (posted.status === 200) break;
      if (posted.status !== 503 || attempt >= 3) throw new Error(`sign-in post for ${upn}: ${posted.status}`);
      this.retriedTurns += 1;
    }
    await chat.waitFor((event) => (event.text ?? '').includes('You are signed in to Skype for Business'), wait);
    // A person whose turn failed (the storage timed out under this harness's load) says it again, as anyone would.
    for (let attempt = 1; ; attempt++) {
      await chat.send('watch all my meetings');
      const answer = await chat.waitFor((event) => event.rendered.includes("I'm watching the lobby of") || event.rendered.includes('something went wrong'), wait);
      if (answer.rendered.includes("I'm watching the lobby of")) break;
      this.retriedTurns += 1;
      if (attempt >= 3) throw new Error(`watching failed three times for ${upn}`);
    }
  }

  /** Every organizer's channel is held by exactly one live instance, and open there. */
  private channelsSettled(): boolean {
    return this.organizers.every(({ teamsId }) => {
      const holders = this.instances.filter((instance) => instance.process?.alive && instance.owned.has(`channel/${teamsId}`));
      return holders.length === 1 && holders[0]!.opened.has(teamsId);
    });
  }

  private onActivity(recorded: RecordedActivity): void {
    if (recorded.kind !== 'send') return;
    const visitor = VISITOR.exec(JSON.stringify(recorded.activity))?.[1];
    if (!visitor) return;
    this.sends.set(visitor, [...(this.sends.get(visitor) ?? []), recorded]);
  }

  private onLine(instance: Instance, line: LogLine): void {
    // MULTI_LOG_DIR keeps every instance's log for a post-mortem of a lost arrival (sync: the order of lines matters more than speed here).
    const logDir = process.env['MULTI_LOG_DIR'];
    if (logDir) appendFileSync(join(logDir, `${instance.name}.log`), `${line.raw}\n`);
    const key = /"key":"([^"]+)"/.exec(line.raw)?.[1];
    if (key && line.msg === 'ownership: acquired') instance.owned.add(key);
    if (key && (line.msg === 'ownership: released' || line.msg === 'ownership: lost')) {
      instance.owned.delete(key);
      instance.opened.delete(key.slice('channel/'.length));
    }
    if (line.msg === 'event channel open') {
      const user = /"teamsUserId":"([^"]+)"/.exec(line.raw)?.[1];
      if (user) instance.opened.set(user, Date.now());
    }
    if (line.level >= 50) {
      this.errorLines += 1;
      if (this.errorSamples.length < 10) this.errorSamples.push(`${instance.name}: ${line.raw.slice(0, 400)}`);
    }
  }

  private async until(what: string, condition: () => boolean, limitMs: number): Promise<void> {
    const deadline = Date.now() + limitMs;
    while (!condition()) {
      if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
      await sleep(200);
    }
  }

  private progress(line: string): void {
    this.options.onProgress?.(line);
  }
}

export function formatMultiReport(report: MultiReport): string {
  const lines = [
    `${report.instances} instances, ${report.organizers} organizers signed in and watching (${Math.round(report.signInMs / 1000)} s), leases of ${report.leaseSeconds} s`,
    `channels per instance: ${Object.entries(report.shares).map(([name, count]) => `${name} ${count}`).join(', ')}`,
  ];
  if (report.killed) {
    const moved = report.killed.allMoved ? `all ran elsewhere within ${((report.killed.movedWithinMs ?? 0) / 1000).toFixed(1)} s` : 'NOT all ran elsewhere within 60 s';
    lines.push(`SIGKILL ${report.killed.instance}: its ${report.killed.channels} channels ${moved}`);
  }
  for (const phase of report.phases) {
    lines.push(
      `phase ${phase.name}: ${phase.arrivals} arrivals, ${phase.alertedOnce} alerted exactly once, ${phase.lost.length} lost, ${phase.repeated.length} repeated` +
        `${phase.lost.length ? ` (lost: ${phase.lost.slice(0, 5).join(', ')}${phase.lost.length > 5 ? ', …' : ''})` : ''}` +
        `${phase.repeated.length ? ` (repeated: ${phase.repeated.slice(0, 5).map((r) => `${r.visitor}×${r.sends}`).join(', ')})` : ''}; last first card after ${(phase.ms / 1000).toFixed(1)} s`,
    );
  }
  lines.push(`alert cards sent: ${report.cardsSent}; error lines: ${report.errorLines}; unexpected exits: ${report.unexpectedExits}; sign-ins and watch commands tried again: ${report.retriedTurns}`);
  for (const sample of report.errorSamples.slice(0, 5)) lines.push(`  ${sample}`);
  return lines.join('\n');
}

/** The run held when every arrival of every phase was alerted exactly once and the killed channels moved. */
export function multiHeld(report: MultiReport): boolean {
  return report.phases.every((phase) => phase.alertedOnce === phase.arrivals) && (report.killed?.allMoved ?? true) && report.unexpectedExits === 0;
}

/** The whole story of Done-when #2: arrivals with all up, a SIGKILL, arrivals after it, a rolling restart with arrivals. */
export async function runMultiInstance(options: MultiOptions): Promise<MultiReport> {
  const stage = await MultiInstanceStage.start(options);
  try {
    const signInMs = await stage.prepare();
    const shares = stage.shares();
    options.onProgress?.(`prepared: ${JSON.stringify(shares)}`);
    const phases: PhaseReport[] = [];
    phases.push(await stage.arrivals('A'));
    options.onProgress?.('phase A done; killing bot-2');
    const killing = stage.kill(1);
    // Arrivals right after the kill: those of the dead instance's organizers wait in their UCWA event queues until
    // the new owners resume the channels from their stored positions.
    await sleep(500);
    const afterKill = stage.arrivals('B');
    const killed = await killing;
    phases.push(await afterKill);
    options.onProgress?.(`phase B done; ${JSON.stringify(killed)}; reviving bot-2`);
    await stage.revive(1);
    const rolling = stage.rollingRestart();
    phases.push(await stage.arrivals('C', 20_000));
    await rolling;
    phases.push(await stage.arrivals('D'));
    return stage.report({ signInMs, shares, killed, phases });
  } finally {
    await stage.close();
  }
}
