import type { Language } from '../nlu/recognition.js';
import type { TeamsUser } from '../teams/identity.js';
import type { PersonSource, Platform } from './source.js';

/** Whoever the alerts act for: the watcher, or whoever pressed a button or typed a command. */
export type Organizer = Pick<TeamsUser, 'id' | 'upn' | 'name'> & { language?: Language };
export interface OrganizerContext extends Organizer {
  language: Language;
  timeZone: string;
}

/**
 * Who waits, as the alerts show and match them: plain data, safe to keep in dialog state. The keys are the
 * source's own (see source.ts), handed back to it unread.
 */
export interface WaitingPerson {
  platform: Platform;
  name: string;
  uri?: string;
  source: PersonSource;
  personKey: string;
  visitKey: string;
  meetingKey: string;
  meetingSubject: string;
}

/**
 * A person key from an address, else a name: how a source that has no better id recognises the same person
 * across a re-join (for UCWA: a new conversation, new resource hrefs). Also the key of alerts stored before keys.
 */
export function identityOf(person: { name: string; uri?: string }): string {
  return (person.uri ?? `name:${person.name}`).toLowerCase();
}

const fromDomain = /^(?:the\s+)?(?:(?:guest|person|people|user|attendee|one|someone|visitor)s?\s+)?from\s+(.+)$/i;

/**
 * People matching what someone typed: "Bob", "bob@contoso.com", "sip:bob@contoso.com", "the guest from fabrikam"
 * (domain), "Bob Kelly". Exact name or address matches win over partial ones, so "Bob" does not also pick "Bobby"
 * when a Bob waits.
 */
export function matchPeople<T extends Pick<WaitingPerson, 'name' | 'uri'>>(query: string, people: readonly T[], partly = true): T[] {
  const wanted = query.trim().toLowerCase().replace(/[.!?]+$/, '');
  if (!wanted) return [];
  const domain = fromDomain.exec(wanted)?.[1]?.trim();
  if (domain) return people.filter((person) => domainOf(person.uri).includes(domain.replace(/^@/, '')));
  const bare = wanted.replace(/^the\s+/, '').replace(/^sip:/, '');
  const exact = people.filter((person) => person.name.toLowerCase() === bare || addressOf(person.uri) === bare);
  if (exact.length > 0) return exact;
  const wholeWord = people.filter((person) => person.name.toLowerCase().split(/\s+/).includes(bare) || addressOf(person.uri).split('@')[0] === bare);
  if (wholeWord.length > 0 || !partly) return wholeWord;
  return people.filter((person) => person.name.toLowerCase().includes(bare));
}

function addressOf(uri: string | undefined): string {
  return (uri ?? '').toLowerCase().replace(/^sip:/, '');
}

function domainOf(uri: string | undefined): string {
  return addressOf(uri).split('@')[1] ?? '';
}

/** What one name of a request found among the people waiting. */
export interface NameMatch<T> {
  name: string;
  matches: T[];
}

// "Bob and Carol", "Bob, Carol & Dave", 张伟和李娜, 张伟、李娜: the words and marks that join names in a list.
const NAME_LIST_JOINER = /\s*(?:,\s*(?:and\s+|&\s*)?|\s(?:and|&)\s|&|[、，,和跟与及])\s*/iu;

/**
 * The people a request names: one name as `matchPeople` finds it, or, when nobody waiting has the whole text, a list
 * of names each matched on its own ("admit Bob and Carol"). A name that is itself a list ("Bob and Carol's guest")
 * still wins when somebody waiting has it. In a list each name must be a whole name or word of one, never a part
 * ("Al" is not Carol), and one character is no name (张和平 is one person, not 张 and 平).
 */
export function matchNamedPeople<T extends Pick<WaitingPerson, 'name' | 'uri'>>(query: string, people: readonly T[]): Array<NameMatch<T>> {
  const whole = matchPeople(query, people);
  const names = query.split(NAME_LIST_JOINER).map((name) => name.trim()).filter((name) => name.length > 0);
  if (whole.length > 0 || names.length < 2 || names.some((name) => name.length < 2)) return [{ name: query, matches: whole }];
  return names.map((name) => ({ name, matches: matchPeople(name, people, false) }));
}
