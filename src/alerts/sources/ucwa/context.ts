import type { Logger } from '../../../logging.js';
import type { SfbConnections } from '../../../sfb/connection.js';
import type { KeyedSerializer } from '../../../storage/keyedSerializer.js';
import { UcwaError } from '../../../ucwa/index.js';
import type { UcwaWatchRecords } from './records.js';

/** What the Skype for Business lobby's parts share. */
export interface UcwaLobbyContext {
  /** The person's Skype for Business connection: session, expiry, event channel, notes in chat. */
  sfb: SfbConnections;
  watchRecords: UcwaWatchRecords;
  logger: Logger;
  /** Keyed `watch:<user>`: a watch list is read, changed and written back whole. */
  locks: KeyedSerializer;
}

/** The UCWA resource no longer exists (the meeting ended, the person left, our conversation was dropped). */
export function isGone(error: unknown): boolean {
  return error instanceof UcwaError && (error.status === 404 || error.status === 410);
}
