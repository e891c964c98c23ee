import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findRepoRoot } from '../../scripts/manifest/paths.js';
import { createLogger } from '../../src/logging.js';
import type { BotEvent, LocalConversation } from '../../src/localChannel/localChannel.js';
import { startBotUnderTest, type BotUnderTest } from '../helpers/botUnderTest.js';
import { duplicateKeys } from '../helpers/duplicateKeys.js';

const root = findRepoRoot(dirname(fileURLToPath(import.meta.url)));
/** A shell's environment: nothing of the npm that may be running these tests. */
const shellEnv = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key)));

function run(command: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(command, args, { cwd: root, env: shellEnv, timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : 1, stdout, stderr });
    });
  });
}

describe('clean output', function () {
  this.timeout(90_000);

  it('npm install has no unreviewed install scripts to warn about: package.json allowScripts covers them all', async () => {
    // The same check `npm install` ends with; read-only and offline.
    const listed = await run('npm', ['install-scripts', 'ls']);
    assert.equal(listed.code, 0, listed.stderr);
    assert.match(listed.stdout, /No packages with unreviewed install scripts/);
  });

  it('mocha, as npm test runs it, loads the bot\'s HTTP stack without a deprecation warning', async () => {
    // --dry-run loads every module of the file (restify and its spdy dependency included) and runs no test.
    const mocha = fileURLToPath(new URL('../../../node_modules/mocha/bin/mocha.js', import.meta.url));
    const loaded = await run(process.execPath, [mocha, '--dry-run', 'dist/test/localChannel/connector.test.js', 'dist/test/foundation/http.test.js']);
    assert.equal(loaded.code, 0, loaded.stderr);
    assert.doesNotMatch(loaded.stderr, /DeprecationWarning|\[DEP\d+\]/);
  });

  describe('JSON log lines', () => {
    let bot: BotUnderTest;

    before(async () => {
      bot = await startBotUnderTest(); // the sandbox: both simulators, every component logging at debug
    });

    after(async () => {
      await bot?.close();
    });

    async function ask(chat: LocalConversation, text: string, until: (event: BotEvent) => boolean): Promise<BotEvent> {
      await chat.send(text);
      return chat.waitFor(until, { timeoutMs: 15_000 });
    }

    it('name each field once, through a lobby alert, presence, UCWA and Huawei commands', async () => {
      const alice = bot.channel.personalChat('alice@contoso.com');
      await ask(alice, 'watch my meeting Budget review', (event) => event.rendered.includes("I'm watching the lobby of"));
      bot.sandbox.simulators.ucwa!.control.putInLobby({ meeting: 'Budget review', name: 'Dave Fisher', sipUri: 'sip:dave@fabrikam.com', source: 'federated' });
      const alert = await alice.waitFor((event) => JSON.stringify(event.cards).includes('**Dave Fisher (fabrikam.com)** is waiting'), { timeoutMs: 10_000 });
      await alice.press(alert, 'Admit');
      await alice.waitFor((event) => event.kind === 'update' && event.rendered.includes('Admitted by Alice Wood'), { timeoutMs: 10_000 });
      await ask(alice, 'watch presence of Project team', (event) => /watching|presence/i.test(event.rendered));
      await ask(alice, 'my groups', (event) => event.rendered.includes('Project team'));
      await ask(alice, 'list ongoing meetings about budget', (event) => event.rendered.includes('Budget review'));
      await ask(alice, 'gibberish flibbertigibbet', (event) => event.kind === 'send');

      const lines = bot.logLines.flatMap((chunk) => chunk.split('\n')).filter((line) => line.trim() !== '');
      assert.ok(lines.length > 20, `enough lines to mean something (${lines.length})`);
      const components = new Set(lines.map((line) => (JSON.parse(line) as { component?: string }).component).filter(Boolean));
      assert.ok(components.size >= 3, `several components logged: ${[...components].join(', ')}`);
      const duplicated = lines.map((line) => ({ line, keys: duplicateKeys(line) })).filter((entry) => entry.keys.length > 0);
      assert.deepEqual(duplicated, [], 'no log line names a field twice');
    });
  });
});

describe('component loggers inside component loggers', () => {
  it('write each binding once, with the innermost value', () => {
    const lines: string[] = [];
    const logger = createLogger({ level: 'info', destination: { write: (line: string) => lines.push(line) } });
    logger.child({ component: 'lobby-alerts', user: 'a' }).child({ component: 'lobby-outbox' }).info('delivered');
    logger.child({ component: 'http' }).info('plain');
    assert.deepEqual(lines.map(duplicateKeys), [[], []]);
    const first = JSON.parse(lines[0]!) as Record<string, unknown>;
    assert.equal(first['component'], 'lobby-outbox');
    assert.equal(first['user'], 'a');
    assert.equal((JSON.parse(lines[1]!) as Record<string, unknown>)['component'], 'http');
  });

  it('tell a key from the same words inside a value or a nested object', () => {
    const lines: string[] = [];
    const logger = createLogger({ level: 'info', destination: { write: (line: string) => lines.push(line) } });
    logger.child({ note: 'x,"component":"z"' }).child({ component: 'b' }).info('quoted');
    logger.child({ component: 'a', note: '{"component":1}' }).child({ detail: { component: 'nested' }, component: 'b' }).info('nested');
    assert.deepEqual(lines.map(duplicateKeys), [[], []]);
    const [quoted, nested] = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    assert.deepEqual([quoted!['note'], quoted!['component']], ['x,"component":"z"', 'b']);
    assert.deepEqual([nested!['note'], nested!['detail'], nested!['component']], ['{"component":1}', { component: 'nested' }, 'b']);
  });
});

describe('duplicateKeys (the test helper)', () => {
  it('finds a key named twice in one object, at any depth, and nothing else', () => {
    assert.deepEqual(duplicateKeys('{"a":1,"b":{"c":"x\\"y","c":[1,{"d":null,"d":true}]},"a":2}'), ['b.c', 'b.c[1].d', 'a']);
    assert.deepEqual(duplicateKeys('{"a":{"k":1},"b":{"k":1},"s":"{\\"k\\":1,\\"k\\":2}"}'), []);
    assert.throws(() => duplicateKeys('{"a":'));
  });
});
