import { appendFileSync } from 'node:fs';
import { Writable } from 'node:stream';
import { createLogger, type Logger } from '../../src/logging.js';

const levels = new Set(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']);

/**
 * The logger tests give the code under test. Normally at the level the test chose (often silent); under
 * `npm run check:secrets` (scripts/checkSecrets.ts) every test logger runs at `LOG_LEVEL` and also appends its lines
 * to `TEST_LOG_FILE`, so the whole suite's logging can be searched for the secrets the tests used.
 */
export function testLogger(options: { level?: string; lines?: Pick<string[], 'push'> } = {}): Logger {
  const override = process.env.LOG_LEVEL && levels.has(process.env.LOG_LEVEL) ? process.env.LOG_LEVEL : undefined;
  const file = process.env.TEST_LOG_FILE;
  const lines = options.lines;
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      const text = chunk.toString('utf8');
      lines?.push(text);
      // Synchronous, so lines written just before a test ends are not lost.
      if (file) appendFileSync(file, text);
      done();
    },
  });
  return createLogger({ level: override ?? options.level ?? 'silent', destination });
}

/** Records a secret made at run time (a simulator's random app key) for the secrets check; no-op otherwise. */
export function noteTestSecret(value: string | undefined): void {
  const file = process.env.TEST_SECRETS_FILE;
  if (file && value) appendFileSync(file, `${value}\n`);
}
