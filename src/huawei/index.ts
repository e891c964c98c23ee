/** Huawei Cloud Meeting adapter: the one import for the rest of the bot. */
export {
  HuaweiMeetingClient,
  MAX_PAGE_SIZE,
  MAX_SEARCH_KEY_LENGTH,
  checkConferenceId,
  checkSearchKey,
  type HuaweiMeetingClientOptions,
  type IterateOptions,
  type MeetingQuery,
  type MuteOptions,
  type OngoingMeetingQuery,
  type ParticipantQuery,
  type ControlSession,
} from './client.js';
export {
  WaitingRoomFeed,
  type Departure,
  type FeedState,
  type FeedStateChange,
  type WaitingPerson,
  type WaitingRoomApi,
  type WaitingRoomFeedEvents,
  type WaitingRoomFeedOptions,
} from './waitingRoom.js';
export { parseServerFrame, subscribeFrame, connectionUrl, type ServerFrame, type ListMessage, type ListEntry } from './wsProtocol.js';
export { HuaweiError, userMessageFor, type HuaweiClientErrorCode } from './errors.js';
export {
  AccountAuthenticator,
  AppIdAuthenticator,
  appAuthAuthorization,
  appAuthStringToSign,
  signAppAuth,
  type AccountCredentials,
  type AppAuthFields,
  type HuaweiAuthenticator,
} from './auth.js';
export { HuaweiIdentityResolver, type HuaweiIdentity, type HuaweiIdentityResolverOptions, type TeamsUserRef } from './identity.js';
export { Secret } from './secret.js';
export {
  displayTimeZone,
  formatMeetingTime,
  formatMeetingWindow,
  huaweiTimeZone,
  isValidTimeZone,
  knownHuaweiTimeZones,
  parseHuaweiDateTime,
  toHuaweiDateTime,
  type FormatOptions,
  type HuaweiTimeZone,
} from './time.js';
export {
  chairPasswordOf,
  conferenceInfoSchema,
  isOngoing,
  waitingRoomEnabled,
  type ConfConfigInfo,
  type ConferenceInfo,
  type ConferenceState,
  type CycleParams,
  type CycleSubConf,
  type MediaType,
  type MeetingDetail,
  type OnlineAttendee,
  type Page,
  type ParticipantInfo,
  type PartAttendee,
  type PasswordEntry,
  type PicDisplay,
  type RealTimeInfo,
} from './types.js';
