import { isSignInFailure, type UcwaAccounts } from '../../src/sfb/accounts.js';
import type { Logger } from '../../src/logging.js';
import { AdapterError } from '../../src/errors.js';
import { errorSentenceOf } from '../../src/teams/errorSentences.js';
import type { TeamsUser } from '../../src/teams/identity.js';
import { md } from '../../src/teams/markdown.js';
import { reply } from '../../src/teams/reply.js';
import type { UcwaSession } from '../../src/ucwa/index.js';
import { commandOptions, type CommandStep } from '../command.js';
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
 * any other error propagates to the router, which words it (src/teams/errorSentences.ts).
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
    if (!isSignInFailure(error)) throw error;
  }
  if (!session) return notSignedIn;
  try {
    return await work(session);
  } catch (error) {
    if (!(await deps.accounts.expireOnSignInFailure(user.id, error))) throw error;
    return notSignedIn;
  } finally {
    // A token refresh or a re-created application must survive a restart; a failed save only costs a re-sign-in.
    await deps.accounts.save(user.id).catch((error: unknown) => deps.logger.warn({ err: error }, 'could not save the Skype for Business session'));
  }
}

/** Returned by `attempt` when the person has already been told what went wrong. */
export const handled = Symbol('handled');
export type Attempt<T> = T | typeof handled;

/**
 * `withSession` for a command dialog: a missing sign-in gets the sign-in sentence and a Skype for Business
 * refusal gets its `userMessage`, both said here and reported as `handled` so the dialog just ends.
 * (Errors thrown inside a dialog reach the router wrapped in botbuilder's DialogContextError, which hides the
 * adapter's sentence from it; answering here keeps the person's message specific.)
 */
export async function attempt<T>(deps: UcwaCommandDeps, step: CommandStep, work: (session: UcwaSession) => Promise<T>): Promise<Attempt<T>> {
  const { user, language } = commandOptions(step);
  try {
    const outcome = await withSession(deps, user, work);
    if (outcome !== notSignedIn) return outcome as T;
    await reply(step.context, { text: say.notSignedIn[language] });
  } catch (error) {
    if (!(error instanceof AdapterError)) throw error;
    deps.logger.warn({ err: error }, 'Skype for Business refused a command');
    // Plain text by contract, and it may quote what was typed (a bad address): literal in the markdown reply.
    await reply(step.context, { text: md(errorSentenceOf(error, language)) });
  }
  return handled;
}
