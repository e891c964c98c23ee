/**
 * Bench line 5, Huawei listing: every ongoing meeting of a large enterprise (pages of 500) through the bot's Huawei
 * client, its pages fetched concurrently (the client's default) against one after another, alternating, with the
 * Huawei simulator in a process of its own. The ratio is sequential time ÷ concurrent time (the speed-up).
 */
import type { ChildProcess } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { HuaweiMeetingClient } from '../src/huawei/client.js';
import { createLogger } from '../src/logging.js';
import { forkChild, stopChild, type SimulatorAddresses } from './throughput/ipc.js';

export interface ListingResult {
  meetings: number;
  pageSize: number;
  concurrency: number;
  runs: number;
  sequentialMs: number;
  concurrentMs: number;
  speedup: number;
  runSpeedups: number[];
}

/** The issue names no target for this line; concurrency worth its complexity should at least cut the time by a fifth. */
export const LISTING_SPEEDUP_TARGET = 1.25;

export async function benchHuaweiListing(meetings: number, runs: number, concurrency = 4): Promise<ListingResult> {
  let simulators: ChildProcess | undefined;
  try {
    const started = await forkChild<SimulatorAddresses>('./simulators.js', []);
    simulators = started.child;
    const bulk = await fetch(`${started.ready.huaweiOrigin}/_sim/meetings/bulk`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ count: meetings }),
      signal: AbortSignal.timeout(120_000),
    });
    if (!bulk.ok) throw new Error(`Huawei bulk meetings: HTTP ${bulk.status}`);
    const client = new HuaweiMeetingClient({ endpoint: started.ready.huaweiOrigin, appId: started.ready.huaweiAppId, appKey: started.ready.huaweiAppKey, logger: createLogger({ level: 'silent' }), requestTimeoutMs: 60_000 });
    const admin = started.ready.huaweiAdmins[0]!;
    const list = async (pages: number): Promise<number> => {
      const begun = performance.now();
      let count = 0;
      for await (const meeting of client.ongoingMeetings(admin, { queryAll: true, pageSize: 500, concurrency: pages })) if (meeting.conferenceID) count += 1;
      if (count < meetings) throw new Error(`listed ${count} of at least ${meetings} meetings`);
      return performance.now() - begun;
    };
    await list(concurrency); // warm: token, connections, JIT
    const sequential: number[] = [];
    const concurrent: number[] = [];
    for (let run = 0; run < runs; run += 1) {
      if (run % 2 === 0) {
        sequential.push(await list(1));
        concurrent.push(await list(concurrency));
      } else {
        concurrent.push(await list(concurrency));
        sequential.push(await list(1));
      }
    }
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
    return {
      meetings,
      pageSize: 500,
      concurrency,
      runs,
      sequentialMs: Math.round(median(sequential)),
      concurrentMs: Math.round(median(concurrent)),
      speedup: Math.round((median(sequential) / median(concurrent)) * 100) / 100,
      runSpeedups: sequential.map((ms, index) => Math.round((ms / concurrent[index]!) * 100) / 100),
    };
  } finally {
    if (simulators) await stopChild(simulators);
  }
}

export function listingTable(result: ListingResult): string {
  const pass = result.speedup >= LISTING_SPEEDUP_TARGET;
  return `| 5 | Huawei listing: ${result.meetings} ongoing meetings, pages of ${result.pageSize}, ${result.concurrency} pages at once against one at a time (median of ${result.runs}) | concurrent ${result.concurrentMs} ms, sequential ${result.sequentialMs} ms: speed-up ×${result.speedup} (${result.runSpeedups.join(' / ')}) | ×${LISTING_SPEEDUP_TARGET} or more (none set by the issue) | ${pass ? 'PASS' : 'FAIL'} |`;
}
