/**
 * Runs tasks one at a time per key, in call order, while different keys run in parallel.
 *
 * Hand-written because the few lines here are the whole job: the libraries that come close (p-queue,
 * async-mutex) lock globally or need a mutex object per key plus our own map and clean-up anyway.
 */
export class KeyedSerializer {
  /** The settled tail of each key's chain; a key disappears once its chain drains, so the map stays small. */
  private readonly tails = new Map<string, Promise<void>>();

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const result = previous.then(task);
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }
}
