import assert from 'node:assert/strict';
import { ConnectorEmulator, type ConnectorUser } from '../../src/localChannel/connector.js';

const tenantId = 'c0ffee00-0000-4000-8000-000000000001';
const users: ConnectorUser[] = ['Adele Vance', 'Megan Bowen', 'Lee Gu'].map((name, index) => ({
  id: `29:user-${index}`,
  aadObjectId: `00000000-0000-4000-8000-00000000000${index}`,
  name,
  givenName: name.split(' ')[0]!,
  surname: name.split(' ')[1]!,
  userPrincipalName: `user${index}@contoso.example`,
  email: `user${index}@contoso.example`,
  tenantId,
}));
const channelId = '19:abc@thread.tacv2';

describe('ConnectorEmulator (REST surface)', () => {
  let connector: ConnectorEmulator;

  const call = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(new URL(path, connector.serviceUrl), {
      method,
      headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text ? (JSON.parse(text) as Record<string, unknown>) : undefined };
  };

  beforeEach(async () => {
    connector = await ConnectorEmulator.start({ tenantId, botId: 'bot-1' });
    for (const user of users) connector.addUser(user);
    connector.upsertTeam({
      id: channelId,
      name: 'Ops',
      aadGroupId: 'group-1',
      tenantId,
      memberIds: users.map((user) => user.id),
      channels: [{ id: channelId, name: 'General' }],
    });
    connector.upsertConversation({ id: channelId, conversationType: 'channel', tenantId, memberIds: users.map((user) => user.id), teamId: channelId });
  });

  afterEach(async () => {
    await connector.close();
  });

  it('serves a loopback serviceUrl with a trailing slash and a 28: bot id', () => {
    assert.match(connector.serviceUrl, /^http:\/\/127\.0\.0\.1:\d+\/$/);
    assert.equal(connector.botId, '28:bot-1');
  });

  it('records sends, replies to URL-encoded thread ids, updates and deletes, with assigned ids', async () => {
    const thread = encodeURIComponent(`${channelId};messageid=111`);
    const sent = await call('POST', `v3/conversations/${thread}/activities/111`, { type: 'message', text: 'first' });
    assert.equal(sent.status, 201);
    const id = String(sent.body?.['id']);
    const second = await call('POST', `v3/conversations/${thread}/activities`, { type: 'message', text: 'second' });
    assert.ok(Number(second.body?.['id']) > Number(id), 'ids increase');
    assert.equal((await call('PUT', `v3/conversations/${thread}/activities/${id}`, { type: 'message', id, text: 'edited' })).status, 200);
    assert.equal((await call('DELETE', `v3/conversations/${thread}/activities/${id}`)).status, 200);
    assert.equal((await call('PUT', `v3/conversations/${thread}/activities/${id}`, { type: 'message', text: 'again' })).status, 404);

    const recorded = connector.activities(channelId);
    assert.deepEqual(
      recorded.map((entry) => [entry.kind, entry.activity.text, entry.replyToId]),
      [
        ['send', 'first', '111'],
        ['send', 'second', undefined],
        ['update', 'edited', undefined],
        ['delete', undefined, undefined],
      ],
    );
    assert.equal(recorded[0]?.conversationId, `${channelId};messageid=111`);
    assert.equal(connector.currentActivity(id), undefined);
    assert.equal(connector.currentActivity(String(second.body?.['id']))?.text, 'second');
  });

  it('rejects unknown conversations, non-activity bodies and unknown routes with Bot Framework error bodies', async () => {
    const unknown = await call('POST', 'v3/conversations/a%3Anope/activities', { type: 'message' });
    assert.equal(unknown.status, 404);
    assert.deepEqual(unknown.body, { error: { code: 'ConversationNotFound', message: 'Conversation not found.' } });
    assert.equal((await call('POST', `v3/conversations/${encodeURIComponent(channelId)}/activities`, { text: 'no type' })).status, 400);
    assert.equal((await call('GET', 'v3/somewhere/else')).status, 404);
  });

  it('refuses a send or update over 28 KB with 413 MessageSizeTooBig, as Teams does, and records nothing', async () => {
    const conversation = encodeURIComponent(channelId);
    const big = { type: 'message', text: 'x'.repeat(28 * 1024) };
    const sent = await call('POST', `v3/conversations/${conversation}/activities`, big);
    assert.equal(sent.status, 413);
    assert.equal((sent.body?.['error'] as { code?: string } | undefined)?.code, 'MessageSizeTooBig');
    const fits = await call('POST', `v3/conversations/${conversation}/activities`, { type: 'message', text: 'x'.repeat(27 * 1024) });
    assert.equal(fits.status, 201);
    const id = String(fits.body?.['id']);
    assert.equal((await call('PUT', `v3/conversations/${conversation}/activities/${id}`, { ...big, id })).status, 413);
    assert.deepEqual(connector.activities(channelId).map((entry) => entry.kind), ['send'], 'only the one that fits');
  });

  it('serves members, paged members with continuation, team details and channels', async () => {
    const team = encodeURIComponent(channelId);
    const member = await call('GET', `v3/conversations/${team}/members/${encodeURIComponent('29:user-1')}`);
    assert.equal(member.body?.['name'], 'Megan Bowen');
    assert.equal(member.body?.['userPrincipalName'], 'user1@contoso.example');
    const byAad = await call('GET', `v3/conversations/${team}/members/00000000-0000-4000-8000-000000000002`);
    assert.equal(byAad.body?.['name'], 'Lee Gu');
    assert.equal((await call('GET', `v3/conversations/${team}/members/29%3Aghost`)).body?.['error'] !== undefined, true);

    const first = await call('GET', `v3/conversations/${team}/pagedmembers?pageSize=2`);
    assert.equal((first.body?.['members'] as unknown[]).length, 2);
    const rest = await call('GET', `v3/conversations/${team}/pagedmembers?pageSize=2&continuationToken=${String(first.body?.['continuationToken'])}`);
    assert.deepEqual((rest.body?.['members'] as Array<{ name: string }>).map((entry) => entry.name), ['Lee Gu']);
    assert.equal(rest.body?.['continuationToken'], undefined);

    assert.deepEqual((await call('GET', `v3/teams/${team}`)).body, {
      id: channelId, name: 'Ops', aadGroupId: 'group-1', channelCount: 1, memberCount: 3, type: 'standard',
    });
    assert.deepEqual((await call('GET', `v3/teams/${team}/conversations`)).body, { conversations: [{ id: channelId, name: 'General' }] });
  });

  it('creates (or finds) the 1:1 chat with a user and channel threads', async () => {
    const created = await call('POST', 'v3/conversations', {
      isGroup: false, bot: { id: '28:bot-1' }, members: [{ id: '29:user-0' }], tenantId, channelData: { tenant: { id: tenantId } },
    });
    assert.equal(created.status, 201);
    assert.equal(created.body?.['id'], connector.ensurePersonalConversation('29:user-0').id);
    assert.match(String(created.body?.['id']), /^a:/);

    const thread = await call('POST', 'v3/conversations', {
      isGroup: true, channelData: { channel: { id: channelId } }, activity: { type: 'message', text: 'new thread' },
    });
    assert.equal(thread.body?.['id'], `${channelId};messageid=${String(thread.body?.['activityId'])}`);
    assert.equal(connector.activities(channelId).at(-1)?.activity.text, 'new thread');

    const group = await call('POST', 'v3/conversations', { isGroup: true, members: [{ id: '29:user-0' }, { id: '29:user-1' }] });
    assert.equal(group.status, 400);
    const stranger = await call('POST', 'v3/conversations', { members: [{ id: '29:ghost' }] });
    assert.equal(stranger.status, 404);
  });

  it('injects faults for the next N matching requests, with or without Retry-After, and logs them', async () => {
    const path = `v3/conversations/${encodeURIComponent(channelId)}/activities`;
    connector.injectFault({ status: 429, count: 2, retryAfterSeconds: 3 });
    connector.injectFault({ status: 412 });
    const first = await call('POST', path, { type: 'message' });
    assert.equal(first.status, 429);
    assert.equal(first.headers.get('retry-after'), '3');
    assert.deepEqual(first.body, { error: { code: 'Throttled', message: 'Injected fault 429 Throttled' } });
    assert.equal((await call('POST', path, { type: 'message' })).status, 429);
    const precondition = await call('POST', path, { type: 'message' });
    assert.equal(precondition.status, 412);
    assert.equal(precondition.headers.get('retry-after'), null);
    assert.equal((await call('GET', `v3/conversations/${encodeURIComponent(channelId)}/members`)).status, 200, 'reads are not faulted by default');
    assert.equal((await call('POST', path, { type: 'message' })).status, 201);
    assert.deepEqual(
      connector.requests().map((request) => [request.operation, request.status, request.fault]),
      [
        ['send', 429, 'injected 429'],
        ['send', 429, 'injected 429'],
        ['send', 412, 'injected 412'],
        ['getMembers', 200, undefined],
        ['send', 201, undefined],
      ],
    );
    assert.equal(connector.activities().length, 1, 'faulted sends are not recorded as activities');
    assert.throws(() => connector.injectFault({ status: 200 }), /400-599/);
  });

  it('answers 403 BotNotInConversationRoster for a rejected conversation until restored', async () => {
    const team = encodeURIComponent(channelId);
    connector.rejectConversation(channelId);
    const paged = await call('GET', `v3/conversations/${team}/pagedmembers?pageSize=1`);
    assert.equal(paged.status, 403);
    assert.deepEqual(paged.body, { error: { code: 'BotNotInConversationRoster', message: 'The bot is not part of the conversation roster.' } });
    assert.equal((await call('POST', `v3/conversations/${encodeURIComponent(`${channelId};messageid=5`)}/activities`, { type: 'message' })).status, 403);
    connector.restoreConversation(channelId);
    assert.equal((await call('GET', `v3/conversations/${team}/pagedmembers?pageSize=1`)).status, 200);
  });
});
