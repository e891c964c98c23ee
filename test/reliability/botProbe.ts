/**
 * Preloaded (`node --import`) into a bot child process by the reliability harnesses; never part of the product.
 * It counts unhandled promise rejections and answers "stats" over the IPC channel with the resident set size
 * measured right after a full garbage collection, so memory is compared without garbage noise.
 */
export interface ProbeStats {
  type: 'stats';
  id: number;
  rssBytes: number;
  heapUsedBytes: number;
  unhandledRejections: number;
  uptimeMs: number;
}

let unhandledRejections = 0;
process.on('unhandledRejection', () => {
  unhandledRejections += 1;
});

const collect = (globalThis as { gc?: () => void }).gc;

process.on('message', (message: unknown) => {
  if (typeof message !== 'object' || message === null || (message as { type?: unknown }).type !== 'stats') return;
  collect?.();
  collect?.();
  const memory = process.memoryUsage();
  const reply: ProbeStats = {
    type: 'stats',
    id: Number((message as { id?: unknown }).id ?? 0),
    rssBytes: memory.rss,
    heapUsedBytes: memory.heapUsed,
    unhandledRejections,
    uptimeMs: Math.round(process.uptime() * 1000),
  };
  process.send?.(reply);
});
// The probe must not keep a bot alive that would otherwise exit.
process.channel?.unref();
