import type { TurnContext } from 'botbuilder';
import { WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import type { CommandOptions } from '../src/teams/capability.js';

/**
 * What a command's step reads: the turn and the options it was started with. A waterfall step is one; so is the
 * plain pair a one-turn command runs with (SingleTurnCommand.run), which has no dialog around it.
 */
export type CommandStep = Pick<WaterfallStepContext, 'context' | 'options'>;

/**
 * A command that answers in one turn. It is registered as a dialog like every command (the dialog set knows every
 * intent, and a held command or a test may begin it as one), but the router runs it through `run`, without a dialog
 * context: botbuilder builds the dialog memory, pushes the stack, runs the waterfall and pops it again for each one,
 * for a dialog that never waits for an answer. In the throughput bench that was a quarter of a "list ongoing
 * meetings" turn's CPU (1.9–2.2 ms per reply before, 1.4–1.5 after; BENCHMARKS.md, 8 December). Multi-turn commands
 * build their own WaterfallDialog with the prompts in `prompts.ts`.
 */
export class SingleTurnCommand extends WaterfallDialog {
  constructor(
    intent: string,
    private readonly handle: (step: CommandStep, options: CommandOptions) => Promise<void>,
  ) {
    super(intent, [
      async (step) => {
        await handle(step, step.options as CommandOptions);
        return step.endDialog();
      },
    ]);
  }

  /** Runs the command in this turn, outside any dialog. */
  run(context: TurnContext, options: CommandOptions): Promise<void> {
    return this.handle({ context, options }, options);
  }
}

export function singleTurnCommand(intent: string, handle: (step: CommandStep, options: CommandOptions) => Promise<void>): SingleTurnCommand {
  return new SingleTurnCommand(intent, handle);
}

/** The options a command dialog was started with. */
export function commandOptions(step: CommandStep): CommandOptions {
  return step.options as CommandOptions;
}
