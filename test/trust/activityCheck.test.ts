import assert from 'node:assert/strict';
import { cardActionInvoke, checkActivity, inboundActivitySchema, maxTextLength, plainCardAction, plainlyValid } from '../../src/server/activitySchema.js';

/**
 * The inbound activity check has a hand-written fast path (plainlyValid) in front of the zod schema. It must say
 * yes exactly where the schema does, or a bad activity would reach the bot (or a good one be refused): every field
 * is tried with values on both sides of each rule and compared with the schema's own answer.
 */
describe('the inbound activity check', () => {
  const base = (): Record<string, unknown> => ({
    type: 'message',
    id: 'f:1',
    channelId: 'msteams',
    serviceUrl: 'https://smba.trafficmanager.net/emea/',
    from: { id: '29:alice', name: 'Alice', aadObjectId: 'a-1' },
    recipient: { id: '28:bot', name: 'Bot' },
    conversation: { id: 'a:chat', conversationType: 'personal', tenantId: 't-1' },
    locale: 'en-US',
    localTimezone: 'Europe/Berlin',
    timestamp: '2026-12-05T08:00:00.000Z',
    localTimestamp: '2026-12-05T09:00:00.000+01:00',
    text: 'help',
    textFormat: 'plain',
    entities: [{ type: 'clientInfo', locale: 'en-US' }],
    channelData: { tenant: { id: 't-1' } },
  });

  const long = (length: number) => 'x'.repeat(length);
  const scalars: unknown[] = [undefined, null, '', ' ', 'x', 0, 1, true, false, [], {}, long(64), long(65), long(1024), long(1025)];
  const accounts: unknown[] = [
    ...scalars,
    { id: '29:x' },
    { id: '29:x', name: null },
    { id: ' ' },
    { id: '' },
    { id: 7 },
    { name: 'no id' },
    { id: '29:x', name: 3 },
    { id: '29:x', aadObjectId: null },
    { id: '29:x', role: long(1025) },
    { id: long(1025) },
    { id: '19:x', isGroup: 'yes' },
    { id: '19:x', isGroup: true, conversationType: 'channel', tenantId: null },
    ['29:x'],
  ];
  const lists = (item: unknown, bad: unknown): unknown[] => [
    ...scalars,
    [item],
    [item, bad],
    [bad],
    Array.from({ length: 100 }, () => item),
    Array.from({ length: 101 }, () => item),
    Array.from({ length: 1000 }, () => ({ id: '29:m' })),
    Array.from({ length: 1001 }, () => ({ id: '29:m' })),
    // A hole: JSON cannot make one, but the schema sees it as an undefined item.
    [item, , item],
  ];
  const candidates: Record<string, unknown[]> = {
    type: scalars,
    id: scalars,
    channelId: scalars,
    serviceUrl: [...scalars, 'http://127.0.0.1:3978/', 'https://x.example/a', 'ftp://x.example/', 'not a url', '/relative'],
    from: accounts,
    recipient: accounts,
    conversation: accounts,
    locale: scalars,
    localTimezone: [...scalars, long(128), long(129)],
    timestamp: scalars,
    localTimestamp: scalars,
    text: [...scalars, long(maxTextLength), long(maxTextLength + 1)],
    textFormat: scalars,
    replyToId: scalars,
    name: [...scalars, long(256), long(257)],
    action: scalars,
    membersAdded: lists({ id: '29:m' }, { id: 5 }),
    membersRemoved: lists({ id: '29:m', name: null }, { name: 'x' }),
    entities: lists({ type: 'mention' }, { type: 3 }),
    attachments: lists({ contentType: 'application/vnd.microsoft.card.adaptive' }, { content: {} }),
    channelData: [...scalars, { tenant: null }, { tenant: {} }, { tenant: { id: 3 } }, { tenant: { id: long(1025) } }, { tenant: 't' }, { other: 1 }],
    unknownField: scalars,
  };

  it('takes the fast path for what Teams sends', () => {
    assert.equal(plainlyValid(base()), true);
    assert.deepEqual(checkActivity(base()), { ok: true, activity: base() });
  });

  for (const [field, values] of Object.entries(candidates)) {
    it(`agrees with the schema on every value tried for "${field}"`, () => {
      for (const value of values) {
        const activity = base();
        if (value === undefined) delete activity[field];
        else activity[field] = value;
        const schema = inboundActivitySchema.safeParse(activity).success;
        assert.equal(plainlyValid(activity), schema, `${field} = ${JSON.stringify(value)?.slice(0, 80)}`);
      }
    });
  }

  it('leaves what JSON cannot hold (class instances) to the schema', () => {
    const activity = { ...base(), from: Object.assign(new (class Account {})(), { id: '29:x' }) };
    assert.equal(plainlyValid(activity), false);
    assert.equal(checkActivity(activity).ok, inboundActivitySchema.safeParse(activity).success);
  });

  it('still words the problem through the schema', () => {
    assert.deepEqual(checkActivity({ ...base(), from: { name: 'Alice' } }), { ok: false, problem: 'The activity has no "from.id".' });
  });
});

/**
 * The card action's check has the same kind of fast path (plainCardAction) in front of its schema: every part of the
 * press is tried with values on both sides of each rule, and the fast path may say yes only where the schema does.
 */
describe('the card action check', () => {
  const base = (): Record<string, unknown> => ({
    type: 'invoke',
    name: 'adaptiveCard/action',
    channelId: 'msteams',
    serviceUrl: 'https://smba.trafficmanager.net/emea/',
    from: { id: '29:alice', name: 'Alice' },
    recipient: { id: '28:bot', name: 'Bot' },
    conversation: { id: 'a:chat', conversationType: 'personal' },
    value: { action: { type: 'Action.Execute', verb: 'lobby.admit', data: { alertId: 'a-1' } }, trigger: 'manual' },
  });
  const long = (length: number) => 'x'.repeat(length);
  const scalars: unknown[] = [undefined, null, '', 'x', 0, true, [], {}, long(128), long(129)];
  const objects: unknown[] = [...scalars, Object.create(null) as object, new Date(0), new (class Data {})(), [{ a: 1 }]];
  const withAction = (change: (action: Record<string, unknown>) => void) => {
    const invoke = base();
    const value = invoke['value'] as { action: Record<string, unknown> };
    change(value.action);
    return invoke;
  };
  const candidates: Array<[string, Record<string, unknown>]> = [
    ...[...scalars, 'adaptiveCard/other'].map((name): [string, Record<string, unknown>] => [`name ${JSON.stringify(name)}`, { ...base(), name }]),
    ...objects.map((value): [string, Record<string, unknown>] => [`value ${JSON.stringify(value)}`, { ...base(), value }]),
    ...objects.map((action): [string, Record<string, unknown>] => [`action ${JSON.stringify(action)}`, { ...base(), value: { action } }]),
    ...[...scalars, 'Action.Submit', 'action.execute'].map((type): [string, Record<string, unknown>] => [`type ${JSON.stringify(type)}`, withAction((action) => (type === undefined ? delete action['type'] : (action['type'] = type)))]),
    ...scalars.map((verb): [string, Record<string, unknown>] => [`verb ${JSON.stringify(verb)}`, withAction((action) => (verb === undefined ? delete action['verb'] : (action['verb'] = verb)))]),
    ...[...objects, { nested: { deep: [1, 2] } }].map((data): [string, Record<string, unknown>] => [`data ${JSON.stringify(data)}`, withAction((action) => (data === undefined ? delete action['data'] : (action['data'] = data)))]),
    ['extra fields', withAction((action) => (action['title'] = 'Admit'))],
  ];

  it('takes the fast path for what Teams sends', () => {
    assert.equal(plainCardAction(base()), true);
    assert.deepEqual(checkActivity(base()), { ok: true, activity: base() });
  });

  it('agrees with the schema on every press tried, and says yes only where the schema does', () => {
    for (const [label, invoke] of candidates) {
      const schema = cardActionInvoke.safeParse(invoke).success;
      if (plainCardAction(invoke)) assert.equal(schema, true, label);
      // Plain JSON values (what a request body holds) get the schema's answer from the fast path itself.
      const json = JSON.parse(JSON.stringify(invoke)) as Record<string, unknown>;
      assert.equal(plainCardAction(json), cardActionInvoke.safeParse(json).success, `${label} (as JSON)`);
      assert.equal(checkActivity(invoke).ok, inboundActivitySchema.safeParse(invoke).success && schema, label);
    }
  });

  it('still words the problem through the schema', () => {
    assert.deepEqual(checkActivity(withAction((action) => (action['verb'] = long(129)))), {
      ok: false,
      problem: `The activity's "value.action.verb" must be at most 128 characters.`,
    });
  });
});
