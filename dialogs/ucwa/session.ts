import type { TurnContext } from 'botbuilder';
import type { UcwaAccounts } from '../../src/accounts/ucwaAccounts.js';
import type { Logger } from '../../src/logging.js';
import type { Language } from '../../src/nlu/recognition.js';
import type { TeamsUser } from '../../src/teams/identity.js';
import { reply } from '../../src/teams/reply.js';
import { UcwaError, type UcwaSession } from '../../src/ucwa/index.js';
import { say } from './text.js';

/** What the UCWA commands need from the app: the shared sign-ins and a logger. */
export interface UcwaCommandDeps {
  accounts: UcwaAccounts;
  logger: Logger;
}

/** Returned instead of a result when the person has been told to sign in first. */
export const notSignedIn = Symbol('notSignedIn');
export type Outcome<T> = T | typeof notSignedIn;

/**
 * Runs `work` with the person's Skype for Business session. Without a sign-in, or when the server no longer
 * accepts it, the person gets the sign-in sentence (and an expired sign-in is forgotten so alerts stop too);
 * any other error propagates to the router, which shows its `userMessage`.
 */
export async function withSession<T>(
  deps: UcwaCommandDeps,
  user: TeamsUser,
  work: (session: UcwaSession) => Promise<T>,
): Promise<Outcome<T>> {
  let session: UcwaSession | undefined;
  try {
    session = await deps.accounts.session(user);
  } catch (error) {
    if (!isSignInLost(error)) throw error;
  }
  if (!session) return notSignedIn;
  try {
    return await work(session);
  } catch (error) {
    if (!isSignInLost(error)) throw error;
    await deps.accounts.expire(user.id);
    return notSignedIn;
  } finally {
    // A token refresh or a re-created application must survive a restart; a failed save only costs a re-sign-in.
    await deps.accounts.save(user.id).catch((error: unknown) => deps.logger.warn({ err: error }, 'could not save the Skype for Business session'));
  }
}

/** Tells the person to sign in; true when it did (so the caller ends its dialog). */
export async function toldToSignIn<T>(context: TurnContext, outcome: Outcome<T>, language: Language): Promise<boolean> {
  if (outcome !== notSignedIn) return false;
  await reply(context, { text: say.notSignedIn[language] });
  return true;
}

function isSignInLost(error: unknown): boolean {
  return error instanceof UcwaError && (error.code === 'NotSignedIn' || error.status === 401);
}
