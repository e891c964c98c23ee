import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { cruise, type ICruiseResult, type IConfiguration } from 'dependency-cruiser';

const projectRoot = resolve(import.meta.dirname, '../../..');
const rules = createRequire(import.meta.url)(join(projectRoot, '.dependency-cruiser.cjs')) as IConfiguration;

async function violationsIn(root: string, folders: string[]): Promise<string[]> {
  const previous = process.cwd();
  process.chdir(root);
  try {
    const result = await cruise(folders, { validate: true, ruleSet: { forbidden: rules.forbidden }, ...rules.options, tsConfig: { fileName: join(projectRoot, 'tsconfig.json') } });
    const output = result.output as ICruiseResult;
    return output.summary.violations.map((violation) => `${violation.rule.name}: ${violation.from} → ${violation.to}`);
  } finally {
    process.chdir(previous);
  }
}

/** Issue 15's walls: adapters know nothing of Teams, simulators stay out of product code, nobody imports the root, no circles. */
describe('the walls of the house', function () {
  this.timeout(60_000);

  it('hold in the product code', async () => {
    assert.deepEqual(await violationsIn(projectRoot, ['src', 'dialogs']), []);
  });

  it('catch an adapter that imports botbuilder, and product code that imports a simulator', async () => {
    const house = await mkdtemp(join(tmpdir(), 'walls-'));
    try {
      await symlink(join(projectRoot, 'node_modules'), join(house, 'node_modules'), 'dir');
      await mkdir(join(house, 'src/ucwa/simulator'), { recursive: true });
      await mkdir(join(house, 'src/alerts'), { recursive: true });
      await writeFile(join(house, 'src/ucwa/simulator/server.ts'), 'export const simulated = 1;\n');
      await writeFile(join(house, 'src/ucwa/client.ts'), "import { TurnContext } from 'botbuilder';\nexport const seen = TurnContext;\n");
      await writeFile(join(house, 'src/alerts/service.ts'), "import { simulated } from '../ucwa/simulator/server.js';\nexport const used = simulated;\n");
      const violations = await violationsIn(house, ['src']);
      assert.ok(violations.some((line) => line.startsWith('adapters-know-no-teams: src/ucwa/client.ts → ') && line.includes('node_modules/botbuilder/')), violations.join('\n'));
      assert.ok(violations.includes('no-simulators-in-product-code: src/alerts/service.ts → src/ucwa/simulator/server.ts'), violations.join('\n'));
    } finally {
      await rm(house, { recursive: true, force: true });
    }
  });

  it('catch the alert core reaching past the waiting-room source interface', async () => {
    const house = await mkdtemp(join(tmpdir(), 'walls-'));
    try {
      await symlink(join(projectRoot, 'node_modules'), join(house, 'node_modules'), 'dir');
      await mkdir(join(house, 'src/ucwa'), { recursive: true });
      await mkdir(join(house, 'src/alerts/sources/ucwa'), { recursive: true });
      await writeFile(join(house, 'src/ucwa/session.ts'), 'export interface UcwaSession { href: string }\n');
      await writeFile(join(house, 'src/alerts/source.ts'), 'export interface WaitingRoomSource { platform: string }\n');
      await writeFile(join(house, 'src/alerts/sources/ucwa/lobby.ts'), "import type { UcwaSession } from '../../../ucwa/session.js';\nimport type { WaitingRoomSource } from '../../source.js';\nexport type Lobby = WaitingRoomSource & { session?: UcwaSession };\n");
      await writeFile(join(house, 'src/alerts/outbox.ts'), "import type { UcwaSession } from '../ucwa/session.js';\nimport type { Lobby } from './sources/ucwa/lobby.js';\nexport type Outbox = { session?: UcwaSession; lobby?: Lobby };\n");
      const violations = await violationsIn(house, ['src']);
      assert.ok(violations.includes('alert-core-knows-sources-by-interface: src/alerts/outbox.ts → src/ucwa/session.ts'), violations.join('\n'));
      assert.ok(violations.includes('alert-core-knows-sources-by-interface: src/alerts/outbox.ts → src/alerts/sources/ucwa/lobby.ts'), violations.join('\n'));
      assert.deepEqual(violations.filter((line) => line.includes(': src/alerts/sources/')), [], 'a source may know its service');
    } finally {
      await rm(house, { recursive: true, force: true });
    }
  });

  it('catch an import circle, type-only imports included, but not one inside a simulator', async () => {
    const house = await mkdtemp(join(tmpdir(), 'walls-'));
    try {
      await symlink(join(projectRoot, 'node_modules'), join(house, 'node_modules'), 'dir');
      await mkdir(join(house, 'src/ucwa/simulator'), { recursive: true });
      await mkdir(join(house, 'src/alerts'), { recursive: true });
      await writeFile(join(house, 'src/alerts/records.ts'), "import type { Outbox } from './outbox.js';\nexport interface AlertRecord { outbox?: Outbox }\n");
      await writeFile(join(house, 'src/alerts/outbox.ts'), "import type { AlertRecord } from './records.js';\nexport interface Outbox { records: AlertRecord[] }\n");
      await writeFile(join(house, 'src/ucwa/simulator/state.ts'), "import { served } from './server.js';\nexport const state = () => served;\n");
      await writeFile(join(house, 'src/ucwa/simulator/server.ts'), "import { state } from './state.js';\nexport const served = 1;\nexport const read = () => state();\n");
      const violations = await violationsIn(house, ['src']);
      // dependency-cruiser names a circle once, from whichever of its modules it met first.
      const circle = ['no-circular: src/alerts/records.ts → src/alerts/outbox.ts', 'no-circular: src/alerts/outbox.ts → src/alerts/records.ts'];
      assert.ok(violations.some((line) => circle.includes(line)), violations.join('\n'));
      assert.deepEqual(violations.filter((line) => line.includes('simulator/')), []);
    } finally {
      await rm(house, { recursive: true, force: true });
    }
  });
});
