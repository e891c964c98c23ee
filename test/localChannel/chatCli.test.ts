import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
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
});
