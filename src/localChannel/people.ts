import type { UserInput } from './localChannel.js';

/**
 * The people of the local tenant. Their addresses are the sandbox simulators' seeded accounts, so a person chatting
 * locally (or a test) is recognised by the UCWA and Huawei simulators without any mapping.
 */
export const sandboxPeople = {
  alice: { name: 'Alice Wood', userPrincipalName: 'alice@contoso.com' },
  bob: { name: 'Bob Kelly', userPrincipalName: 'bob@contoso.com' },
  carol: { name: 'Carol Diaz', userPrincipalName: 'carol@contoso.com' },
  admin: { name: 'Ada Admin', userPrincipalName: 'admin@contoso.com' },
} as const satisfies Record<string, UserInput>;

export const defaultPeople: UserInput[] = Object.values(sandboxPeople);
