import { accountDialogs } from '../../dialogs/lobby/account.js';
import { lobbyDialogs } from '../../dialogs/lobby/lobby.js';
import { watchDialogs } from '../../dialogs/lobby/watch.js';
import type { BotServices } from '../services.js';
import { alertReply } from '../cards/lobby/alertCard.js';
import { KeyedSerializer } from '../storage/keyedSerializer.js';
import type { Capability, CardActionHandler, CardActionResult } from '../teams/capability.js';
import type { OutboxOptions } from './outbox.js';
import { channelKey } from '../ownership/index.js';
import { LobbyRecords } from './records.js';
import { LobbyAlerts } from './service.js';
import { signInGate, type SignInOffer } from './signInOffer.js';
import { signInRoutes } from './signInPage.js';
import { UcwaLobby, type UcwaLobbyOptions } from './sources/ucwa/index.js';
import { UcwaWatchRecords } from './sources/ucwa/records.js';
import { text } from './texts.js';

export type LobbyCapabilityOptions = OutboxOptions & UcwaLobbyOptions;

/**
 * Lobby alerts as a capability, composed here: the alert core and its waiting-room sources (the Skype for
 * Business lobby), sign-in/out, watch commands, lobby commands, the alert card's buttons, the sign-in page, and
 * the background event channels (started here, stopped with the app).
 */
export async function createLobbyCapability(
  services: BotServices,
  options: LobbyCapabilityOptions = {},
): Promise<Capability & { alerts: LobbyAlerts; sfb: UcwaLobby }> {
  const logger = services.logger.child({ component: 'lobby-alerts' });
  const records = new LobbyRecords(services.storage);
  const locks = new KeyedSerializer();
  const ownership = services.ownership;
  const sfb = new UcwaLobby(
    { accounts: services.accounts, records, watchRecords: new UcwaWatchRecords(services.storage), references: services.references, proactive: services.proactive, logger, locks, ownership },
    options,
  );
  const rights = { instanceId: ownership.instanceId, fence: (watcherId: string) => ownership.fence(channelKey(watcherId)) };
  const alerts = new LobbyAlerts({ records, references: services.references, proactive: services.proactive, logger, locks, rights }, [sfb.source], options);
  sfb.onOwnershipChange(
    (userId) => alerts.outbox.adopt(userId),
    (userId) => alerts.outbox.release(userId),
  );
  await alerts.start();
  await sfb.start();
  const offer: SignInOffer = { sfb, config: services.config, references: services.references, proactive: services.proactive };
  return {
    name: 'lobby',
    alerts,
    sfb,
    dialogs: [...accountDialogs(offer), ...watchDialogs(sfb), ...lobbyDialogs(alerts)],
    gate: signInGate(offer),
    onHeldCommandReady: (run) => sfb.onHeldCommandReady(run),
    cardActions: [alertButtons(alerts)],
    routes: signInRoutes(sfb, logger),
    stop: async () => {
      await alerts.stop();
      sfb.stop();
    },
  };
}

/** Admit / Reject / Admit all on an alert card: the answer is the updated card (or a polite refusal). */
function alertButtons(alerts: LobbyAlerts): CardActionHandler {
  return {
    verbs: ['lobby.admit', 'lobby.reject', 'lobby.admitAll'],
    async handle({ verb, data, user, language }): Promise<CardActionResult> {
      const presser = { ...user, language };
      const alertId = typeof data.alertId === 'string' ? data.alertId : '';
      // Read afresh: the alert may have been recorded, or changed, by another instance.
      if (!alertId || !(await alerts.outbox.fresh(alertId))) return { message: text(presser, 'alertGone') };
      const result =
        verb === 'lobby.admitAll' ? await alerts.admitAll(presser, alertId) : await alerts.actOnAlert(presser, alertId, verb === 'lobby.admit' ? 'admit' : 'reject');
      if (result.kind === 'refused') return { message: result.message };
      const alert = alerts.outbox.get(alertId)!;
      return { card: alertReply(alert, alerts.outbox.waitingShownOn(alert)).card };
    },
  };
}
