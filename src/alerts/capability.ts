import { accountDialogs } from '../../dialogs/lobby/account.js';
import { lobbyDialogs } from '../../dialogs/lobby/lobby.js';
import { watchDialogs } from '../../dialogs/lobby/watch.js';
import { huaweiWatchDialogs } from '../../dialogs/huawei/watch.js';
import { HuaweiIdentityResolver, HuaweiMeetingClient, type WaitingRoomFeedOptions } from '../huawei/index.js';
import type { BotServices } from '../services.js';
import { alertReply } from '../cards/lobby/alertCard.js';
import { signInGate, type SignInOffer } from '../sfb/signInOffer.js';
import { signInRoutes } from '../sfb/signInPage.js';
import { KeyedSerializer } from '../storage/keyedSerializer.js';
import type { Capability, CardActionHandler, CardActionResult } from '../teams/capability.js';
import { ConversationReferenceStore } from '../teams/conversationReferences.js';
import type { OutboxOptions } from './outbox.js';
import { channelKey, userOfChannelKey, type Ownership } from '../ownership/index.js';
import type { Visitor } from './source.js';
import { LobbyRecords } from './records.js';
import { LobbyAlerts } from './service.js';
import { HuaweiWaitingRooms, type FeedOwnership } from './sources/huawei/index.js';
import { HuaweiWatchRecords } from './sources/huawei/records.js';
import { UcwaLobby } from './sources/ucwa/index.js';
import { UcwaWatchRecords } from './sources/ucwa/records.js';
import { text } from './texts.js';

/**
 * Lobby alerts as a capability, composed here: the alert core and its waiting-room sources (the Skype for
 * Business lobby, listening to the person's Skype for Business connection, `services.sfb`), the sign-in commands,
 * gate and page of that connection, watch commands, lobby commands and the alert card's buttons.
 */
export async function createLobbyCapability(
  services: BotServices,
  options: OutboxOptions & { huaweiFeed?: Partial<Omit<WaitingRoomFeedOptions, 'api' | 'userId' | 'conferenceId' | 'logger'>> } = {},
): Promise<Capability & { alerts: LobbyAlerts }> {
  const logger = services.logger.child({ component: 'lobby-alerts' });
  const locks = new KeyedSerializer();
  const lobby = new UcwaLobby({ sfb: services.sfb, watchRecords: new UcwaWatchRecords(services.storage), logger, locks }, services.references);
  const huaweiEndpoint = services.endpoints.huawei;
  const records = new LobbyRecords(services.storage);
  const huawei = new HuaweiWaitingRooms({
    client: new HuaweiMeetingClient({ endpoint: huaweiEndpoint.endpoint, appId: huaweiEndpoint.appId, appKey: huaweiEndpoint.appKey, logger }),
    identities: HuaweiIdentityResolver.fromConfig(services.config.huawei, logger),
    records: new HuaweiWatchRecords(services.storage),
    logger,
    locks,
    feed: options.huaweiFeed,
    ownership: services.ownership.mode === 'shared' ? feedOwnership(services.ownership) : undefined,
    storedWaiting: (watcherId, meetingKey) => storedWaiting(records, watcherId, meetingKey),
  });
  const { ownership } = services;
  // An alert's first card goes out from the instance that owns its watcher's channel (see DeliveryRights).
  const rights = { instanceId: ownership.instanceId, exclusive: ownership.mode === 'sole', fence: (watcherId: string) => ownership.fence(channelKey(watcherId)) };
  const alerts = new LobbyAlerts(
    { records, references: services.references, proactive: services.proactive, logger, locks, rights },
    [lobby.source, huawei],
    options,
  );
  services.sfb.onOwnershipChange({ takenOver: (userId) => alerts.outbox.adopt(userId), handedOver: (userId) => alerts.outbox.release(userId) });
  await alerts.start();
  await lobby.start();
  // Before ownership starts (src/app.ts): the handlers are in place when the first key is acquired.
  huawei.followOwnership();
  await huawei.start();
  const offer: SignInOffer = { sfb: services.sfb, config: services.config, references: services.references, proactive: services.proactive };
  return {
    name: 'lobby',
    alerts,
    dialogs: [...accountDialogs(offer), ...watchDialogs(lobby), ...lobbyDialogs(alerts), ...huaweiWatchDialogs(huawei)],
    gate: signInGate(offer),
    onHeldCommandReady: (run) => services.sfb.onHeldCommandReady(run),
    cardActions: [alertButtons(alerts)],
    routes: signInRoutes(services.sfb, logger),
    stop: async () => {
      await alerts.stop();
      lobby.stop();
      await huawei.stop();
    },
  };
}

/** Admit / Reject / Admit all on an alert card: the answer is the updated card (or a polite refusal). */
function alertButtons(alerts: LobbyAlerts): CardActionHandler {
  return {
    verbs: ['lobby.admit', 'lobby.reject', 'lobby.admitAll'],
    async handle({ context, verb, data, user, language }): Promise<CardActionResult> {
      const presser = { ...user, language };
      const alertId = typeof data.alertId === 'string' ? data.alertId : '';
      // Read afresh: the alert may have been recorded, or changed, by another instance.
      if (!alertId || !(await alerts.outbox.fresh(alertId))) return { message: text(presser, 'alertGone') };
      const pressedIn = ConversationReferenceStore.personalChatOfTurn(context);
      const result =
        verb === 'lobby.admitAll'
          ? await alerts.admitAll(presser, alertId, pressedIn)
          : await alerts.actOnAlert(presser, alertId, verb === 'lobby.admit' ? 'admit' : 'reject', pressedIn);
      if (result.kind === 'refused') return { message: result.message };
      const alert = alerts.outbox.get(alertId)!;
      return { card: alertReply(alert, alerts.outbox.waitingShownOn(alert)).card };
    },
  };
}

/** Huawei feeds follow the owner of the watcher's channel key: one instance per watcher, so one per meeting feed. */
function feedOwnership(ownership: Ownership): FeedOwnership {
  const watcherOf = (handler: (watcherId: string) => Promise<void> | void) => (key: string) => {
    const watcherId = userOfChannelKey(key);
    return watcherId === undefined ? undefined : handler(watcherId);
  };
  return {
    owns: (watcherId) => ownership.owns(channelKey(watcherId)),
    onAcquired: (handler) => ownership.onAcquired(watcherOf(handler)),
    onLost: (handler) => ownership.onLost(watcherOf(handler)),
    rebalanceSoon: () => ownership.rebalanceSoon(),
  };
}

/**
 * A Huawei meeting's waiting list as stored: its open alerts (the owner closes each on departure or admission).
 * Read whole from storage, since the alert may have been written by another instance; a lobby question is rare.
 */
async function storedWaiting(records: LobbyRecords, watcherId: string, meetingKey: string): Promise<Visitor[]> {
  const alerts = await records.allAlerts();
  return alerts
    .filter((alert) => !alert.outcome && alert.watcherId === watcherId && alert.platform === 'huawei' && alert.meeting.key === meetingKey)
    .map((alert) => ({ visitKey: alert.visitKey, personKey: alert.person.key, name: alert.person.name, uri: alert.person.uri, source: alert.person.source }));
}
