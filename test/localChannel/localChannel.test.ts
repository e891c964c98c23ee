import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { BotHttpError, BotUnreachableError, LocalChannel } from '../../src/localChannel/localChannel.js';
import { startEchoBot, type EchoBot } from './echoBot.js';

describe('LocalChannel against a real CloudAdapter bot', () => {
  let bot: EchoBot;
  let local: LocalChannel;

  beforeEach(async () => {
    bot = await startEchoBot();
    local = await LocalChannel.start({ botUrl: bot.url, users: ['Adele Vance', 'Megan Bowen', { name: 'Lee Gu', email: 'lee@contoso.example' }] });
  });

  afterEach(async () => {
    await local.close();
    await bot.close();
  });

  it('delivers a personal message and records the reply the bot posts back to the connector', async () => {
    const chat = local.personalChat('Megan Bowen');
    const posted = await chat.send('hello there');
    assert.equal(posted.status, 200);
    assert.equal(posted.activity.from?.name, 'Megan Bowen');
    assert.equal(posted.activity.conversation?.conversationType, 'personal');
    const reply = await chat.nextActivity({ timeoutMs: 2000 });
    assert.equal(reply.kind, 'send');
    assert.equal(reply.text, 'echo: hello there');
    assert.equal(reply.replyToId, posted.activity.id, 'a turn reply goes to /activities/{inboundId}');
    assert.equal(reply.activity.recipient?.id, posted.activity.from?.id);
    assert.equal(chat, local.personalChat('megan bowen'), 'the same person has one 1:1 chat');
  });

  it('mentions the bot in group chats and channels so removeRecipientMention strips it', async () => {
    const group = local.groupChat(['Adele Vance', 'Lee Gu'], { topic: 'Ops' });
    const posted = await group.send('status', { from: 'Lee Gu' });
    assert.equal(posted.activity.text, '<at>Meeting Ops</at> status');
    assert.deepEqual(posted.activity.entities?.find((entity) => entity.type === 'mention'), {
      type: 'mention',
      text: '<at>Meeting Ops</at>',
      mentioned: { id: local.bot.id, name: 'Meeting Ops' },
    });
    assert.equal((await group.nextActivity()).text, 'echo: status');

    const channel = local.channel('Operations', 'Incidents');
    const post = await channel.send('status');
    assert.equal(post.activity.conversation?.id, `${channel.id};messageid=${post.activity.id}`);
    const channelData = post.activity.channelData as { team: { name: string }; channel: { name: string } };
    assert.equal(channelData.team.name, 'Operations');
    assert.equal(channelData.channel.name, 'Incidents');
    const reply = await channel.nextActivity();
    assert.equal(reply.text, 'echo: status');
    assert.equal(reply.conversationId, post.activity.conversation?.id, 'the reply lands in the post thread');
  });

  it('sends install events the bot handles', async () => {
    const chat = local.personalChat();
    const [installation, update] = await chat.install();
    assert.equal(installation?.activity.type, 'installationUpdate');
    assert.equal(installation?.activity.action, 'add');
    assert.deepEqual(update?.activity.membersAdded, [{ id: local.bot.id, name: 'Meeting Ops' }]);
    assert.equal((await chat.nextActivity()).text, 'Thanks for installing me.');
  });

  it('presses Action.Execute: the invoke response carries the new card and the original is updated', async () => {
    const chat = local.personalChat();
    await chat.send('card');
    const cardEvent = await chat.waitFor((event) => event.cards.length > 0);
    assert.match(cardEvent.rendered, /\[1\] Admit {3}\[2\] Later/);

    const pressed = await chat.press(cardEvent, 'Admit', { from: 'Adele Vance' });
    assert.equal(pressed.kind, 'invoke');
    if (pressed.kind !== 'invoke') return;
    assert.equal(pressed.status, 200);
    assert.equal(pressed.activity.type, 'invoke');
    assert.equal(pressed.activity.name, 'adaptiveCard/action');
    assert.equal(pressed.activity.replyToId, cardEvent.activityId);
    assert.deepEqual(pressed.activity.value, {
      action: { type: 'Action.Execute', verb: 'admit', data: { participantId: 'p-1', note: 'welcome' } },
      trigger: 'manual',
    });
    assert.match(JSON.stringify(pressed.card), /"value":"approved"/);

    const update = await chat.waitFor((event) => event.kind === 'update');
    assert.equal(update.activityId, cardEvent.activityId);
    assert.match(update.rendered, /By: +Adele Vance/);
    const current = local.connector.currentActivity(cardEvent.activityId);
    assert.match(JSON.stringify(current?.attachments?.[0]?.content), /"value":"approved"/);
  });

  it('presses Action.Submit as a message carrying value and inputs', async () => {
    const chat = local.personalChat();
    await chat.send('card');
    const cardEvent = await chat.nextActivity();
    const pressed = await chat.press(cardEvent, 2, { inputs: { note: 'see you' } });
    assert.equal(pressed.kind, 'message');
    const reply = await chat.nextActivity();
    assert.equal(reply.text, 'submitted {"choice":"later","note":"see you"}');
    await assert.rejects(chat.press(cardEvent, 7), /No button 7 on that card \(buttons: \[1\] Admit, \[2\] Later\)/);
  });

  it('receives proactive messages sent with continueConversationAsync', async () => {
    const chat = local.personalChat();
    await chat.send('proactive');
    const ping = await chat.waitFor((event) => event.text === 'proactive ping');
    assert.notEqual(ping.replyToId, undefined);
    await bot.proactiveDone();
    assert.deepEqual(bot.errors, []);
    assert.deepEqual(chat.botEvents().map((event) => event.text), ['I will ping you.', 'proactive ping']);
  });

  it('serves members to TeamsInfo.getMember (by team id in channels) and getPagedMembers', async () => {
    const chat = local.personalChat('Lee Gu');
    await chat.send('whoami');
    const me = local.user('Lee Gu');
    assert.equal((await chat.nextActivity()).text, `you are Lee Gu <lee@contoso.example> upn=lee.gu@contoso.example aad=${me.aadObjectId}`);

    const channel = local.channel('Operations');
    await channel.send('whoami', { from: 'Megan Bowen' });
    assert.match(String((await channel.nextActivity()).text), /^you are Megan Bowen /);
    const memberCall = local.connector.requests().filter((request) => request.operation === 'getMember').at(-1);
    assert.equal(memberCall?.path, `/v3/conversations/${channel.team?.id}/members/${local.user('Megan Bowen').id}`);

    await channel.send('roster');
    assert.equal((await channel.nextActivity()).text, 'roster Adele Vance, Megan Bowen, Lee Gu');
  });

  it('records deletes', async () => {
    const chat = local.personalChat();
    await chat.send('temp');
    const sent = await chat.nextActivity();
    const deleted = await chat.nextActivity();
    assert.equal(deleted.kind, 'delete');
    assert.equal(deleted.activityId, sent.activityId);
  });

  it('makes botbuilder retry a 429 with Retry-After, visible in the connector log', async () => {
    const chat = local.personalChat();
    local.connector.injectFault({ status: 429, count: 2, retryAfterSeconds: 0 });
    await chat.send('hello');
    assert.equal((await chat.nextActivity()).text, 'echo: hello');
    const sends = local.connector.requests().filter((request) => request.operation === 'send');
    assert.deepEqual(sends.map((request) => request.status), [429, 429, 201]);
    assert.deepEqual(bot.errors, []);
  });

  it('surfaces a 429 without Retry-After to onTurnError after a single attempt', async () => {
    const chat = local.personalChat();
    local.connector.injectFault({ status: 429 });
    await chat.send('hello');
    assert.equal((await chat.nextActivity()).text, 'turn failed (429)');
    const sends = local.connector.requests().filter((request) => request.operation === 'send');
    assert.deepEqual(sends.map((request) => request.status), [429, 201]);
    assert.equal((bot.errors[0] as { statusCode?: number }).statusCode, 429);
  });

  it('answers 403 BotNotInConversationRoster after uninstall, and accepts sends again after install', async () => {
    const chat = local.personalChat();
    await chat.uninstall();
    await chat.send('proactive');
    await bot.proactiveDone();
    assert.ok(bot.errors.length >= 1);
    const error = bot.errors[0] as { statusCode?: number; message?: string };
    assert.equal(error.statusCode, 403);
    assert.ok(local.connector.requests().some((request) => request.fault === 'BotNotInConversationRoster'));
    assert.equal(chat.botEvents().length, 0);

    await chat.install();
    assert.equal((await chat.nextActivity()).text, 'Thanks for installing me.');
  });

  it('times out with the transcript in the error when the bot stays silent', async () => {
    const chat = local.personalChat();
    await chat.send('hello');
    await chat.nextActivity();
    await assert.rejects(chat.nextActivity({ timeoutMs: 50 }), (error: Error) => {
      assert.match(error.message, /Timed out after 50 ms/);
      assert.match(error.message, /Adele Vance: hello\nbot: echo: hello/);
      return true;
    });
  });

  it('resolves a pending wait as soon as the activity arrives (event-driven)', async () => {
    const chat = local.personalChat();
    const waiting = chat.waitFor((event) => event.text === 'echo: later', { timeoutMs: 5000 });
    await chat.send('sooner');
    await chat.send('later');
    assert.equal((await waiting).text, 'echo: later');
    await assert.rejects(chat.nextActivity({ timeoutMs: 20 }), /Timed out/, 'events before the match count as seen');
    assert.equal((await chat.waitFor((event) => event.text === 'echo: sooner', { includeSeen: true })).text, 'echo: sooner');
  });
});

describe('LocalChannel without a usable bot', () => {
  it('explains that the bot is not running', async () => {
    const probe = createServer();
    probe.listen(0, '127.0.0.1');
    await once(probe, 'listening');
    const { port } = probe.address() as AddressInfo;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const local = await LocalChannel.start({ botUrl: `http://127.0.0.1:${port}/api/messages` });
    try {
      await assert.rejects(local.personalChat().send('hi'), (error: Error) => {
        assert.ok(error instanceof BotUnreachableError);
        assert.match(error.message, /Is it running/);
        return true;
      });
    } finally {
      await local.close();
    }
  });

  it('explains that an authenticated bot refuses the local channel', async () => {
    const strict = createServer((_request, response) => {
      response.writeHead(401);
      response.end('{"message":"Unauthorized"}');
    });
    strict.listen(0, '127.0.0.1');
    await once(strict, 'listening');
    const { port } = strict.address() as AddressInfo;
    const local = await LocalChannel.start({ botUrl: `http://127.0.0.1:${port}/api/messages` });
    try {
      await assert.rejects(local.personalChat().send('hi'), (error: Error) => {
        assert.ok(error instanceof BotHttpError);
        assert.match(error.message, /without MicrosoftAppId/);
        return true;
      });
    } finally {
      await local.close();
      await new Promise<void>((resolve) => strict.close(() => resolve()));
    }
  });

  it('rejects a malformed bot URL up front', async () => {
    await assert.rejects(LocalChannel.start({ botUrl: 'localhost:3978' }), /not a valid URL|must be http/);
  });
});
