import type { AddressInfo } from 'node:net';
import { createLogger, type Logger } from '../../logging.js';
import { DISCOVERY_ROOT_PATH } from './paths.js';
import { SimulatorServer } from './server.js';
import type { UcwaSimulatorControl } from './control.js';
import { restoreState, snapshotState, type UcwaSimSnapshot } from './snapshot.js';

/** A standalone Skype for Business UCWA 2.0 pool for tests, the sandbox and the chat CLI. */
export interface UcwaSimulatorOptions {
  port?: number;
  host?: string;
  /** Web-ticket lifetime; 8 hours like an on-premises pool. */
  tokenLifetimeSeconds?: number;
  logger?: Logger;
  /**
   * Lower clamp of the event channel `timeout` (documented minimum: 180 s). Tests lower it so an empty
   * P-GET can finish quickly; the upper clamp stays 1800 s.
   */
  minEventTimeoutSeconds?: number;
  /**
   * Length of one "minute" of a presence subscription (default 60 000 ms). Tests shorten it to watch a
   * subscription warn, get refreshed and run out without waiting half an hour.
   */
  presenceMinuteMs?: number;
  /** A snapshot taken from an earlier run (`snapshot()`): the pool starts from it instead of its seeds. */
  restore?: UcwaSimSnapshot;
  /** Called after every request that may have changed the pool (anything but GET), to save it. */
  onChange?: () => void;
}

export interface UcwaSimulator {
  /** e.g. http://127.0.0.1:4500 */
  origin: string;
  /** GET target of autodiscovery (the `lyncdiscover` root). */
  discoveryUrl: string;
  control: UcwaSimulatorControl;
  /** The pool's durable data, to be given back as `restore` to a later simulator. */
  snapshot(): UcwaSimSnapshot;
  close(): Promise<void>;
}

export async function startUcwaSimulator(options: UcwaSimulatorOptions = {}): Promise<UcwaSimulator> {
  const server = new SimulatorServer(
    {
      tokenLifetimeSeconds: options.tokenLifetimeSeconds ?? 8 * 3600,
      minEventTimeoutSeconds: options.minEventTimeoutSeconds ?? 180,
      presenceMinuteMs: options.presenceMinuteMs ?? 60_000,
    },
    options.logger ?? createLogger({ level: 'silent' }),
  );
  if (options.restore) restoreState(server.state, options.restore);
  const onChange = options.onChange;
  if (onChange) {
    server.http.on('request', (req, res) => {
      if (req.method !== 'GET') res.on('finish', onChange);
    });
  }
  const host = options.host ?? '127.0.0.1';
  try {
    await new Promise<void>((resolve, reject) => {
      server.http.once('error', reject);
      server.http.listen(options.port ?? 0, host, () => resolve());
    });
  } catch (error) {
    server.state.dispose(); // its timers would otherwise keep a process alive that never got a simulator
    throw error;
  }
  const { port } = server.http.address() as AddressInfo;
  const origin = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  return {
    origin,
    discoveryUrl: `${origin}${DISCOVERY_ROOT_PATH}`,
    control: server.control,
    snapshot: () => snapshotState(server.state),
    close: async () => {
      server.state.dispose();
      await new Promise<void>((resolve) => {
        server.http.close(() => resolve());
        server.http.closeAllConnections();
      });
    },
  };
}

export { UcwaSimulatorControl, SimulatorControlError } from './control.js';
export type { LobbyArrival, ParticipantInfo, MeetingInfo, ApplicationInfo, PresenceChange, PresenceSubscriptionInfo } from './control.js';
export { AVAILABILITIES, type Availability } from './presence.js';
export { ucwaSnapshotSchema, type UcwaSimSnapshot } from './snapshot.js';
export type { FaultSpec } from './faults.js';
export type { ReplaySpec, ReplayedRequest } from './replays.js';
export type { ParticipantState, ParticipantSource } from './state.js';
