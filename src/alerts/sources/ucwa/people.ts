import type { ParticipantView } from '../../../ucwa/index.js';
import type { PersonSource } from '../../source.js';

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

