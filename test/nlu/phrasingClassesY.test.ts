import assert from 'node:assert/strict';
import { createRecognizer } from '../../src/nlu/recognizer.js';
import { check } from './phrasingCheck.js';

/**
 * After corpus Y's first score (96.7 / 96.2; one read acted on as a write, 4 writes read as another): the classes of
 * its misses, written here as neighbours, not copied from Y; Y no longer counts as blind.
 * Reference time: Wednesday 15 January 2025, 10:00.
 */
describe('phrasing classes (issue 11, after Y)', () => {
  const recognizer = createRecognizer();

  check([
    // A confession is no admission: a subject pronoun and its verb after "admit".
    ['I have to admit you were right about that', 'none', {}],
    ['ok I admit we messed up the invite', 'none', {}],
    // The doors of the lobby opened: everyone waiting let in.
    ['open up the lobby doors for Design sync', 'lobby.admit', { all: true, meeting: 'Design sync' }],
    ['open the waiting room gates on 918273645', 'huawei.admitWaiting', { meeting: '918273645' }],
    // A group pointed at with 这个组 / 那个分组, spaced from its name.
    ['把 球友 那个分组改成 老球友', 'groups.rename', { group: '球友', newName: '老球友' }],
    // Alerts wanted in the chat the sentence is typed in.
    ["I'd love the Ops sync lobby alerts in this channel as well", 'alerts.routeHere', { meeting: 'Ops sync' }],
    ['relay Ops sync lobby pings to this chat', 'alerts.routeHere', { meeting: 'Ops sync' }],
    ["we're finished with the retro, no more pings", 'watch.stop', { meeting: 'retro' }],
    // What the person made in Skype for Business, listed.
    ['show everything we have booked in skype', 'meetings.list', {}],
    // What a meeting gets when nothing is picked.
    ["if we don't choose who can join, what happens", 'meetings.defaults', {}],
    // Who gets in without waiting, asked: a setting read, not a lobby.
    ['who is allowed to join Ops sync straight in?', 'meetings.details', { meeting: 'Ops sync' }],
    ['is Ops sync open to anyone or invite only?', 'meetings.details', { meeting: 'Ops sync' }],
    ["I no longer need to know who's available in Hikers", 'groups.presenceStop', { group: 'Hikers' }],
    // Account and password trouble is IT's.
    ['my laptop keeps getting locked, who do I call', 'none', {}],
    ['帮我重置一下登录密码', 'none', {}],
    ['plz del Design sync', 'meetings.delete', { meeting: 'Design sync' }],
    // A bare hour said for a meeting is in office hours.
    ['set up a meeting called Vendor check tomorrow at 3', 'meetings.create', { subject: 'Vendor check', startTime: '2025-01-16T15:00:00' }],
    ['约个会呗，明天上午10点', 'meetings.create', { startTime: '2025-01-16T10:00:00' }],
    ['follow the presence of my Hikers contacts', 'groups.presence', { group: 'Hikers' }],
    ['create a group called Agency contacts', 'groups.create', { group: 'Agency contacts' }],
    ['帮我盯着球友分组的在线状态', 'groups.presence', { group: '球友' }],
  ]);

  it('"explain lock 918 273 645" gives the sentence back as typed, its id spaced', () => {
    const result = recognizer.recognize('explain lock 918 273 645');
    assert.equal(result.intent, 'debugParse');
    assert.equal(result.entities.keyword, 'lock 918 273 645');
  });

  it('"lock down Ops planning" offers the Huawei lock and the Skype access as a question of kind, settled by what exists', () => {
    const result = recognizer.recognize('lock down Ops planning');
    assert.equal(result.askWhy, 'kind', result.explanation.join('\n'));
    assert.deepEqual(result.ask?.map((reading) => reading.intent).sort(), ['huawei.lock', 'meetings.update']);
    assert.deepEqual(result.ask?.find((reading) => reading.intent === 'meetings.update')?.entities, { meeting: 'Ops planning', accessLevel: 'Locked' });
    const purpose = recognizer.recognize('lock the Ops sync meeting so no one else joins');
    assert.equal(purpose.askWhy, 'kind', purpose.explanation.join('\n'));
    assert.deepEqual(purpose.ask?.find((reading) => reading.intent === 'meetings.update')?.entities, { meeting: 'Ops sync', accessLevel: 'Locked' });
  });

  it('"lock 918273645" (an id) and "lock huawei meeting Ops planning" are Huawei locks, no question', () => {
    for (const text of ['lock 918273645', 'lock huawei meeting Ops planning']) {
      const result = recognizer.recognize(text);
      assert.equal(result.intent, 'huawei.lock', text);
      assert.equal(result.ask, undefined, text);
    }
  });

  it('"delete Skiers" and "rename Skiers to Ski club" are questions of kind; "cancel Skiers" and "delete the Skiers meeting" are not', () => {
    for (const text of ['delete Skiers', 'rename Skiers to Ski club', '删掉球友']) {
      assert.equal(recognizer.recognize(text).askWhy, 'kind', text);
    }
    for (const text of ['cancel Skiers', 'delete the Skiers meeting', 'delete group Skiers', 'delete Skiers review', '把球友这个会删了']) {
      const result = recognizer.recognize(text);
      assert.equal(result.askWhy, undefined, `${text}: ${result.explanation.join('\n')}`);
    }
  });
});
