/**
 * Child process of the throughput bench: the UCWA and Huawei simulators with the sandbox's seeds, in a process of
 * their own so that their CPU is not counted as the bot's.
 */
import { createLogger } from '../../src/logging.js';
import { startHuaweiSimulator } from '../../src/huawei/simulator/index.js';
import { seedSandboxHuawei } from '../../src/sandbox/seeds.js';
import { startUcwaSimulator } from '../../src/ucwa/simulator/index.js';
import { stopOnSignal, tellParent, type SimulatorAddresses } from './ipc.js';

const logger = createLogger({ level: 'silent' });
const ucwa = await startUcwaSimulator({ host: '127.0.0.1', port: 0, logger });
const huawei = await startHuaweiSimulator({ host: '127.0.0.1', port: 0, logger });
seedSandboxHuawei(huawei);
stopOnSignal(async () => {
  await Promise.allSettled([ucwa.close(), huawei.close()]);
});
const ready: SimulatorAddresses = {
  ucwaDiscoveryUrl: ucwa.discoveryUrl,
  ucwaOrigin: ucwa.origin,
  huaweiOrigin: huawei.origin,
  huaweiAppId: huawei.appId,
  huaweiAppKey: huawei.appKey,
  huaweiAdmins: huawei.control.users().filter((user) => user.adminType !== 2).map((user) => user.userId.toLowerCase()),
};
tellParent(ready);
