import type { ServiceEndpoints } from '../capabilities/index.js';
import type { AppConfig } from '../config.js';
import type { Logger } from '../logging.js';
import { startHuaweiSimulator, type HuaweiSimulator } from '../huawei/simulator/index.js';
import { seedPeople } from '../ucwa/simulator/seed.js';
import { startUcwaSimulator, type UcwaSimulator } from '../ucwa/simulator/index.js';
import type { PasswordCredentials } from '../ucwa/index.js';

export interface Sandbox {
  endpoints: ServiceEndpoints;
  /** True when at least one simulator runs in place of a real service. */
  active: boolean;
  /** The running simulators, for tests and the chat client's sandbox tricks; undefined for a real service. */
  simulators: { ucwa?: UcwaSimulator; huawei?: HuaweiSimulator };
  stop(): Promise<void>;
}

/**
 * The only place product code meets the simulators: a service with no configuration gets its simulator,
 * started on loopback, so `npm start` works with nothing set. Configure a service and its simulator is not started.
 */
export async function startSandbox(config: AppConfig, logger: Logger): Promise<Sandbox> {
  const closers: Array<() => Promise<void>> = [];
  const simulated: string[] = [];
  const simulatorLogger = logger.child({ component: 'sandbox' });
  const simulators: Sandbox['simulators'] = {};

  let ucwa: ServiceEndpoints['ucwa'];
  if (config.ucwa.discoveryUrl) {
    ucwa = { discoveryUrl: config.ucwa.discoveryUrl, format: config.ucwa.format, userAgent: config.ucwa.userAgent, sandbox: false };
  } else {
    const simulator = await startUcwaSimulator({ host: '127.0.0.1', port: 0, logger: simulatorLogger });
    simulators.ucwa = simulator;
    closers.push(() => simulator.close());
    ucwa = {
      discoveryUrl: simulator.discoveryUrl,
      format: config.ucwa.format,
      userAgent: config.ucwa.userAgent,
      sandbox: true,
      sandboxCredentials: simulatorAccount,
    };
    simulated.push(`UCWA at ${simulator.discoveryUrl}`);
  }

  let huawei: ServiceEndpoints['huawei'];
  if (config.huawei.endpoint && config.huawei.appId && config.huawei.appKey) {
    huawei = { endpoint: config.huawei.endpoint, appId: config.huawei.appId, appKey: config.huawei.appKey, sandbox: false };
  } else {
    const simulator = await startHuaweiSimulator({ host: '127.0.0.1', port: 0, logger: simulatorLogger });
    simulators.huawei = simulator;
    closers.push(() => simulator.close());
    huawei = { endpoint: simulator.origin, appId: simulator.appId, appKey: simulator.appKey, sandbox: true };
    // The simulator's enterprise administrators may list everything, as HUAWEI_ADMINS would say for a real one.
    if (config.huawei.admins.length === 0) {
      config.huawei.admins = simulator.control.users().filter((user) => user.adminType !== 2).map((user) => user.userId.toLowerCase());
    }
    simulated.push(`Huawei Cloud Meeting at ${simulator.origin}`);
  }

  if (simulated.length > 0) {
    logger.info(
      `sandbox mode: built-in simulators stand in for ${simulated.join(' and ')}; ` +
        'set UCWA_DISCOVERY_URL, and HUAWEI_MEETING_ENDPOINT with HUAWEI_APP_ID and HUAWEI_APP_KEY, to use the real services',
    );
  }
  return {
    endpoints: { ucwa, huawei },
    active: simulated.length > 0,
    simulators,
    stop: async () => {
      await Promise.allSettled(closers.map((close) => close()));
    },
  };
}

/** The simulator's seeded people sign in with known passwords; only the sandbox uses them. */
function simulatorAccount(upn: string): PasswordCredentials | undefined {
  const person = seedPeople().find((candidate) => candidate.key.toLowerCase() === upn.toLowerCase());
  return person?.password ? { kind: 'password', username: person.key, password: person.password } : undefined;
}
