import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findRepoRoot } from '../../scripts/manifest/paths.js';
import { ChatUsageError, parseChatArgs } from '../../src/localChannel/chatArgs.js';
import { ChatSession } from '../../src/localChannel/chatSession.js';
import { LocalChannel } from '../../src/localChannel/localChannel.js';
import { startEchoBot, type EchoBot } from './echoBot.js';

describe('terminal chat', () => {
  let bot: EchoBot;

  beforeEach(async () => {
    bot = await startEchoBot();
  });

  afterEach(async () => {
    await bot.close();
  });

  describe('ChatSession', () => {
    let local: LocalChannel;
    let output: string[];
    let session: ChatSession;

    beforeEach(async () => {
      local = await LocalChannel.start({ botUrl: bot.url });
      output = [];
      session = new ChatSession({ local, mode: { kind: 'personal' }, print: (line) => output.push(line) });
      await session.start();
    });

    afterEach(async () => {
      session.dispose();
      await local.close();
    });

    it('installs, sends typed lines and prints replies', async () => {
      await session.handleLine('hello');
      assert.deepEqual(output.slice(1), ['Meeting Ops: Thanks for installing me.', 'Meeting Ops: echo: hello']);
    });

    it('numbers cards and presses buttons with /N and /press, printing updates', async () => {
      await session.handleLine('card');
      await session.handleLine('card');
      assert.match(output.join('\n'), /\[card #1\]:[\s\S]*\[card #2\]:/);
      await session.handleLine('/press 1 1');
      assert.match(output.at(-1) ?? '', /^Meeting Ops updated card #1:\n {2}Lobby: Bob is waiting\n {2}State: approved/);
      await session.handleLine('/2');
      assert.equal(output.at(-1), '! No button 2 on that card (buttons: none)', '/N acts on the card shown last: the updated #1');
      await session.handleLine('/press 2 2');
      assert.equal(output.at(-1), 'Meeting Ops: submitted {"choice":"later","note":"welcome"}');
    });

    it('reports bad commands and missing cards without stopping', async () => {
      await session.handleLine('/1');
      assert.equal(output.at(-1), '! No card to press yet.');
      await session.handleLine('/press 9 1');
      assert.equal(output.at(-1), '! There is no card #9.');
      await session.handleLine('/nope');
      assert.equal(output.at(-1), '! Unknown command /nope. Type /help.');
      await session.handleLine('/as Nobody');
      assert.match(output.at(-1) ?? '', /^! No user "Nobody"\. Known users: Adele Vance, Megan Bowen/);
    });

    it('switches person with /as and labels messages that land in another conversation', async () => {
      await session.handleLine('/as Megan Bowen');
      assert.equal(session.currentConversation, local.personalChat('Megan Bowen'));
      await local.personalChat('Adele Vance').send('from elsewhere');
      assert.equal(output.at(-1), 'Meeting Ops (in a personal chat (Adele Vance)): echo: from elsewhere');
    });
  });

  it('runs piped: sends each line, presses buttons, and exits after replies settle', async () => {
    const cli = fileURLToPath(new URL('../../src/localChannel/chatCli.js', import.meta.url));
    const child = spawn(process.execPath, [cli, '--channel', 'Operations/Incidents', '--user', 'Lee Gu'], {
      env: { ...process.env, BOT_URL: bot.url },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdin.end('whoami\ncard\n/1\nproactive\n');
    const [code] = (await once(child, 'close')) as [number | null];
    assert.equal(code, 0, stderr);
    assert.match(stdout, /as Lee Gu in channel Operations \/ Incidents/);
    assert.match(stdout, /Meeting Ops: you are Lee Gu </);
    assert.match(stdout, /Meeting Ops updated card #1:\n {2}Lobby: Bob is waiting\n {2}State: approved\n {2}By: +Lee Gu/);
    assert.match(stdout, /Meeting Ops: proactive ping\n$/, 'waits for the proactive message before exiting');
  });

  it('exits with a clear message when the bot is not running', async () => {
    const cli = fileURLToPath(new URL('../../src/localChannel/chatCli.js', import.meta.url));
    const child = spawn(process.execPath, [cli], {
      env: { ...process.env, BOT_URL: 'http://127.0.0.1:1/api/messages' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdin.end('hello\n');
    const [code] = (await once(child, 'close')) as [number | null];
    assert.equal(code, 1);
    assert.match(stderr, /Cannot reach the bot at http:\/\/127\.0\.0\.1:1\/api\/messages\. Is it running/);
  });

  describe('command line', () => {
    const none = {};
    it('takes --group alone (everyone), with a member list, or before another flag', () => {
      assert.deepEqual(parseChatArgs(['--group'], none).mode, { kind: 'group', members: [] });
      assert.deepEqual(parseChatArgs(['--group', 'Alice Wood, Bob Kelly'], none).mode, { kind: 'group', members: ['Alice Wood', 'Bob Kelly'] });
      const both = parseChatArgs(['--group', '--user', 'Carol Diaz'], none);
      assert.deepEqual(both.mode, { kind: 'group', members: [] });
      assert.equal(both.user, 'Carol Diaz');
    });

    it('takes --channel Team/Channel and --user "Full Name"', () => {
      assert.deepEqual(parseChatArgs(['--channel', 'Finance/General'], none).mode, { kind: 'channel', team: 'Finance', channel: 'General' });
      assert.deepEqual(parseChatArgs(['--channel=Finance'], none).mode, { kind: 'channel', team: 'Finance', channel: 'General' });
      assert.equal(parseChatArgs(['--user', 'Carol Diaz'], none).user, 'Carol Diaz');
    });

    it('names mistakes instead of ignoring them', () => {
      assert.throws(() => parseChatArgs(['--group', '--channel', 'Finance'], none), /either --group or --channel/);
      assert.throws(() => parseChatArgs(['--user', 'Carol', 'Diaz'], none), /Unexpected argument "Diaz"\. Quote names with spaces/);
      assert.throws(() => parseChatArgs(['--channel'], none), (error: unknown) => error instanceof ChatUsageError && /--channel/.test(error.message));
      assert.throws(() => parseChatArgs(['--grop'], none), /Unknown option '--grop'/);
    });

    it('puts back one option that npm kept for itself, and asks for "--" when it cannot tell which value was whose', () => {
      const npm = { npm_lifecycle_event: 'chat' };
      const group = parseChatArgs([], { ...npm, npm_config_group: 'true' });
      assert.deepEqual(group.mode, { kind: 'group', members: [] });
      assert.match(group.notes[0] ?? '', /npm kept --group for itself; I used it anyway\. Next time .*npm run chat -- --group/);
      assert.deepEqual(parseChatArgs(['Finance/General'], { ...npm, npm_config_channel: 'true' }).mode, { kind: 'channel', team: 'Finance', channel: 'General' });
      assert.deepEqual(parseChatArgs([], { ...npm, npm_config_channel: 'Finance/Budget' }).mode, { kind: 'channel', team: 'Finance', channel: 'Budget' });
      assert.throws(
        () => parseChatArgs(['Carol Diaz', 'Finance/General'], { ...npm, npm_config_user: 'true', npm_config_channel: 'true' }),
        /npm kept --user --channel for itself .* Put the chat's options after "--", e\.g\. npm run chat -- --user "Carol Diaz" --channel Finance\/General/,
      );
      assert.deepEqual(parseChatArgs([], { npm_lifecycle_event: 'test', npm_config_group: 'true' }).mode, { kind: 'personal' }, 'only npm run chat');
    });
  });

  describe('through npm run chat, as the README shows it', function () {
    this.timeout(60_000);
    const root = findRepoRoot(dirname(fileURLToPath(import.meta.url)));
    /** A shell's environment: nothing of the npm that may be running these tests. */
    const shellEnv = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key)));

    async function npmChat(args: string[], input: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
      const child = spawn('npm', ['run', '--silent', 'chat', ...args], {
        cwd: root,
        env: { ...shellEnv, BOT_URL: bot.url },
        stdio: ['pipe', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.stdin.end(input);
      const [code] = (await once(child, 'close')) as [number | null];
      return { code, stdout, stderr };
    }

    it('npm run chat -- --group opens a group chat with everyone', async () => {
      const run = await npmChat(['--', '--group'], 'hello\n');
      assert.equal(run.code, 0, run.stderr);
      assert.match(run.stdout, /as Alice Wood in a group chat with Alice Wood, Bob Kelly, Carol Diaz, Ada Admin\./);
      assert.match(run.stdout, /Meeting Ops: echo: hello/);
    });

    it('npm run chat -- --user "Carol Diaz" --channel Finance/General speaks as Carol in that channel', async () => {
      const run = await npmChat(['--', '--user', 'Carol Diaz', '--channel', 'Finance/General'], 'whoami\n');
      assert.equal(run.code, 0, run.stderr);
      assert.match(run.stdout, /as Carol Diaz in channel Finance \/ General/);
      assert.match(run.stdout, /Meeting Ops: you are Carol Diaz </);
    });

    it('npm run chat --group (no "--") still opens the group chat, and says how to pass options', async () => {
      const run = await npmChat(['--group'], 'hello\n');
      assert.equal(run.code, 0, run.stderr);
      assert.match(run.stdout, /in a group chat with Alice Wood, Bob Kelly, Carol Diaz, Ada Admin\./);
      assert.match(run.stderr, /npm kept --group for itself; I used it anyway/);
    });
  });
});
