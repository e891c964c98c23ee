import type { Activity } from 'botbuilder';
import type { PostResult } from './botEndpoint.js';
import type { ConnectorEmulator, ConnectorUser } from './connector.js';

/**
 * What a LocalConversation needs of the LocalChannel that opened it. A module of its own so that the channel
 * (which opens conversations) and the conversation (which posts through its channel) do not import each other:
 * the conversation knows only this interface, the channel implements it (issue 15's walls).
 */

export type LocalUser = ConnectorUser;

/** A person: by display name, Teams id, Entra object id or UPN, or the user object itself. */
export type UserRef = string | LocalUser;

export interface ChannelSide {
  readonly connector: ConnectorEmulator;
  readonly tenantId: string;
  readonly bot: { id: string; name: string };
  readonly locale: string;
  readonly serviceUrl: string;
  user(ref: UserRef): LocalUser;
  post(activity: Partial<Activity>): Promise<PostResult>;
}
