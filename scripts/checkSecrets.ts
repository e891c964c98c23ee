import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedPeople } from '../src/ucwa/simulator/seed.js';

/**
 * `npm run check:secrets`: runs the whole mocha suite once with every test logger at trace level, keeps everything
 * it printed and logged, and searches it for the secrets the tests use. Any hit is a leak: exit 1 with where it was.
 * Run after `npm run build` (the npm script does both).
 */

/** Secrets known before the run: simulator passwords, and the fixed credentials and tokens tests use. */
function knownSecrets(): string[] {
  const ucwaPasswords = seedPeople()
    .map((person) => person.password)
    .filter((password): password is string => typeof password === 'string' && password.length > 0);
  return [
    ...ucwaPasswords,
    'Passw0rd!sim', // the Huawei simulator's default user password
    'hunter2secret', // typed into chat by test/foundation/http.test.ts
    'not-a-real-secret', // MicrosoftAppPassword in test/foundation/http.test.ts
    'Local-App-Pass-77', // MicrosoftAppPassword in test/auth/inboundTokens.test.ts
    'outbound-test-token', // the bot's outbound Bot Connector token in test/auth/inboundTokens.test.ts
    'exampleAppKey0123456789', // a Huawei app key in test/huawei/parsing.test.ts
  ];
}

/** Secrets only known by their shape: tokens the simulators issue and signed JWTs (inbound Bot Framework tokens). */
const secretShapes: Array<[string, RegExp]> = [
  ['UCWA web ticket', /cwt=(?!\[Redacted\])[A-Za-z0-9_-]{20,}/g],
  ['Huawei access token', /\bsim[0-9a-f]{37}\b/g],
  ['Huawei conference control token', /\bstb[0-9a-f]{48}\b/g],
  ['signed JWT', /\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g],
];

interface Hit {
  source: string;
  secret: string;
  context: string;
}

async function runSuite(workDir: string): Promise<{ status: number | null; output: string; logFile: string; secretsFile: string }> {
  const logFile = join(workDir, 'test-logs.jsonl');
  const secretsFile = join(workDir, 'runtime-secrets.txt');
  await writeFile(logFile, '');
  await writeFile(secretsFile, '');
  const mocha = createRequire(import.meta.url).resolve('mocha/bin/mocha.js');
  // CHECK_SECRETS_SPEC narrows the run (to see that a planted leak is caught); the check itself runs everything.
  const spec = process.env.CHECK_SECRETS_SPEC ?? 'dist/test/**/*.test.js';
  const child = spawn(process.execPath, ['--disable-warning=DEP0111', mocha, spec], {
    env: { ...process.env, LOG_LEVEL: 'trace', TEST_LOG_FILE: logFile, TEST_SECRETS_FILE: secretsFile },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const chunks: Buffer[] = [];
  child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
  child.stderr.on('data', (chunk: Buffer) => chunks.push(chunk));
  const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
  return { status, output: Buffer.concat(chunks).toString('utf8'), logFile, secretsFile };
}

function search(source: string, text: string, secrets: string[]): Hit[] {
  const hits: Hit[] = [];
  const around = (index: number, length: number) =>
    `${text.slice(Math.max(0, index - 60), index)}<SECRET>${text.slice(index + length, index + length + 60)}`.replace(/\s+/g, ' ');
  for (const secret of secrets) {
    for (let index = text.indexOf(secret); index !== -1; index = text.indexOf(secret, index + 1)) {
      hits.push({ source, secret: `${secret.slice(0, 3)}…`, context: around(index, secret.length) });
    }
  }
  for (const [name, shape] of secretShapes) {
    for (const match of text.matchAll(shape)) hits.push({ source, secret: name, context: around(match.index, match[0].length) });
  }
  return hits;
}

async function main(): Promise<void> {
  const workDir = await mkdtemp(join(tmpdir(), 'check-secrets-'));
  try {
    const run = await runSuite(workDir);
    const runtime = (await readFile(run.secretsFile, 'utf8')).split('\n').filter((line) => line.length >= 6);
    const secrets = [...new Set([...knownSecrets(), ...runtime])];
    const logs = await readFile(run.logFile, 'utf8');
    const hits = [...search('test output (stdout/stderr)', run.output, secrets), ...search('test logs (trace)', logs, secrets)];
    const summary = run.output.match(/(\d+) passing[^\n]*(?:\n\s*\d+ pending)?(?:\n\s*\d+ failing)?/)?.[0]?.replace(/\s+/g, ' ') ?? 'no mocha summary';
    console.log(`suite: exit ${run.status}, ${summary}`);
    console.log(`searched ${run.output.length} characters of output and ${logs.split('\n').length - 1} log lines for ${secrets.length} secrets and ${secretShapes.length} token shapes`);
    for (const hit of hits) console.log(`LEAK in ${hit.source}: ${hit.secret} … ${hit.context}`);
    console.log(hits.length === 0 ? 'no secret found' : `${hits.length} leak(s)`);
    if (run.status !== 0) console.log('note: the suite itself did not pass at trace level; see its output with LOG_LEVEL=trace npm test');
    process.exitCode = hits.length === 0 ? 0 : 1;
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}

await main();
