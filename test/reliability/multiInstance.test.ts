import assert from 'node:assert/strict';
import { formatMultiReport, runMultiInstance } from './multiInstance.js';

/**
 * Issue 13, Done-when #2, small: three bot processes sharing Azurite and the UCWA simulator, six organizers signed in
 * and watching. `npm run multi` runs the same story with 300. Bounded waits; the assertions are on counts.
 */
describe('several instances: one owner per channel, one alert per arrival, through a SIGKILL and a rolling restart', function () {
  this.timeout(300_000);

  it('alerts every arrival exactly once; the killed instance\'s channels run elsewhere', async () => {
    const report = await runMultiInstance({ organizers: 6, leaseSeconds: 15, phaseLimitMs: 90_000 });
    const text = formatMultiReport(report);
    assert.equal(Object.values(report.shares).reduce((sum, count) => sum + count, 0), 6, text);
    // Waited for at most 60 s (the bound): the outcome is whether they all moved.
    assert.ok(report.killed?.allMoved, text);
    for (const phase of report.phases) {
      assert.deepEqual(phase.lost, [], `${phase.name}: ${text}`);
      assert.deepEqual(phase.repeated, [], `${phase.name}: ${text}`);
      assert.equal(phase.alertedOnce, phase.arrivals, text);
    }
    assert.equal(report.cardsSent, 6 * report.phases.length, text);
    assert.equal(report.unexpectedExits, 0, text);
  });
});
