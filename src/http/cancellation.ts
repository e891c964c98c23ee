/**
 * How a held GET is called off when thousands wait at once. An AbortSignal is an EventTarget: an object with a
 * hidden class of its own, two listener maps and a listener record per request, ~0.8 KB of each idle event channel
 * in the line-3 bench. This is one small object that its owner (the event channel) keeps for the channel's life,
 * with one reaction at a time: the request or the wait under way.
 */
export class Cancellation {
  private given = false;
  private why: unknown;
  private reaction?: Reaction;

  get cancelled(): boolean {
    return this.given;
  }

  /** What `cancel` was given (an AbortError by default, like AbortController's). */
  get reason(): unknown {
    return this.why;
  }

  /** Cancels once: the reaction watching now hears it, and every later `watch` at once. */
  cancel(reason: unknown = abortError()): void {
    if (this.given) return;
    this.given = true;
    this.why = reason;
    const reaction = this.reaction;
    this.reaction = undefined;
    if (reaction) react(reaction, reason);
  }

  /** `reaction` hears the cancellation (at once when it happened already), in place of any earlier one. */
  watch(reaction: Reaction): void {
    if (this.given) return react(reaction, this.why);
    this.reaction = reaction;
  }

  /** `reaction` no longer hears it (unless another replaced it already). */
  unwatch(reaction: Reaction): void {
    if (this.reaction === reaction) this.reaction = undefined;
  }

  /** An AbortSignal that follows this cancellation, for the calls that want one (rare paths, not the idle wait). */
  signal(): AbortSignal {
    const controller = new AbortController();
    this.watch((reason) => controller.abort(reason));
    return controller.signal;
  }
}

/**
 * Who hears a cancellation: a function, or an object with a `cancelled` method (on its prototype), which a held
 * request can be itself instead of keeping a closure for minutes.
 */
export type Reaction = ((reason: unknown) => void) | { cancelled(reason: unknown): void };

function react(reaction: Reaction, reason: unknown): void {
  if (typeof reaction === 'function') reaction(reason);
  else reaction.cancelled(reason);
}

/** What AbortController.abort() gives by default. */
function abortError(): DOMException {
  return new DOMException('This operation was aborted', 'AbortError');
}
