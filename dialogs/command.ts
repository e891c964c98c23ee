import { WaterfallDialog, type Dialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import type { CommandOptions } from '../src/teams/capability.js';

/**
 * Most commands answer in one turn; this wraps such a handler as a dialog so the router treats every command
 * alike. Multi-turn commands build their own WaterfallDialog with the prompts in `prompts.ts`.
 */
export function singleTurnCommand(intent: string, handle: (step: WaterfallStepContext, options: CommandOptions) => Promise<void>): Dialog {
  return new WaterfallDialog(intent, [
    async (step) => {
      await handle(step, step.options as CommandOptions);
      return step.endDialog();
    },
  ]);
}

/** The options a command dialog was started with. */
export function commandOptions(step: WaterfallStepContext): CommandOptions {
  return step.options as CommandOptions;
}
