import type { PersonSource, Platform } from './source.js';

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
export function matchPeople<T extends Pick<WaitingPerson, 'name' | 'uri'>>(query: string, people: readonly T[]): T[] {
  const wanted = query.trim().toLowerCase().replace(/[.!?]+$/, '');
  if (!wanted) return [];
  const domain = fromDomain.exec(wanted)?.[1]?.trim();
  if (domain) return people.filter((person) => domainOf(person.uri).includes(domain.replace(/^@/, '')));
  const bare = wanted.replace(/^the\s+/, '').replace(/^sip:/, '');
  const exact = people.filter((person) => person.name.toLowerCase() === bare || addressOf(person.uri) === bare);
  if (exact.length > 0) return exact;
  const wholeWord = people.filter((person) => person.name.toLowerCase().split(/\s+/).includes(bare) || addressOf(person.uri).split('@')[0] === bare);
  if (wholeWord.length > 0) return wholeWord;
  return people.filter((person) => person.name.toLowerCase().includes(bare));
}

function addressOf(uri: string | undefined): string {
  return (uri ?? '').toLowerCase().replace(/^sip:/, '');
}

function domainOf(uri: string | undefined): string {
  return addressOf(uri).split('@')[1] ?? '';
}
