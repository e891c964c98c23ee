import { createLogger } from '../../logging.js';
import { startUcwaSimulator } from './index.js';

/** `npm run sim:ucwa`: a UCWA pool on PORT (default 4500) until Ctrl+C. */
const port = Number(process.env.PORT ?? 4500);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  process.stderr.write(`PORT must be a TCP port number, got "${process.env.PORT}".\n`);
  process.exit(1);
}

const logger = createLogger({ level: process.env.LOG_LEVEL ?? 'info', pretty: process.stdout.isTTY });
const simulator = await startUcwaSimulator({ port, host: process.env.HOST ?? '127.0.0.1', logger });
process.stdout.write(`UCWA simulator discovery URL: ${simulator.discoveryUrl}\n`);
process.stdout.write(`Control API: ${simulator.origin}/_sim/ (users: alice/bob/carol@contoso.com, dave@fabrikam.com)\n`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void simulator.close().then(() => process.exit(0));
  });
}
