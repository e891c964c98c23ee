import { sandboxDirectory } from '../../sandbox/people.js';

/** Seed directory for the simulated contoso.com pool: people, Alice's meetings and everybody's contact groups. */
export type SourceNetwork = 'SameEnterprise' | 'Federated' | 'PublicCloud' | 'Everyone' | 'Unknown';

export interface Person {
  /** Sign-in name and directory key, e.g. alice@contoso.com. */
  key: string;
  name: string;
  company: string;
  department: string;
  title: string;
  workPhoneNumber: string;
  sourceNetwork: SourceNetwork;
  /** Only people who can sign in to this pool have one. */
  password?: string;
}

export const HOME_DOMAIN = 'contoso.com';

/** The sandbox's people (one list for both simulators and the local channel), as this pool's directory. */
export function seedPeople(): Person[] {
  return sandboxDirectory().map((person) => ({
    key: person.upn,
    name: person.name,
    company: person.company,
    department: person.department,
    title: person.title,
    workPhoneNumber: person.workPhoneNumber,
    sourceNetwork: person.upn.endsWith(`@${HOME_DOMAIN}`) ? 'SameEnterprise' : 'Federated',
    password: person.password,
  }));
}

export interface MeetingSeed {
  id: string;
  organizer: string;
  subject: string;
  description: string;
  accessLevel: string;
  attendees: string[];
  leaders: string[];
  conferenceId: string;
  assigned: boolean;
}

export function seedMeetings(): MeetingSeed[] {
  return [
    {
      id: 'BR7Q4K2M',
      organizer: 'alice@contoso.com',
      subject: 'Budget review',
      description: 'Quarterly budget review with finance.',
      accessLevel: 'Invited',
      attendees: ['sip:bob@contoso.com', 'sip:dave@fabrikam.com'],
      leaders: ['sip:carol@contoso.com'],
      conferenceId: '4817263',
      assigned: false,
    },
    {
      id: 'WS9T3N8P',
      organizer: 'alice@contoso.com',
      subject: 'Weekly standup',
      description: 'Team standup, every Monday.',
      accessLevel: 'SameEnterprise',
      attendees: ['sip:bob@contoso.com', 'sip:carol@contoso.com'],
      leaders: [],
      conferenceId: '5520931',
      assigned: true,
    },
    {
      id: 'DS2H6V5C',
      organizer: 'alice@contoso.com',
      subject: 'Design sync',
      description: 'Design review for the new reporting portal.',
      accessLevel: 'Locked',
      attendees: ['sip:bob@contoso.com', 'sip:frank@contoso.com'],
      leaders: [],
      conferenceId: '6093378',
      assigned: false,
    },
  ];
}

export interface GroupSeed {
  owner: string;
  kind: 'group' | 'pinnedGroup' | 'defaultGroup' | 'distributionGroup';
  name: string;
  contacts: string[];
  uri?: string;
}

export function seedGroups(): GroupSeed[] {
  return [
    { owner: 'alice@contoso.com', kind: 'group', name: 'Project team', contacts: ['bob@contoso.com', 'carol@contoso.com', 'frank@contoso.com'] },
    { owner: 'alice@contoso.com', kind: 'group', name: 'Vendors', contacts: ['dave@fabrikam.com', 'erin@litware.com'] },
    { owner: 'alice@contoso.com', kind: 'pinnedGroup', name: 'Favorites', contacts: ['carol@contoso.com'] },
    { owner: 'alice@contoso.com', kind: 'defaultGroup', name: 'Other Contacts', contacts: ['frank@contoso.com'] },
    {
      owner: 'alice@contoso.com',
      kind: 'distributionGroup',
      name: 'Finance Team',
      uri: 'sip:finance@contoso.com',
      contacts: ['alice@contoso.com', 'carol@contoso.com'],
    },
    { owner: 'bob@contoso.com', kind: 'group', name: 'Friends', contacts: ['alice@contoso.com'] },
    { owner: 'bob@contoso.com', kind: 'defaultGroup', name: 'Other Contacts', contacts: [] },
    { owner: 'carol@contoso.com', kind: 'defaultGroup', name: 'Other Contacts', contacts: ['alice@contoso.com'] },
    { owner: 'dave@fabrikam.com', kind: 'defaultGroup', name: 'Other Contacts', contacts: [] },
  ];
}
