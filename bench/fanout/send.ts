/**
 * Line 4's fan-out itself, shared by its sender process (sender.ts) and scripts/bench/fanoutTrace.ts, and what the
 * bench and its sender tell each other.
 */
import type { Activity, ConversationReference } from 'botbuilder';

/** What line 4 sends through: a build's ProactiveMessenger (this one's, or another build's in scripts/bench). */
export interface AlertSender {
  send(reference: Partial<ConversationReference>, activity: Partial<Activity>): Promise<unknown>;
}

/**
 * Line 4's fan-out: `alerts` alert cards at once, card i to conversation i mod `conversations` at the connector,
 * each tagged `alert-<i>` so the connector can count it.
 */
export function sendAlertCards(messenger: AlertSender, reply: { card: object; fallback: string }, serviceUrl: string, alerts: number, conversations: number): Promise<Array<PromiseSettledResult<unknown>>> {
  return Promise.allSettled(
    Array.from({ length: alerts }, (_, index) =>
      messenger.send(
        {
          channelId: 'msteams',
          serviceUrl,
          conversation: { id: `a:bench-${index % conversations}`, conversationType: 'personal', isGroup: false, name: '' },
          bot: { id: '28:bench', name: 'Bench' },
        },
        {
          type: 'message',
          text: reply.fallback,
          attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: reply.card }],
          channelData: { benchTag: `alert-${index}` },
        },
      ),
    ),
  );
}

/** What the bench sends its sender once the connector is up. */
export interface FanoutOrder {
  connectorUrl: string;
  alerts: number;
  conversations: number;
}

/** What the sender answers once every send settled. */
export interface FanoutSent {
  /** Wall-clock ms (performance.timeOrigin + now, as the connector stamps its acceptances) when the sends began. */
  startedAt: number;
  cpuMicros: number;
  failed: number;
}
