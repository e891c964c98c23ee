import assert from 'node:assert/strict';
import { intents, type IntentDefinition, type TeamsScope } from '../../src/nlu/catalog.js';
import { CommandLimitError, generateCommandLists } from '../../scripts/manifest/commands.js';
import { commandLimitsOf, loadBundledSchema, type CommandLimits } from '../../scripts/manifest/schema.js';

function intent(name: string, title: string, scopes: readonly TeamsScope[] = ['personal']): IntentDefinition {
  return {
    name,
    capability: 'core',
    entities: [],
    manifestScopes: scopes,
    text: {
      en: { title, description: `Does ${title}.`, example: title },
      zh: { title: `中${title}`, description: `做${title}。`, example: title },
    },
  };
}

const roomy: CommandLimits = { maxLists: 3, maxCommandsPerList: 10, maxTitleLength: 32, maxDescriptionLength: 128 };

describe('manifest command lists', () => {
  it('reads the limits from the bundled schema', async () => {
    const limits = commandLimitsOf(await loadBundledSchema('app'));
    assert.deepEqual(limits, { maxLists: 3, maxCommandsPerList: 12, maxTitleLength: 128, maxDescriptionLength: 4000 });
    assert.equal(commandLimitsOf(await loadBundledSchema('app', '1.17')).maxCommandsPerList, 10);
  });

  it('makes one list per scope from the registry, in registry order, with zh keys per command', async () => {
    const limits = commandLimitsOf(await loadBundledSchema('app'));
    const { commandLists, zhStrings } = generateCommandLists(intents, limits);
    const scopes: TeamsScope[] = ['personal', 'team', 'groupChat'];
    assert.deepEqual(commandLists.map((list) => list.scopes), scopes.map((scope) => [scope]));
    scopes.forEach((scope, index) => {
      const expected = intents.filter((entry) => entry.manifestScopes?.includes(scope)).map((entry) => entry.text.en.title);
      assert.deepEqual(commandLists[index]!.commands.map((command) => command.title), expected);
    });
    const help = intents.find((entry) => entry.name === 'help')!;
    assert.equal(zhStrings['bots[0].commandLists[1].commands[0].title'], help.text.zh.title);
    assert.equal(zhStrings['bots[0].commandLists[1].commands[0].description'], help.text.zh.description);
    const commandCount = commandLists.reduce((sum, list) => sum + list.commands.length, 0);
    assert.equal(Object.keys(zhStrings).length, commandCount * 2);
  });

  it('leaves out intents without manifestScopes and scopes nobody uses', () => {
    const registry = [intent('a', 'alpha'), { ...intent('b', 'beta'), manifestScopes: undefined }];
    const { commandLists } = generateCommandLists(registry, roomy);
    assert.deepEqual(commandLists, [{ scopes: ['personal'], commands: [{ title: 'alpha', description: 'Does alpha.' }] }]);
  });

  it('fails loudly, naming the scope and the intents, when a list has too many commands', () => {
    const registry = Array.from({ length: 11 }, (_, i) => intent(`intent${i}`, `command ${i}`));
    assert.throws(
      () => generateCommandLists(registry, roomy),
      (error: unknown) =>
        error instanceof CommandLimitError &&
        error.problems.length === 1 &&
        /scope personal: 11 commands, the manifest allows 10 \(intent0, .*intent10\)/.test(error.problems[0]!),
    );
    assert.equal(generateCommandLists(registry.slice(0, 10), roomy).commandLists[0]!.commands.length, 10);
  });

  it('fails on titles and descriptions over the length limits, in either language', () => {
    const long = intent('long', 'x'.repeat(33));
    const longZh = intent('zh', 'ok');
    longZh.text.zh.description = '长'.repeat(129);
    assert.throws(
      () => generateCommandLists([long, longZh], roomy),
      (error: unknown) =>
        error instanceof CommandLimitError &&
        error.problems.some((p) => p.includes('long en title is 33 characters, the manifest allows 32')) &&
        error.problems.some((p) => p.includes('zh zh description is 129 characters, the manifest allows 128')),
    );
    // Characters, not UTF-16 units or bytes: 32 CJK characters fit a 32-character title.
    const cjk = intent('cjk', 'fine');
    cjk.text.zh.title = '会'.repeat(32);
    assert.doesNotThrow(() => generateCommandLists([cjk], roomy));
  });

  it('fails on duplicate titles within a scope and on empty text', () => {
    const empty = intent('empty', ' ');
    assert.throws(() => generateCommandLists([intent('a', 'same'), intent('b', 'Same')], roomy), /a share the title "Same"/);
    assert.throws(() => generateCommandLists([empty], roomy), /empty en title is empty/);
  });
});
