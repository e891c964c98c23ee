import { isSignInFailure, type UcwaAccounts } from '../accounts/ucwaAccounts.js';
import type { Logger } from '../logging.js';
import type { Language } from '../nlu/recognition.js';
import type { KeyedSerializer } from '../storage/keyedSerializer.js';
import type { ConversationReferenceStore } from '../teams/conversationReferences.js';
import type { TeamsUser } from '../teams/identity.js';
import type { ProactiveMessenger } from '../teams/proactive.js';
import { UcwaError, type UcwaSession } from '../ucwa/index.js';
import type { Ownership } from '../ownership/index.js';
import type { LobbyRecords } from './records.js';
import type { UcwaWatchRecords } from './sources/ucwa/records.js';

export type Organizer = Pick<TeamsUser, 'id' | 'upn' | 'name'> & { language?: Language };
export interface OrganizerContext extends Organizer {
  language: Language;
  timeZone: string;
}

/** What the lobby alert modules share. */
export interface AlertsContext {
  accounts: UcwaAccounts;
  /** Sign-in states. */
  records: LobbyRecords;
  /** The Skype for Business lobby's watch lists. */
  watchRecords: UcwaWatchRecords;
  references: ConversationReferenceStore;
  proactive: ProactiveMessenger;
  logger: Logger;
  /**
   * One serializer for every module, keyed `watch:<user>`, `account:<user>`, `arrivals:<user>` and `alert:<id>`:
   * lobby events and card buttons both take `alert:<id>`, so they must queue on the same instance.
   */
  locks: KeyedSerializer;
  /** Which organizers' event channels run on this instance (all of them with the file store). */
  ownership: Ownership;
}

/** The organizer's live session, or undefined when they are not (or no longer) signed in. */
export async function organizerSession(context: AlertsContext, user: Organizer): Promise<UcwaSession | undefined> {
  try {
    return await context.accounts.session(user);
  } catch (error) {
    context.logger.warn({ err: error, teamsUserId: user.id }, 'could not restore a Skype for Business session');
    return undefined;
  }
}

/** True when the error means the person's sign-in ran out (and tells the accounts so). */
export async function expireOnSignInFailure(context: AlertsContext, userId: string, error: unknown): Promise<boolean> {
  if (!isSignInFailure(error)) return false;
  await context.accounts.expire(userId);
  return true;
}

/** The UCWA resource no longer exists (the meeting ended, the person left, our conversation was dropped). */
export function isGone(error: unknown): boolean {
  return error instanceof UcwaError && (error.status === 404 || error.status === 410);
}

/** A short note in the person's personal chat; best effort (ProactiveMessenger already retries). */
export async function tellOrganizer(context: AlertsContext, userId: string, message: string): Promise<void> {
  const stored = await context.references.personalChatOf({ id: userId });
  if (!stored) {
    context.logger.warn({ teamsUserId: userId }, 'no personal chat to tell the person');
    return;
  }
  await context.proactive
    .send(stored.reference, { type: 'message', text: message })
    .catch((error: unknown) => context.logger.warn({ err: error, teamsUserId: userId }, 'could not send a note'));
}
