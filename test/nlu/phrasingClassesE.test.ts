import { check } from './phrasingCheck.js';

/**
 * Classes of phrasing behind corpus E's misses (issue 11, fifth pass). The sentences are written here, not copied
 * from any corpus: each section is one mechanism with several phrasings of it, so a fix keyed on one sentence fails
 * the rest. Reference time: Wednesday 15 January 2025, 10:00.
 */
describe('phrasing classes (issue 11, fifth pass)', () => {
  describe('common English words one edit from a command word are what was typed (lift, pause, held, quiet)', () => {
    check([
      ['lift the lock on 512334876', 'huawei.lock', { meeting: '512334876', on: false }],
      ['pause alerts for Vendor sync', 'watch.stop', { meeting: 'Vendor sync' }],
      ['lift the mute in 733410298', 'huawei.mute', { meeting: '733410298', on: false }],
    ]);
  });
  describe('a rename that names the meeting is never a list; which meetings are watched, said with "of my"', () => {
    check([
      ['rename my meeting Budget sync to Budget weekly', 'meetings.update', { meeting: 'Budget sync', subject: 'Budget weekly' }],
      ['rename my call Team sync to Team catch-up', 'meetings.update', { meeting: 'Team sync', subject: 'Team catch-up' }],
      ['which of my meetings are you watching', 'watch.list', {}],
      ['what of our lobbies do you track?', 'watch.list', {}],
    ]);
  });
  describe('rules someone set are the policies; when a named meeting starts is in its details; "show <name> review"', () => {
    check([
      ['what rules has the admin put in place for calls', 'meetings.policies', {}],
      ['which meeting rules apply to my account', 'meetings.policies', {}],
      ['any rules set by IT on recording?', 'meetings.policies', {}],
      ['when does Product demo begin?', 'meetings.details', { meeting: 'Product demo' }],
      ['what time does the Board prep end', 'meetings.details', { meeting: 'Board prep' }],
      ['when will Hiring sync kick off', 'meetings.details', { meeting: 'Hiring sync' }],
      ['show Sales huddle', 'meetings.details', { meeting: 'Sales huddle' }],
      ['pull up the Vendor demo', 'meetings.details', { meeting: 'Vendor demo' }],
      ['show my next meeting', 'meetings.list', {}],
    ]);
  });
  describe('a conference id makes "open … up" a Huawei unlock; a remark about the people before "unmute them"', () => {
    check([
      ['open 512334876 up again', 'huawei.lock', { meeting: '512334876', on: false }],
      ['reopen 733410298', 'huawei.lock', { meeting: '733410298', on: false }],
      ['everyone in 733410298 should speak again, unmute them', 'huawei.mute', { meeting: '733410298', on: false }],
      ['folks on 512334876 can talk now, unmute everybody', 'huawei.mute', { meeting: '512334876', on: false }],
    ]);
  });
  describe('who joined a meeting; a title word after the platform; "company only"; someone\'s request to join', () => {
    check([
      ['who joined the quarterly review', 'huawei.participants', { meeting: 'quarterly review' }],
      ['who has joined Partner sync', 'huawei.participants', { meeting: 'Partner sync' }],
      ['anything live on huawei with budget in the title', 'huawei.ongoing', { keyword: 'budget' }],
      ['make Vendor sync company-only', 'meetings.update', { meeting: 'Vendor sync', accessLevel: 'SameEnterprise' }],
      ['set the Roadmap review to in-house only', 'meetings.update', { meeting: 'Roadmap review', accessLevel: 'SameEnterprise' }],
      ["deny Marco's request to join the Budget review", 'lobby.reject', { person: 'Marco', meeting: 'Budget review' }],
      ["accept Omar's request to join Design crit", 'lobby.admit', { person: 'Omar', meeting: 'Design crit' }],
    ]);
  });
  describe('the command first in "…, but first <command>"; a second question after "and is it" is left out', () => {
    check([
      ['we can delete Retro later but first show me the details of Retro', 'meetings.details', { meeting: 'Retro' }],
      ['I will add people later, but for now create a meeting called Kickoff', 'meetings.create', { subject: 'Kickoff' }],
      ['when does Board prep start and is it locked?', 'meetings.details', { meeting: 'Board prep' }],
    ]);
  });
});
