import assert from 'node:assert/strict';
import type { UcwaSimulator } from '../../src/ucwa/simulator/index.js';
import { UcwaError, type MeetingListView, type MeetingView, type UcwaFormat, type UcwaSessionOptions } from '../../src/ucwa/index.js';

/** Shared by the client tests that run against the simulator. */
export const alice = { kind: 'password', username: 'alice@contoso.com', password: 'Alice-Pass-1' } as const;

/** Short timeouts and backoffs so retries and the event channel stay fast in tests. */
export function options(sim: UcwaSimulator, format: UcwaFormat): UcwaSessionOptions {
  return {
    discoveryUrl: sim.discoveryUrl,
    format,
    userAgent: 'MeetingOpsBot-tests/1.0',
    requestTimeoutMs: 5_000,
    retry: { retries: 3, minTimeoutMs: 10, maxTimeoutMs: 50 },
    events: { timeoutSeconds: 1, retryMinDelayMs: 10, retryMaxDelayMs: 50 },
  };
}

export function activeAppOf(sim: UcwaSimulator, user: string): string | undefined {
  return sim.control.applications().find((app) => app.user === user && app.state === 'active')?.id;
}

export async function expectUcwaError(promise: Promise<unknown>, check: (error: UcwaError) => void): Promise<void> {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(error instanceof UcwaError, `expected a UcwaError, got ${String(error)}`);
    check(error);
    return true;
  });
}

/** Scheduled meetings plus the admin-assigned one (embedded separately by myOnlineMeetings). */
export function allMeetings(list: MeetingListView): MeetingView[] {
  return [...list.myOnlineMeetings, ...list.myAssignedOnlineMeetings];
}
