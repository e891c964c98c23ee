import type { ServiceEndpoints } from '../capabilities.js';
import type { AppConfig } from '../config.js';
import type { Logger } from '../logging.js';
import { startHuaweiSimulator } from '../huawei/simulator/index.js';
import { startUcwaSimulator } from '../ucwa/simulator/index.js';

export interface Sandbox {
  endpoints: ServiceEndpoints;
  /** True when at least one simulator runs in place of a real service. */
  active: boolean;
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

  let ucwa: ServiceEndpoints['ucwa'];
  if (config.ucwa.discoveryUrl) {
    ucwa = { discoveryUrl: config.ucwa.discoveryUrl, format: config.ucwa.format, userAgent: config.ucwa.userAgent, sandbox: false };
  } else {
    const simulator = await startUcwaSimulator({ host: '127.0.0.1', port: 0, logger: simulatorLogger });
    closers.push(() => simulator.close());
    ucwa = { discoveryUrl: simulator.discoveryUrl, format: config.ucwa.format, userAgent: config.ucwa.userAgent, sandbox: true };
    simulated.push(`UCWA at ${simulator.discoveryUrl}`);
  }

  let huawei: ServiceEndpoints['huawei'];
  if (config.huawei.endpoint && config.huawei.appId && config.huawei.appKey) {
    huawei = { endpoint: config.huawei.endpoint, appId: config.huawei.appId, appKey: config.huawei.appKey, sandbox: false };
  } else {
    const simulator = await startHuaweiSimulator({ host: '127.0.0.1', port: 0, logger: simulatorLogger });
    closers.push(() => simulator.close());
    huawei = { endpoint: simulator.origin, appId: simulator.appId, appKey: simulator.appKey, sandbox: true };
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
    stop: async () => {
      await Promise.allSettled(closers.map((close) => close()));
    },
  };
}
