import type { Logger } from '../logging.js';
import type { KeyedSerializer } from '../storage/keyedSerializer.js';
import type { ConversationReferenceStore, StoredReference } from '../teams/conversationReferences.js';
import type { ProactiveMessenger } from '../teams/proactive.js';
import { LobbyActions, type ActionResult, type LobbyAction, type WaitingResult } from './actions.js';
import { Arrivals } from './arrivals.js';
import type { Organizer, OrganizerContext } from './people.js';
import { AlertOutbox, soleDelivery, type DeliveryRights, type OutboxOptions } from './outbox.js';
import type { WaitingPerson } from './people.js';
import type { LobbyRecords } from './records.js';
import type { Platform, WaitingRoomSource } from './source.js';

export type { ActionResult, LobbyAction, Organizer, OrganizerContext, WaitingResult };

/**
 * The alert core: listens to every waiting-room source it is given (src/alerts/source.ts), turns arrivals into
 * durable alerts delivered as cards (the outbox), keeps the cards true as people leave or are admitted elsewhere,
 * and has the alert's own source carry out Admit / Reject / Admit all and "admit Bob" as the person who asked.
 * It knows sources only through that interface: a new platform is a new source, not a change here.
 */
export class LobbyAlerts {
  readonly outbox: AlertOutbox;
  private readonly sources: ReadonlyMap<Platform, WaitingRoomSource>;
  private readonly arrivals: Arrivals;
  private readonly actions: LobbyActions;

  constructor(
    deps: {
      records: LobbyRecords;
      references: ConversationReferenceStore;
      proactive: ProactiveMessenger;
      logger: Logger;
      /** Shared with whoever else takes `alert:<id>`: events and card buttons must queue on the same instance. */
      locks: KeyedSerializer;
      /** Which watchers' first cards this instance sends (their channels run here); all of them by default. */
      rights?: DeliveryRights;
    },
    sources: WaitingRoomSource[],
    options: OutboxOptions = {},
  ) {
    this.outbox = new AlertOutbox(deps.records, deps.references, deps.proactive, deps.logger.child({ component: 'lobby-outbox' }), options, deps.rights ?? soleDelivery);
    this.sources = new Map(sources.map((source) => [source.platform, source]));
    if (this.sources.size !== sources.length) throw new Error('two waiting-room sources name the same platform');
    this.arrivals = new Arrivals(deps.locks, this.outbox, deps.logger);
    this.actions = new LobbyActions(deps.locks, deps.logger, this.outbox, this.sources);
    for (const source of sources) source.listen((event) => this.arrivals.apply(source.platform, event));
  }

  /** Loads the outbox and starts delivering; the sources are started by whoever composed them, after this. */
  async start(): Promise<void> {
    await this.outbox.load();
    this.outbox.start();
  }

  /** Stops delivering; the card sends in progress finish (and are recorded) first. */
  stop(): Promise<void> {
    return this.outbox.stop();
  }

  waiting(user: Organizer, meeting?: string): Promise<WaitingResult> {
    return this.actions.waiting(user, meeting);
  }

  actOnPerson(user: Organizer, person: WaitingPerson, action: LobbyAction): Promise<ActionResult> {
    return this.actions.actOnPerson(user, person, action);
  }

  /** `pressedIn`: the personal chat the card's button was pressed in, if it was (see AlertOutbox.finish). */
  actOnAlert(presser: Organizer, alertId: string, action: LobbyAction, pressedIn?: StoredReference): Promise<ActionResult> {
    return this.actions.actOnAlert(presser, alertId, action, pressedIn);
  }

  admitAll(presser: Organizer, alertId: string, pressedIn?: StoredReference): Promise<ActionResult> {
    return this.actions.admitAll(presser, alertId, pressedIn);
  }
}
