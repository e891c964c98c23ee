import { accountDialogs } from '../../dialogs/lobby/account.js';
import { lobbyDialogs } from '../../dialogs/lobby/lobby.js';
import { watchDialogs } from '../../dialogs/lobby/watch.js';
import type { BotServices } from '../services.js';
import { alertReply } from '../cards/lobby/alertCard.js';
import type { Capability, CardActionHandler, CardActionResult } from '../teams/capability.js';
import { LobbyRecords } from './records.js';
import { LobbyAlerts, type LobbyAlertsOptions } from './service.js';
import { signInGate, type SignInOffer } from './signInOffer.js';
import { signInRoutes } from './signInPage.js';
import { text } from './texts.js';

/**
 * Lobby alerts as a capability: sign-in/out, watch commands, lobby commands, the alert card's buttons, the
 * sign-in page, and the background event channels (started here, stopped with the app).
 */
export async function createLobbyCapability(services: BotServices, options: LobbyAlertsOptions = {}): Promise<Capability & { alerts: LobbyAlerts }> {
  const logger = services.logger.child({ component: 'lobby-alerts' });
  const alerts = new LobbyAlerts(
    { accounts: services.accounts, records: new LobbyRecords(services.storage), references: services.references, proactive: services.proactive, logger },
    options,
  );
  await alerts.start();
  const offer: SignInOffer = { alerts, config: services.config, references: services.references, proactive: services.proactive };
  return {
    name: 'lobby',
    alerts,
    dialogs: [...accountDialogs(offer), ...watchDialogs(alerts), ...lobbyDialogs(alerts)],
    gate: signInGate(offer),
    onHeldCommandReady: (run) => alerts.onHeldCommandReady(run),
    cardActions: [alertButtons(alerts)],
    routes: signInRoutes(alerts, logger),
    stop: () => alerts.stop(),
  };
}

/** Admit / Reject / Admit all on an alert card: the answer is the updated card (or a polite refusal). */
function alertButtons(alerts: LobbyAlerts): CardActionHandler {
  return {
    verbs: ['lobby.admit', 'lobby.reject', 'lobby.admitAll'],
    async handle({ verb, data, user, language }): Promise<CardActionResult> {
      const presser = { ...user, language };
      const alertId = typeof data.alertId === 'string' ? data.alertId : '';
      if (!alerts.outbox.get(alertId)) return { message: text(presser, 'alertGone') };
      const result =
        verb === 'lobby.admitAll' ? await alerts.admitAll(presser, alertId) : await alerts.actOnAlert(presser, alertId, verb === 'lobby.admit' ? 'admit' : 'reject');
      if (result.kind === 'refused') return { message: result.message };
      const alert = alerts.outbox.get(alertId)!;
      return { card: alertReply(alert, alerts.outbox.waitingShownOn(alert)).card };
    },
  };
}
