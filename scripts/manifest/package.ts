import { writeFile } from 'node:fs/promises';
import JSZip from 'jszip';
import { intents, type IntentDefinition } from '../../src/nlu/catalog.js';
import { MANIFEST_FILE, renderAppPackage, type AppPackage, type DeploymentValues } from './build.js';
import { validateAppPackage } from './validate.js';

/** The package failed validation; nothing was written. */
export class PackageProblemsError extends Error {
  override readonly name = 'PackageProblemsError';
  constructor(readonly problems: readonly string[]) {
    super(`The Teams app package has ${problems.length} problem(s):\n  ${problems.join('\n  ')}`);
  }
}

/** A fixed entry date, so packaging the same inputs twice gives the same bytes. */
const ENTRY_DATE = new Date(Date.UTC(2020, 0, 1));

function jsonBytes(value: unknown): Buffer {
  return Buffer.from(`${JSON.stringify(value, null, 2)}\n`, 'utf8');
}

/** The package's files, all at the root: the manifest, its localization files and its two icons. */
export function packageEntries(pkg: AppPackage): Map<string, Buffer> {
  const entries = new Map<string, Buffer>([[MANIFEST_FILE, jsonBytes(pkg.manifest)]]);
  for (const [name, bytes] of pkg.icons) entries.set(name, bytes);
  for (const [name, content] of pkg.localizations) entries.set(name, jsonBytes(content));
  return entries;
}

export async function zipEntries(entries: ReadonlyMap<string, Buffer>): Promise<Buffer> {
  const zip = new JSZip();
  for (const [name, bytes] of entries) zip.file(name, bytes, { date: ENTRY_DATE });
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
}

export interface PackageOptions extends DeploymentValues {
  manifestDir: string;
  outFile: string;
  registry?: readonly IntentDefinition[];
}

export interface PackageResult {
  outFile: string;
  files: string[];
  warnings: string[];
}

/** Renders, validates and zips the Teams app package; refuses to write a package that would not upload. */
export async function createAppPackage(options: PackageOptions): Promise<PackageResult> {
  const pkg = await renderAppPackage(options.manifestDir, options);
  const problems = await validateAppPackage(pkg, options.registry ?? intents);
  if (problems.length > 0) throw new PackageProblemsError(problems);
  const entries = packageEntries(pkg);
  await writeFile(options.outFile, await zipEntries(entries));
  return { outFile: options.outFile, files: [...entries.keys()], warnings: pkg.warnings };
}
