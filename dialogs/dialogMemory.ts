import type { TurnContext } from 'botbuilder';
import type { DialogContext, DialogSet, DialogStateManagerConfiguration } from 'botbuilder-dialogs';

/**
 * botbuilder-dialogs' own turn-state key for the configuration of a turn's dialog memory (dialogStateManager.js
 * keeps it in a module constant it does not export).
 */
const configurationKey = 'DialogStateManagerConfiguration';
/** Turn-state keys through which a turn may bring memory scopes or path resolvers of its own (botbuilder reads them). */
const turnOwnKeys = ['memoryScopes', 'pathResolvers'];

/**
 * Dialog contexts whose memory configuration is built once per process instead of once per turn. botbuilder builds
 * it in every turn's first DialogStateManager: the registered components' memory scopes through a service
 * collection, a zod parse of the (empty) settings that fails and records an issue, nine scope and five resolver
 * objects, ~1.5–2.5 % of a command's CPU in the bench. The scopes and resolvers keep no state between turns
 * (each reads the dialog context it is given), and botbuilder only reads the configuration once built, so the
 * first one built is lent to every later turn through the turn-state key botbuilder itself looks under. A turn
 * that brings scopes or resolvers of its own gets botbuilder's usual build.
 */
export class DialogContexts {
  private shared: DialogStateManagerConfiguration | undefined;

  constructor(private readonly dialogs: DialogSet) {}

  async create(context: TurnContext): Promise<DialogContext> {
    const own = turnOwnKeys.some((key) => context.turnState.has(key));
    if (this.shared && !own && !context.turnState.has(configurationKey)) context.turnState.set(configurationKey, this.shared);
    const dialogContext = await this.dialogs.createContext(context);
    if (!this.shared && !own) this.shared = context.turnState.get(configurationKey) as DialogStateManagerConfiguration | undefined;
    return dialogContext;
  }
}
