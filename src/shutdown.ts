import type { Logger } from './logging.js';

/**
 * One SIGINT (Ctrl-C) or SIGTERM stops the bot, whatever it is doing: a signal during start waits for the start to
 * reach its next step and then stops what has started; what was started stops last-first; and a deadline ends the
 * process even if some part never finishes stopping. A second signal exits at once, as people expect of Ctrl-C.
 */
export class Shutdown {
  readonly #stoppers: Array<() => Promise<void>> = [];
  #requested = false;
  #started!: () => void;
  readonly #startup = new Promise<void>((resolve) => (this.#started = resolve));

  constructor(
    private readonly logger: Logger,
    /** Longer than the app's own grace for requests in flight (10 s), so a normal stop always fits in it. */
    private readonly deadlineMs = 20_000,
  ) {}

  /** Call before starting anything, so no signal finds the process without a plan. */
  listen(signals: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM']): void {
    for (const signal of signals) process.on(signal, () => this.#onSignal(signal));
  }

  /** True once a signal arrived: the start should go no further. */
  get requested(): boolean {
    return this.#requested;
  }

  /** Something that started and must be stopped; the last added is stopped first. */
  add(stop: () => Promise<void>): void {
    this.#stoppers.unshift(stop);
  }

  /** The start is over (finished, or cut short because {@link requested}): a pending shutdown may proceed. */
  startupDone(): void {
    this.#started();
  }

  #onSignal(signal: NodeJS.Signals): void {
    if (this.#requested) {
      this.logger.warn({ signal }, 'second signal: exiting now');
      process.exit(1);
    }
    this.#requested = true;
    this.logger.info({ signal }, 'shutting down');
    const deadline = setTimeout(() => {
      this.logger.error(`still stopping after ${this.deadlineMs} ms; exiting anyway`);
      process.exit(1);
    }, this.deadlineMs);
    void this.#stopAll().then(() => {
      clearTimeout(deadline);
      process.exit(0);
    });
  }

  async #stopAll(): Promise<void> {
    await this.#startup;
    for (const stop of this.#stoppers) {
      await stop().catch((error: unknown) => this.logger.error({ err: error }, 'error while stopping'));
    }
  }
}
