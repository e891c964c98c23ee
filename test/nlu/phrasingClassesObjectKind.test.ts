import assert from 'node:assert/strict';
import { createRecognizer } from '../../src/nlu/recognizer.js';
import { check, checkChangesNothing } from './phrasingCheck.js';

/**
 * A change runs only on a thing of its own kind (src/nlu/objectKind.ts): everyday verbs of change said about
 * something the bot does not manage are no command. Written before corpus U was scored, from a list of the things
 * people change in a working day; no corpus sentence. Reference time: Wednesday 15 January 2025, 10:00.
 */
describe('phrasing classes (issue 11, the object of a change is of its kind)', () => {
  describe('another kind of thing, named as the object: nothing runs', () => {
    check([
      ['delete the email from Bob', 'none', {}],
      ['lock my screen', 'none', {}],
      ['mute my phone', 'none', {}],
      ['mute Bob on my phone', 'none', {}],
      ['end my subscription', 'none', {}],
      ['end my vacation early', 'none', {}],
      ['rename the file to budget.xlsx', 'none', {}],
      ['set up a reminder for 4pm', 'none', {}],
      ['create a task to follow up with finance', 'none', {}],
      ['change my password please', 'none', {}],
      ['delete my voicemail', 'none', {}],
      ['update my status to busy', 'none', {}],
      ['watch the game tonight', 'none', {}],
      ['stop the recording', 'none', {}],
      ['reschedule my haircut to Friday', 'none', {}],
      ['decline the invite from Bob', 'none', {}],
      ['reject the pull request', 'none', {}],
      ['remove Lisa from the project channel', 'none', {}],
      ['admit it, you\'re wrong', 'none', {}],
      ['帮我订一个明天上午十点的会议室', 'none', {}],
      ['把小王拉进项目群', 'none', {}],
      ['删除语音信箱里的留言', 'none', {}],
      ['把文件名改成预算表', 'none', {}],
      ['让快递小哥进来', 'none', {}],
      ['取消我的外卖订单', 'none', {}],
      ['把我的状态改成忙碌', 'none', {}],
    ]);
  });

  describe('"let someone know" lets them do something, not in', () => {
    check([
      ['let the new hire know about the meeting', 'none', {}],
      ['let Bob know the meeting moved', 'none', {}],
      // Admissions are still admissions.
      ['let Chen Wei into Budget review', 'lobby.admit', { person: 'Chen Wei', meeting: 'Budget review' }],
      ['let people talk again in 918273645', 'huawei.mute', { meeting: '918273645', on: false }],
    ]);
  });

  describe('idioms built on verbs of change, and news to pass on', () => {
    check([
      ['drop me a line when you\'re free', 'none', {}],
      ['end of story', 'none', {}],
      ['move on to the next item', 'none', {}],
      ['admit defeat', 'none', {}],
      ['accept all cookies', 'none', {}],
      ['bring up the budget review', 'none', {}],
      ['bring Sam up to speed on the budget review', 'none', {}],
      ['跟张伟说一下会议改时间了', 'none', {}],
      ['告诉大家周会取消了', 'none', {}],
      ['把我从会议名单里删了', 'none', {}],
      // The admissions and the groups they resemble still run.
      ['bring Sam in', 'lobby.admit', { person: 'Sam' }],
      ['follow presence for On-call/SRE', 'groups.presence', { group: 'On-call/SRE' }],
    ]);
  });

  it('a name said after its kind\'s noun is a name, whatever its first word ("watch my meeting Meeting of org1")', () => {
    // The bench's bulk organizers' meetings are called so (src/ucwa/simulator/control.ts).
    const result = createRecognizer().recognize('watch my meeting Meeting of org1@contoso.com');
    assert.equal(result.intent, 'watch.start', result.explanation.join('\n'));
  });

  describe('an object that may or may not be a meeting is asked about', () => {
    checkChangesNothing(['cancel my dentist appointment', 'create a calendar event for the dentist']);
    it('asks rather than cancelling an appointment', () => {
      const result = createRecognizer().recognize('cancel my dentist appointment');
      assert.ok(result.ask?.some((reading) => reading.intent === 'meetings.delete'), result.explanation.join('\n'));
    });
  });

  describe('the bot\'s own things keep their everyday names', () => {
    check([
      ['create a meeting called Room planning at 3pm', 'meetings.create', { subject: 'Room planning', startTime: '2025-01-15T15:00:00' }],
      ['cancel the team lunch', 'meetings.delete', { meeting: 'team lunch' }],
      ['delete the lunch and learn', 'meetings.delete', { meeting: 'lunch and learn' }],
      ['text me when someone is waiting in Retro', 'watch.start', { meeting: 'Retro' }],
      ['post lobby alerts for Retro to this channel', 'alerts.routeHere', { meeting: 'Retro' }],
      ['admit the caller on the phone', 'lobby.admit', { person: 'the caller on the phone' }],
      ['admit the guest from the print shop', 'lobby.admit', { person: 'the guest from the print shop' }],
      ['create a contact group named room 101', 'groups.create', { group: 'room 101' }],
      ['新建分组 羽毛球群', 'groups.create', { group: '羽毛球群' }],
      ['follow the status of Hikers', 'groups.presence', { group: 'Hikers' }],
      ['把周五的午餐会取消', 'meetings.delete', { meeting: '午餐会' }],
    ]);
  });
});
