import type { HuaweiSimulator } from '../huawei/simulator/index.js';
import { sandboxTeamsUsers } from './people.js';

/**
 * What the sandbox adds to the simulators' own seeds so the README's examples find something: the simulators' seeds
 * stay as the test suites know them, and these exist only where a person is trying the bot out.
 */
export const SANDBOX_BUDGET_MEETING = 'Budget review';

/** A working day, so "list ongoing meetings about budget" keeps finding it while someone tries the sandbox. */
const WORKING_DAY_MINUTES = 10 * 60;

export function seedSandboxHuawei(simulator: HuaweiSimulator): void {
  const { alice, bob, carol } = sandboxTeamsUsers;
  simulator.control.createMeeting({
    subject: SANDBOX_BUDGET_MEETING,
    hostUserId: alice.upn,
    invitees: [bob.upn, carol.upn],
    startsInMinutes: -5,
    lengthMinutes: WORKING_DAY_MINUTES,
    language: 'en-US',
    waiting: ['Dave Fisher'],
  });
}
