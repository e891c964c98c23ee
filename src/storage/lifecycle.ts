import { StorageClosedError } from './errors.js';

/**
 * The part of a store's life both stores share: operations refused once it is closed, and writes still running
 * counted so that `flush()` resolves only after the callers' promises did (graceful shutdown waits on it).
 */
export class StoreLifecycle {
  private readonly inFlight = new Set<Promise<unknown>>();
  private closed = false;

  assertOpen(operation: string): void {
    if (this.closed) throw new StorageClosedError(operation);
  }

  track<T>(operation: () => Promise<T>): Promise<T> {
    const running = operation();
    this.inFlight.add(running);
    const forget = () => {
      this.inFlight.delete(running);
    };
    running.then(forget, forget);
    return running;
  }

  async flush(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled(this.inFlight);
  }

  /** Refuses new operations, then waits for in-flight writes. */
  async close(): Promise<void> {
    this.closed = true;
    await this.flush();
  }
}
