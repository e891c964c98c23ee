import assert from 'node:assert/strict';
import { ConversationState, MemoryStorage, TestAdapter, TurnContext, type Activity } from 'botbuilder';
import { DialogSet, DialogTurnStatus, TurnMemoryScope, WaterfallDialog, type DialogState } from 'botbuilder-dialogs';
import { DialogContexts } from '../../dialogs/dialogMemory.js';

const configurationKey = 'DialogStateManagerConfiguration';

function turn(text: string): TurnContext {
  const activity: Partial<Activity> = { type: 'message', text, channelId: 'test', conversation: { id: 'c', isGroup: false, conversationType: 'personal', name: '' }, from: { id: 'u', name: 'U' }, recipient: { id: 'b', name: 'B' } };
  return new TurnContext(new TestAdapter(), activity);
}

/** A two-step dialog that uses the memory scopes the bot's dialogs use: this (step values), dialog, turn. */
function setUp(): { state: ConversationState; dialogs: DialogSet; contexts: DialogContexts; seen: string[] } {
  const state = new ConversationState(new MemoryStorage());
  const dialogs = new DialogSet(state.createProperty<DialogState>('dialogState'));
  const seen: string[] = [];
  dialogs.add(
    new WaterfallDialog('ask', [
      async (step) => {
        step.state.setValue('dialog.asked', step.context.activity.text);
        step.state.setValue('turn.note', 'first');
        return { status: DialogTurnStatus.waiting };
      },
      async (step) => {
        seen.push(`${String(step.state.getValue('dialog.asked'))} → ${String(step.context.activity.text)} (${String(step.state.getValue('turn.note') ?? 'no turn note')})`);
        return step.endDialog();
      },
    ]),
  );
  return { state, dialogs, contexts: new DialogContexts(dialogs), seen };
}

async function runTurn(setup: ReturnType<typeof setUp>, context: TurnContext): Promise<void> {
  const dialogContext = await setup.contexts.create(context);
  const result = await dialogContext.continueDialog();
  if (result.status === DialogTurnStatus.empty) await dialogContext.beginDialog('ask');
  await setup.state.saveChanges(context);
}

describe('dialog contexts with a shared memory configuration', () => {
  it('lends the first turn\'s configuration to later turns, and dialog memory works across them', async () => {
    const setup = setUp();
    const first = turn('who is waiting?');
    await runTurn(setup, first);
    const second = turn('Budget review');
    await runTurn(setup, second);
    const shared = first.turnState.get(configurationKey) as unknown;
    assert.ok(shared);
    assert.equal(second.turnState.get(configurationKey), shared);
    // Turn memory is the turn's own: the first turn's note is not seen in the second.
    assert.deepEqual(setup.seen, ['who is waiting? → Budget review (no turn note)']);
  });

  it('is the configuration botbuilder builds itself', async () => {
    const setup = setUp();
    await setup.contexts.create(turn('a'));
    const lent = turn('b');
    await setup.contexts.create(lent);
    const ownBuild = turn('c');
    await setup.dialogs.createContext(ownBuild);
    type Configuration = { memoryScopes: object[]; pathResolvers: object[] };
    const names = (configuration: Configuration) => [...configuration.memoryScopes, ...configuration.pathResolvers].map((item) => item.constructor.name);
    assert.deepEqual(names(lent.turnState.get(configurationKey) as Configuration), names(ownBuild.turnState.get(configurationKey) as Configuration));
  });

  it('leaves a turn that brings memory scopes of its own to botbuilder', async () => {
    const setup = setUp();
    await setup.contexts.create(turn('a'));
    const own = turn('b');
    const extra = new TurnMemoryScope();
    own.turnState.set('memoryScopes', [extra]);
    await setup.contexts.create(own);
    const configuration = own.turnState.get(configurationKey) as { memoryScopes: object[] };
    assert.ok(configuration.memoryScopes.includes(extra));
    const later = turn('c');
    await setup.contexts.create(later);
    assert.ok(!(later.turnState.get(configurationKey) as { memoryScopes: object[] }).memoryScopes.includes(extra));
  });
});
