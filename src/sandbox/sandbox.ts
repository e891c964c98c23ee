import type { ServiceEndpoints } from '../endpoints.js';
import type { AppConfig } from '../config.js';
import type { Logger } from '../logging.js';
import { huaweiSnapshotSchema, startHuaweiSimulator, type HuaweiSimulator } from '../huawei/simulator/index.js';
import { startUcwaSimulator, ucwaSnapshotSchema, type UcwaSimulator } from '../ucwa/simulator/index.js';
import type { PasswordCredentials } from '../ucwa/index.js';
import type { z } from 'zod';
import { sandboxPerson } from './people.js';
import { seedSandboxHuawei } from './seeds.js';
import { removeSandboxState, writeSandboxState, type SandboxState } from './stateFile.js';
import { loadSimulatorState, saveSimulatorState, SimulatorStateSaver } from './simulatorState.js';

export interface Sandbox {
  endpoints: ServiceEndpoints;
  /** True when at least one simulator runs in place of a real service. */
  active: boolean;
  /** The running simulators, for tests and the chat client's sandbox tricks; undefined for a real service. */
  simulators: { ucwa?: UcwaSimulator; huawei?: HuaweiSimulator };
  stop(): Promise<void>;
}

/** The bot's own default port: on it, the simulators get the fixed ports the README's examples use. */
const DEFAULT_BOT_PORT = 3978;

/** Loopback ports for the simulators; 0 means any free port. */
export interface SandboxPorts {
  ucwa: number;
  huawei: number;
}

/**
 * Fixed ports (UCWA 4500, Huawei 4600, as `npm run sim:*` use) when the bot runs on its default port, so the
 * README's curl lines work as written; any other bot port (tests use 0, a second bot its own) gets free ones.
 */
export function defaultSandboxPorts(config: Pick<AppConfig, 'port'>): SandboxPorts {
  return config.port === DEFAULT_BOT_PORT ? { ucwa: 4500, huawei: 4600 } : { ucwa: 0, huawei: 0 };
}

export interface SandboxOptions {
  /** Where the simulators listen; default: where they listened last time on this DATA_DIR, else `defaultSandboxPorts`. */
  ports?: SandboxPorts;
}

/**
 * The only place product code meets the simulators: a service with no configuration gets its simulator,
 * started on loopback, so `npm start` works with nothing set. Configure a service and its simulator is not started.
 */
export async function startSandbox(config: AppConfig, logger: Logger, options: SandboxOptions = {}): Promise<Sandbox> {
  const closers: Array<() => Promise<void>> = [];
  const simulated: string[] = [];
  const simulatorLogger = logger.child({ component: 'sandbox' });
  const simulators: Sandbox['simulators'] = {};
  const ports = options.ports ?? defaultSandboxPorts(config);
  const state: SandboxState = { pid: process.pid };

  let ucwa: ServiceEndpoints['ucwa'];
  if (config.ucwa.discoveryUrl) {
    ucwa = { discoveryUrl: config.ucwa.discoveryUrl, format: config.ucwa.format, userAgent: config.ucwa.userAgent, sandbox: false };
  } else {
    // The simulators keep their world in DATA_DIR, so restarting `npm start` restarts the same world: the bot's
    // stored sign-ins, watches and presence watches find the same server, meetings and groups again.
    const { simulator, restored, saveNow } = await startPersisted(config.dataDir, 'ucwa', ucwaSnapshotSchema, closers, logger, {
      what: 'UCWA simulator',
      port: options.ports?.ucwa,
      defaultPort: ports.ucwa,
      start: (port, restore, onChange) => startUcwaSimulator({ host: '127.0.0.1', port, logger: simulatorLogger, restore, onChange }),
    });
    if (restored) logger.info('sandbox: the UCWA simulator carries on with the meetings, groups and sign-ins it had');
    simulators.ucwa = simulator;
    await saveNow();
    ucwa = {
      discoveryUrl: simulator.discoveryUrl,
      format: config.ucwa.format,
      userAgent: config.ucwa.userAgent,
      sandbox: true,
      sandboxCredentials: simulatorAccount,
    };
    state.ucwa = { origin: simulator.origin, discoveryUrl: simulator.discoveryUrl };
    simulated.push(`UCWA at ${simulator.discoveryUrl}`);
  }

  let huawei: ServiceEndpoints['huawei'];
  if (config.huawei.endpoint && config.huawei.appId && config.huawei.appKey) {
    huawei = { endpoint: config.huawei.endpoint, appId: config.huawei.appId, appKey: config.huawei.appKey, sandbox: false };
  } else {
    const { simulator, restored, saveNow } = await startPersisted(config.dataDir, 'huawei', huaweiSnapshotSchema, closers, logger, {
      what: 'Huawei simulator',
      port: options.ports?.huawei,
      defaultPort: ports.huawei,
      start: (port, restore, onChange) => startHuaweiSimulator({ host: '127.0.0.1', port, logger: simulatorLogger, restore, onChange }),
    });
    simulators.huawei = simulator;
    if (restored) logger.info('sandbox: the Huawei simulator carries on with the meetings it had');
    else seedSandboxHuawei(simulator);
    await saveNow();
    huawei = { endpoint: simulator.origin, appId: simulator.appId, appKey: simulator.appKey, sandbox: true };
    // The simulator's enterprise administrators may list everything, as HUAWEI_ADMINS would say for a real one.
    if (config.huawei.admins.length === 0) {
      config.huawei.admins = simulator.control.users().filter((user) => user.adminType !== 2).map((user) => user.userId.toLowerCase());
    }
    state.huawei = { origin: simulator.origin };
    simulated.push(`Huawei Cloud Meeting at ${simulator.origin}`);
  }

  if (simulated.length > 0) {
    logger.info(
      `sandbox mode: built-in simulators stand in for ${simulated.join(' and ')}; ` +
        'set UCWA_DISCOVERY_URL, and HUAWEI_MEETING_ENDPOINT with HUAWEI_APP_ID and HUAWEI_APP_KEY, to use the real services',
    );
    await publishState(config.dataDir, state, logger);
  }
  return {
    endpoints: { ucwa, huawei },
    active: simulated.length > 0,
    simulators,
    stop: async () => {
      if (simulated.length > 0) await removeSandboxState(config.dataDir).catch(() => undefined);
      await Promise.allSettled(closers.map((close) => close()));
    },
  };
}

interface PersistedSimulator<Snapshot> {
  origin: string;
  snapshot(): Snapshot;
  close(): Promise<void>;
}

/**
 * Starts a simulator with the world it kept in DATA_DIR (on its stored port, unless one is given), saves that world
 * on every change and once more at stop, and registers the stop. `saveNow` is for after the caller's own seeding.
 */
async function startPersisted<Snapshot, Simulator extends PersistedSimulator<Snapshot>>(
  dataDir: string,
  name: 'ucwa' | 'huawei',
  snapshotSchema: z.ZodType<Snapshot>,
  closers: Array<() => Promise<void>>,
  logger: Logger,
  how: { what: string; port?: number; defaultPort: number; start: (port: number, restore: Snapshot | undefined, onChange: () => void) => Promise<Simulator> },
): Promise<{ simulator: Simulator; restored: boolean; saveNow: () => Promise<void> }> {
  const stored = await loadSimulatorState(dataDir, name, snapshotSchema, logger);
  let running: Simulator | undefined;
  const saver = new SimulatorStateSaver(async () => {
    if (running) await saveSimulatorState(dataDir, name, { port: Number(new URL(running.origin).port), snapshot: running.snapshot() });
  }, logger);
  const simulator = await onPreferredPort(how.port ?? stored?.port ?? how.defaultPort, how.what, logger, (port) =>
    how.start(port, stored?.snapshot, () => saver.changed()),
  );
  running = simulator;
  closers.push(async () => {
    await saver.flush();
    await simulator.close();
  });
  return { simulator, restored: stored !== undefined, saveNow: () => saver.saveNow() };
}

/** A taken port is no reason not to start: the simulator moves to a free one and `npm run sim` still finds it. */
async function onPreferredPort<T>(port: number, what: string, logger: Logger, start: (port: number) => Promise<T>): Promise<T> {
  if (port === 0) return start(0);
  try {
    return await start(port);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EADDRINUSE' && code !== 'EACCES') throw error;
    logger.warn(`${what}: port ${port} is taken, so it runs on a free port instead (the sandbox mode line names it; npm run sim finds it)`);
    return start(0);
  }
}

/** `npm run sim` is a convenience: the sandbox runs without it when DATA_DIR cannot take the file. */
async function publishState(dataDir: string, state: SandboxState, logger: Logger): Promise<void> {
  try {
    await writeSandboxState(dataDir, state);
  } catch (error) {
    logger.warn({ err: error }, 'could not write the sandbox state file; npm run sim will not find this sandbox');
  }
}

/** The simulator's seeded people sign in with known passwords; only the sandbox uses them. */
function simulatorAccount(upn: string): PasswordCredentials | undefined {
  const person = sandboxPerson(upn);
  return person?.password ? { kind: 'password', username: person.upn, password: person.password } : undefined;
}
