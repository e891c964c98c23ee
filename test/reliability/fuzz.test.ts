import assert from 'node:assert/strict';
import { coverageCases, generateCase, type FuzzWorld } from './fuzzGenerator.js';
import { formatFuzzReport, FuzzHarness, type FuzzReport } from './fuzzRunner.js';
import { isLoopbackUrl } from '../../src/http/urls.js';
import { NonLoopbackUrlError } from './loopback.js';
import { memoryVerdict } from './memory.js';

/** FUZZ_SEED replays another run; the default keeps the suite deterministic. */
const seed = Number(process.env['FUZZ_SEED'] ?? 20_240_610);
const count = 300;
/** No new request starts after this; the run is bounded well under 20 s whatever the bot does. */
const deadlineMs = 15_000;

const world: FuzzWorld = {
  serviceUrl: 'http://127.0.0.1:9/',
  bot: { id: '28:bot', name: 'Meeting Ops' },
  tenantId: 'tenant',
  users: [
    { id: '29:alice', name: 'Alice Wood', aadObjectId: 'a' },
    { id: '29:bob', name: 'Bob Kelly', aadObjectId: 'b' },
  ],
  conversations: [
    { id: 'a:alice', conversationType: 'personal' },
    { id: '19:team@thread.tacv2', conversationType: 'channel', team: { id: '19:team@thread.tacv2', name: 'Team' } },
  ],
};

describe('reliability: the request generator', () => {
  it('is a pure function of the seed and the case number', () => {
    for (const index of [0, 5, 40, 299]) {
      const first = generateCase(world, 7, index);
      const again = generateCase(world, 7, index);
      assert.deepEqual(again.body, first.body);
      assert.deepEqual(again.headers, first.headers);
    }
    assert.notDeepEqual(generateCase(world, 8, 40).body, generateCase(world, 7, 40).body);
  });

  it('names only loopback URLs, and refuses to build a case for any other serviceUrl', () => {
    for (let index = 0; index < 600; index += 1) {
      const generated = generateCase(world, seed, index);
      const text = generated.headers['content-encoding'] ? '' : generated.body.toString('utf8');
      for (const match of text.replace(/\\\//g, '/').matchAll(/\bhttps?:\/\/[^\s"'\\<>]*/gi)) assert.ok(isLoopbackUrl(match[0]), `case ${index}: ${match[0]}`);
    }
    for (const serviceUrl of ['https://smba.trafficmanager.net/amer/', 'http://10.0.0.1/', 'http://example.com@127.0.0.1.evil.test/']) {
      assert.throws(() => generateCase({ ...world, serviceUrl }, seed, 0), NonLoopbackUrlError);
    }
  });

  it('covers every activity family and request encoding in its first cases', () => {
    const families = new Set(Array.from({ length: coverageCases }, (_, index) => generateCase(world, seed, index).family.split('+')));
    const activities = new Set([...families].map(([activity]) => activity));
    const encodings = new Set([...families].map(([, encoding]) => encoding));
    assert.ok(activities.size >= 9, [...activities].join(', '));
    for (const encoding of ['gzip/invalid', 'gzip/bomb', 'br/valid', 'deflate/invalid', 'json/deep', 'unicode/escaped-surrogates', 'content-type/wrong']) {
      assert.ok(encodings.has(encoding), `missing ${encoding}`);
    }
  });
});

/**
 * Hostile and malformed requests against the real bot (a child process in sandbox mode). Each property is its own
 * test so a failure names the property; every message carries the seed and the cases to replay
 * (`npm run fuzz -- --seed S --case N`).
 */
describe(`reliability: ${count} fuzzed requests to /api/messages (seed ${seed})`, function () {
  this.timeout(60_000);
  let harness: FuzzHarness | undefined;
  let report: FuzzReport;
  let details: string;

  before(async () => {
    harness = await FuzzHarness.start();
    await harness.warmUp();
    report = await harness.run({ seed, count, concurrency: 2, deadlineMs, requestTimeoutMs: 10_000, restartOnCrash: false });
    details = formatFuzzReport(report);
  });

  after(async () => {
    await harness?.close();
  });

  it('never takes the process down', () => {
    assert.equal(report.crashes.length, 0, details);
  });

  it('answers every request it was sent, within the time bound', () => {
    assert.equal(report.unansweredCount, 0, details);
    assert.equal(report.sent, count, details);
  });

  it('answers no request with a 5xx', () => {
    assert.equal(report.serverErrorCount, 0, details);
  });

  it('writes no error-level log line and breaks no turn', () => {
    assert.equal(report.errorLineCount, 0, details);
    assert.equal(report.apologyCount, 0, details);
  });

  it('leaves no promise rejection unhandled', () => {
    assert.equal(report.unhandledRejections, 0, details);
  });

  it('keeps memory roughly flat', () => {
    const verdict = memoryVerdict(report.rssStartBytes, report.rssEndBytes);
    assert.ok(verdict.ok, `${verdict.text}\n${details}`);
  });

  it('is still healthy at the end', () => {
    assert.equal(report.healthAtEnd, 200, details);
  });
});
