import { createLogger } from '../../logging.js';
import { startHuaweiSimulator } from './server.js';

/**
 * `npm run sim:huawei`: the simulator on PORT (default 4600) for the sandbox. App ID/Key come from
 * HUAWEI_SIM_APP_ID / HUAWEI_SIM_APP_KEY when set, so the bot's .env can stay stable across restarts.
 */
const port = Number(process.env.PORT ?? 4600);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT must be a port number from 0 to 65535 (got "${process.env.PORT}")`);
  process.exit(1);
}
const logger = createLogger({ level: process.env.LOG_LEVEL ?? 'info', name: 'huawei-sim' });
const simulator = await startHuaweiSimulator({
  port,
  host: process.env.HOST ?? '127.0.0.1',
  appId: process.env.HUAWEI_SIM_APP_ID,
  appKey: process.env.HUAWEI_SIM_APP_KEY,
  tokenLifetimeSeconds: process.env.HUAWEI_SIM_TOKEN_LIFETIME ? Number(process.env.HUAWEI_SIM_TOKEN_LIFETIME) : undefined,
  logger,
});

// Printed on purpose: this is a local sandbox credential the developer must paste into the bot's settings.
process.stdout.write(
  [
    `Huawei Cloud Meeting simulator listening on ${simulator.origin}`,
    `  HUAWEI_MEETING_ENDPOINT=${simulator.origin}`,
    `  HUAWEI_APP_ID=${simulator.appId}`,
    `  HUAWEI_APP_KEY=${simulator.appKey}`,
    '  users: admin@contoso.com (admin), alice@contoso.com, bob@contoso.com, carol@contoso.com',
    `  control: ${simulator.origin}/_sim/requests, /_sim/meetings/914083136, POST /_sim/meetings/bulk {"count":1200}`,
    '',
  ].join('\n'),
);

const shutdown = () => void simulator.close().then(() => process.exit(0));
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
