import type { ConversationState, StatePropertyAccessor, TurnContext } from 'botbuilder';
import type { DialogState } from 'botbuilder-dialogs';

/**
 * Saves a conversation's state only while it holds something. botbuilder writes the state of every conversation
 * that ever spoke (an empty dialog stack included), so storage grew by a file per conversation forever; a finished
 * dialog now leaves nothing behind, and a state that became empty is deleted.
 */
export async function saveConversationState(state: ConversationState, dialogState: StatePropertyAccessor<DialogState>, context: TurnContext): Promise<void> {
  const dialogs = await dialogState.get(context);
  if (dialogs && dialogs.dialogStack.length === 0) await dialogState.delete(context);
  const cached = state.get(context) as Record<string, unknown> | undefined;
  const holdsSomething = cached !== undefined && Object.entries(cached).some(([key, value]) => key !== 'eTag' && value !== undefined);
  if (holdsSomething) return void (await state.saveChanges(context));
  // Only a state that was stored is deleted: an empty new conversation costs no storage call at all.
  if (typeof cached?.eTag === 'string') await state.delete(context);
}
