import type { ParticipantView } from '../ucwa/index.js';
import type { PersonSource } from './records.js';

/** Who waits, as the alerts show and match them: plain data, safe to keep in dialog state. */
export interface WaitingPerson {
  name: string;
  uri?: string;
  source: PersonSource;
  participantHref: string;
  conversationHref: string;
  meetingUri: string;
  meetingSubject: string;
}

/**
 * Where a participant comes from, from its documented properties (participant_ref): `anonymous` wins, then
 * `sourceNetwork` (SameEnterprise / Federated / PublicCloud / Everyone / Unknown). "Everyone" is what a pool
 * reports for people who joined through the anonymous meeting link.
 */
export function sourceOf(participant: Pick<ParticipantView, 'anonymous' | 'sourceNetwork'>): PersonSource {
  if (participant.anonymous) return 'Anonymous';
  switch (participant.sourceNetwork) {
    case 'SameEnterprise':
      return 'SameEnterprise';
    case 'Federated':
    case 'PublicCloud':
      return 'Federated';
    case 'Everyone':
      return 'Anonymous';
    default:
      return 'Unknown';
  }
}

export function displayName(participant: Pick<ParticipantView, 'name' | 'uri'>, title?: string): string {
  return participant.name?.trim() || title?.trim() || participant.uri?.replace(/^sip:/i, '') || 'Someone';
}

/** The identity used to recognise the same person across a re-join (new conversation, new resource hrefs). */
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
