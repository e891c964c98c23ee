import { sandboxTeamsUsers } from '../sandbox/people.js';
import type { UserInput } from './localChannel.js';

/**
 * The people of the local tenant: the sandbox's Teams users, whose addresses are the UCWA and Huawei simulators'
 * seeded accounts, so a person chatting locally (or a test) is recognised by both without any mapping.
 */
const teamsUser = ({ name, upn }: { name: string; upn: string }): UserInput => ({ name, userPrincipalName: upn });

export const sandboxPeople = {
  alice: teamsUser(sandboxTeamsUsers.alice),
  bob: teamsUser(sandboxTeamsUsers.bob),
  carol: teamsUser(sandboxTeamsUsers.carol),
  admin: teamsUser(sandboxTeamsUsers.admin),
} as const satisfies Record<keyof typeof sandboxTeamsUsers, UserInput>;

export const defaultPeople: UserInput[] = Object.values(sandboxPeople);
