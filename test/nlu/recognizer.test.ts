import assert from 'node:assert/strict';
import { createRecognizer } from '../../src/nlu/recognizer.js';
import { detectLanguage, removeMentions, tokenize } from '../../src/nlu/text.js';

const now = new Date(2025, 0, 15, 10, 0, 0);
const recognizer = createRecognizer({ now: () => now });

describe('nlu recognizer', () => {
  describe('typos and filler', () => {
    for (const [text, intent] of [
      ['hlep', 'help'],
      ['whos in the loby?', 'lobby.who'],
      ['admitt Bob', 'lobby.admit'],
      ['unlcok 914083136', 'huawei.lock'],
      ['could you please let everyone in, thanks', 'lobby.admit'],
      ['LIST ONGOING MEETINGS', 'huawei.ongoing'],
    ] as const) {
      it(`"${text}" → ${intent}`, () => {
        assert.equal(recognizer.recognize(text).intent, intent);
      });
    }

    it('does not "correct" capitalised names into command words', () => {
      const result = recognizer.recognize('change the name of group Project team to Core team');
      assert.equal(result.intent, 'groups.rename');
      assert.deepEqual(result.entities, { group: 'Project team', newName: 'Core team' });
    });
  });

  describe('mention leftovers', () => {
    it('removes @MeetingBot and <at> tags but keeps e-mail addresses', () => {
      assert.equal(removeMentions('@MeetingBot admit Bob'), 'admit Bob');
      assert.equal(removeMentions('<at>Meeting Bot</at> help'), 'help');
      assert.equal(removeMentions('invite bob@contoso.com @MeetingBot'), 'invite bob@contoso.com');
    });

    it('recognizes through a leftover mention', () => {
      const result = recognizer.recognize('@MeetingBot reject the guest from fabrikam');
      assert.equal(result.intent, 'lobby.reject');
      assert.deepEqual(result.entities, { person: 'the guest from fabrikam' });
    });

    it('a bare mention is not a command', () => {
      assert.equal(recognizer.recognize('@MeetingBot').intent, 'none');
    });
  });

  describe('Chinese', () => {
    it('recognizes core commands and sets language zh', () => {
      for (const [text, intent] of [['谁在大厅', 'lobby.who'], ['帮助', 'help'], ['登录', 'signIn'], ['列出进行中的会议', 'huawei.ongoing']] as const) {
        const result = recognizer.recognize(text);
        assert.equal(result.intent, intent, text);
        assert.equal(result.language, 'zh');
      }
    });

    it('extracts Chinese entities', () => {
      assert.deepEqual(recognizer.recognize('让鲍勃进来').entities, { person: '鲍勃' });
      assert.deepEqual(recognizer.recognize('结束会议 914083136').entities, { meeting: '914083136' });
      assert.deepEqual(recognizer.recognize('把分组 供应商 改名为 合作伙伴').entities, { group: '供应商', newName: '合作伙伴' });
    });

    it('takes the language from a zh locale or from mostly-Han text', () => {
      assert.equal(detectLanguage('admit Bob', 'zh-CN'), 'zh');
      assert.equal(detectLanguage('admit Bob', 'en-US'), 'en');
      assert.equal(detectLanguage('结束会议 Budget review'), 'zh');
      assert.equal(recognizer.recognize('admit Bob', 'zh-CN').language, 'zh');
    });
  });

  describe('entities', () => {
    it('keeps the user casing of names', () => {
      assert.deepEqual(recognizer.recognize('watch my meeting Budget Review').entities, { meeting: 'Budget Review' });
      assert.deepEqual(recognizer.recognize('rename group Vendors to Suppliers').entities, { group: 'Vendors', newName: 'Suppliers' });
    });

    it('reads subject and time separately', () => {
      const result = recognizer.recognize('create a meeting called Budget review at 3pm tomorrow');
      assert.equal(result.intent, 'meetings.create');
      assert.deepEqual(result.entities, { subject: 'Budget review', startTime: '2025-01-16T15:00:00' });
    });

    it('keeps a how-often word in the name: one meeting is booked, not a series', () => {
      assert.deepEqual(recognizer.recognize('create a meeting called Weekly sync tomorrow at 3pm').entities, { subject: 'Weekly sync', startTime: '2025-01-16T15:00:00' });
      assert.deepEqual(recognizer.recognize('book Quarterly review friday 2pm').entities, { subject: 'Quarterly review', startTime: '2025-01-17T14:00:00' });
      assert.deepEqual(recognizer.recognize('创建会议 每周例会 明天下午三点').entities, { subject: '每周例会', startTime: '2025-01-16T15:00:00' });
    });

    it('reads a time range and leaders', () => {
      const result = recognizer.recognize('schedule a meeting called Vendor sync from 2pm to 3pm with alice@contoso.com');
      assert.deepEqual(result.entities, {
        subject: 'Vendor sync', startTime: '2025-01-15T14:00:00', endTime: '2025-01-15T15:00:00', leaders: ['alice@contoso.com'],
      });
    });

    it('a quoted name is taken whole', () => {
      assert.deepEqual(recognizer.recognize('delete meeting "Budget review, part 2"').entities, { meeting: 'Budget review, part 2' });
    });

    it('mute/unmute and lock/unlock set "on"', () => {
      assert.deepEqual(recognizer.recognize('unmute everyone in 914083136').entities, { meeting: '914083136', on: false });
      assert.deepEqual(recognizer.recognize('mute everyone in 914083136').entities, { meeting: '914083136', on: true });
      assert.deepEqual(recognizer.recognize('lock 914083136').entities, { meeting: '914083136', on: true });
    });

    it('"everyone" means all, a name means a person', () => {
      assert.deepEqual(recognizer.recognize('let everyone in').entities, { all: true });
      assert.deepEqual(recognizer.recognize('let Bob in').entities, { person: 'Bob' });
    });

    it('a conference id moves "details" to the Huawei side, a subject keeps it on Skype', () => {
      assert.equal(recognizer.recognize('details of meeting 914083136').intent, 'huawei.details');
      assert.equal(recognizer.recognize('details of Budget review').intent, 'meetings.details');
    });

    it('Huawei control commands take an unquoted subject; an id stays an id', () => {
      assert.deepEqual(recognizer.recognize('end meeting Quarterly roadmap review').entities, { meeting: 'Quarterly roadmap review' });
      assert.deepEqual(recognizer.recognize('unmute everyone in Quarterly roadmap review').entities, { meeting: 'Quarterly roadmap review', on: false });
      assert.deepEqual(recognizer.recognize('结束会议 周例会').entities, { meeting: '周例会' });
      assert.deepEqual(recognizer.recognize('end meeting 914083136').entities, { meeting: '914083136' });
      assert.deepEqual(recognizer.recognize('mute everyone').entities, { on: true }, '"everyone" is not a meeting');
    });

    it('Huawei phrasings with a subject go to the Huawei side; the Skype lobby and groups stay put', () => {
      assert.equal(recognizer.recognize("who's in meeting Quarterly roadmap review").intent, 'huawei.participants');
      assert.equal(recognizer.recognize("who's in Project team").intent, 'groups.members');
      assert.equal(recognizer.recognize('admit everyone waiting in Quarterly roadmap review').intent, 'huawei.admitWaiting');
      assert.deepEqual(recognizer.recognize('admit everyone in the lobby of Budget review').entities, { all: true, meeting: 'Budget review' });
      assert.equal(recognizer.recognize('details of meeting Quarterly roadmap review').intent, 'huawei.details');
      assert.equal(recognizer.recognize('details of Budget review').intent, 'meetings.details');
    });

    it('a real-word typo is fixed only where it has one reading', () => {
      assert.equal(recognizer.recognize('sing in').intent, 'signIn');
      assert.equal(recognizer.recognize('sing me a song').intent, 'none');
    });

    it('"create a meeting" names no subject', () => {
      assert.deepEqual(recognizer.recognize('create a meeting').entities, {});
    });

    it('explain keeps the sentence as typed', () => {
      const result = recognizer.recognize('explain Who is in the lobby?');
      assert.equal(result.intent, 'debugParse');
      assert.deepEqual(result.entities, { keyword: 'Who is in the lobby?' });
    });
  });

  describe('result shape', () => {
    it('explains its steps and lists alternatives', () => {
      const result = recognizer.recognize('admit Bob');
      assert.ok(result.explanation.some((line) => line.startsWith('features:')));
      assert.ok(result.explanation.some((line) => line.includes('intent lobby.admit')));
      assert.ok(result.explanation.some((line) => line.includes('person="Bob"')));
      assert.ok(result.alternatives.length > 0 && result.alternatives.every((a) => a.intent !== 'lobby.admit'));
      assert.ok(result.score > 0.5 && result.score <= 1);
    });

    it('small talk is none with no entities', () => {
      for (const text of ['good morning', 'what is the capital of France', '']) {
        const result = recognizer.recognize(text);
        assert.equal(result.intent, 'none', text);
        assert.deepEqual(result.entities, {});
      }
    });

    it('is deterministic across calls and instances', () => {
      const other = createRecognizer({ now: () => now });
      for (const text of ['whos in the loby?', 'create a meeting called X at 3pm', '让鲍勃进来', 'next page']) {
        assert.deepEqual(other.recognize(text), recognizer.recognize(text));
        assert.deepEqual(recognizer.recognize(text), recognizer.recognize(text));
      }
    });

    it('tokenizes quoted phrases as one token', () => {
      assert.deepEqual(tokenize('delete "Q3 Planning" now').map((t) => t.original), ['delete', 'Q3 Planning', 'now']);
    });
  });
});
