import assert from 'node:assert/strict';
import { formatSoakReport, LobbyStage, type SoakReport } from './lobbySoak.js';
import { memoryVerdict } from './memory.js';

/** SOAK_SEED replays another schedule of arrivals, faults and kills. */
const seed = Number(process.env['SOAK_SEED'] ?? 4242);

/**
 * The short chaos soak: ~40 lobby visitors over 12 s while the UCWA simulator answers 500s, 503s with Retry-After,
 * slowly, with resets and truncated bodies, loses the bot's application (404/410), and the connector throttles (429).
 * `npm run soak` is the 10-minute, 1,000-visitor version.
 */
describe(`reliability: lobby alerts under injected faults (seed ${seed})`, function () {
  this.timeout(90_000);
  let stage: LobbyStage | undefined;
  let report: SoakReport;
  let details: string;

  before(async () => {
    stage = await LobbyStage.start();
    await stage.prepare();
    report = await stage.run({ seed, visitors: 40, durationMs: 12_000, drainMs: 25_000, chaosIntervalMs: 800, randomKills: 0, targetedKills: 0 });
    details = formatSoakReport(report);
  });

  after(async () => {
    await stage?.close();
  });

  it('injected every kind of fault at least once', () => {
    assert.ok(Object.keys(report.faults).filter((kind) => !kind.startsWith('control error')).length >= 6, details);
    assert.ok(!Object.keys(report.faults).some((kind) => kind.startsWith('control error')), details);
  });

  it('alerts the organizer of every visitor exactly once', () => {
    assert.equal(report.arrived, 40, details);
    assert.deepEqual(report.lost, [], details);
    assert.deepEqual(report.repeated, [], details);
    assert.equal(report.deliveredOnce, 40, details);
  });

  it('leaves no promise rejection unhandled and never exits', () => {
    assert.equal(report.unhandledRejections, 0, details);
    assert.equal(report.unhandledRejectionLines, 0, details);
    assert.equal(report.unexpectedExits, 0, details);
  });

  it('keeps memory roughly flat after warm-up', () => {
    assert.ok(report.rssWarmBytes !== undefined, details);
    const verdict = memoryVerdict(report.rssWarmBytes, report.rssEndBytes);
    assert.ok(verdict.ok, `${verdict.text}\n${details}`);
  });
});

/**
 * SIGKILLs during lobby traffic, each followed by a restart on the same data folder: no visitor goes unannounced,
 * and a card is repeated only when a kill fell between Teams accepting it and the bot recording that it had.
 */
describe(`reliability: lobby alerts across SIGKILLs (seed ${seed})`, function () {
  this.timeout(120_000);
  let stage: LobbyStage | undefined;
  let report: SoakReport;
  let details: string;

  before(async () => {
    stage = await LobbyStage.start();
    await stage.prepare();
    report = await stage.run({ seed, visitors: 30, durationMs: 15_000, drainMs: 30_000, chaosIntervalMs: 0, randomKills: 3, targetedKills: 1 });
    details = formatSoakReport(report);
  });

  after(async () => {
    await stage?.close();
  });

  it('killed the bot at random moments and right after Teams accepted a card', () => {
    assert.ok(report.kills.some((kill) => kill.kind === 'random'), details);
    assert.ok(report.kills.some((kill) => kill.kind === 'targeted'), details);
    assert.equal(report.unexpectedExits, 0, details);
  });

  it('loses no alert', () => {
    assert.equal(report.arrived, 30, details);
    assert.deepEqual(report.lost, [], details);
  });

  it('repeats a card only for a kill inside the accept-to-record window', () => {
    assert.deepEqual(report.repeated.filter((repeat) => !repeat.explainedBy), [], details);
    assert.ok(report.repeated.length <= report.kills.length, details);
  });
});
