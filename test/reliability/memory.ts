/**
 * "Memory roughly flat": RSS after a full GC at the end may exceed the one at the start by half again plus 64 MB.
 * Generous on purpose: V8 and malloc keep freed pages, and the caches a working bot fills are bounded, not zero;
 * a leak per request or per alert crosses it within a few thousand of them.
 */
export const memoryBound = { factor: 1.5, slackBytes: 64 * 1024 * 1024 };

export interface MemoryVerdict {
  ok: boolean;
  text: string;
}

export function memoryVerdict(startBytes: number, endBytes: number | undefined): MemoryVerdict {
  const mb = (bytes: number): string => `${(bytes / 1048576).toFixed(1)} MB`;
  if (endBytes === undefined) return { ok: false, text: `start ${mb(startBytes)}, end unknown (the process was gone)` };
  const limit = startBytes * memoryBound.factor + memoryBound.slackBytes;
  const ok = endBytes <= limit;
  return { ok, text: `RSS after GC ${mb(startBytes)} → ${mb(endBytes)} (${endBytes >= startBytes ? '+' : ''}${mb(endBytes - startBytes)}; bound ${mb(limit)})${ok ? '' : ' EXCEEDED'}` };
}
