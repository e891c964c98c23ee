/**
 * UCWA (Skype for Business Server 2015 REST API) client. One entry point: `UcwaSession.signIn(credentials, options)`;
 * everything else hangs off the session's facets. No code here knows whether it talks to a real pool or the simulator.
 */
export { UcwaSession, type UcwaSessionOptions, type UcwaSessionState, type RequestOptions } from './session.js';
export type { UcwaCredentials, PasswordCredentials, BearerCredentials } from './auth.js';
export { parseChallenges, msRtcOAuthHint } from './auth.js';
export { UcwaError, codeForStatus, parseReason, type UcwaProblem, type UcwaReason, type LocalErrorCode } from './errors.js';
export {
  resourceFromJson,
  resourceFromXml,
  serializeInput,
  serializeForPut,
  linkOf,
  linksOf,
  embeddedOf,
  type UcwaResource,
  type UcwaLink,
  type UcwaValue,
  type UcwaFormat,
} from './resource.js';
export { parseUcwaDate } from './values.js';
export { parseXml } from './xml.js';
export {
  EventChannel,
  lobbyChangeOf,
  matchesEvent,
  parseEventBatch,
  type ChannelSubscriber,
  type UcwaEvent,
  type UcwaEventBatch,
  type UcwaEventType,
  type EventChannelOptions,
  type EventFilter,
  type DispatchedEvent,
  type UcwaEventHandler,
  type LobbyChange,
  type ResetReason,
  type StopReason,
} from './events.js';
export { MeetingsFacet, meetingUriFromAddress, type MeetingInput } from './meetings.js';
export { ExtensionsFacet } from './extensions.js';
export { LobbyFacet, type JoinResult, type JoinOptions } from './lobby.js';
export { GroupsFacet } from './groups.js';
export {
  availabilities,
  contactPresenceView,
  isAvailability,
  readContactPresence,
  extendPresenceSubscription,
  endPresenceSubscription,
  contactPresenceChangeOf,
  presenceSubscriptionChangeOf,
  type Availability,
  type ContactPresenceView,
  type ContactPresenceChange,
  type PresenceSubscriptionChange,
} from './presence.js';
export type { RetryPolicy } from './transport.js';
export * from './views.js';
