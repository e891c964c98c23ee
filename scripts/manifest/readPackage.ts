import { readFile } from 'node:fs/promises';
import JSZip from 'jszip';
import { z } from 'zod';
import { MANIFEST_FILE, manifestShape, type AppPackage, type JsonObject } from './build.js';

const jsonObject = z.record(z.unknown());

/** A zip as Teams reads it: the package's contents, and what is wrong with the zip itself (not its manifest). */
export interface ZippedPackage {
  pkg: AppPackage;
  /** Problems of the container: unreadable entries, folders, files the manifest does not name, leftover placeholders. */
  problems: string[];
}

/** The zip cannot be read at all: missing, not a zip, or without a manifest.json at its root. */
export class UnreadablePackageError extends Error {
  override readonly name = 'UnreadablePackageError';
}

/**
 * Reads a built `appPackage.zip` back into an {@link AppPackage}, so the exact bytes that will be uploaded go
 * through the same validation as the templates they came from.
 */
export async function readAppPackageZip(file: string): Promise<ZippedPackage> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(await readFile(file));
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'does not exist' : 'is not a readable zip file';
    throw new UnreadablePackageError(`${file} ${reason}`);
  }
  const problems: string[] = [];
  const manifest = await readJsonEntry(zip, MANIFEST_FILE, problems);
  if (!manifest) throw new UnreadablePackageError(`${file}: ${problems.join('; ') || `no ${MANIFEST_FILE} at the root`}`);

  const shape = manifestShape.safeParse(manifest);
  const named = new Set<string>([MANIFEST_FILE]);
  const localizations = new Map<string, JsonObject>();
  const icons = new Map<string, Buffer>();
  if (shape.success) {
    for (const language of shape.data.localizationInfo?.additionalLanguages ?? []) {
      named.add(language.file);
      if (!zip.file(language.file)) continue; // validation reports the missing file, with the manifest's other checks
      const content = await readJsonEntry(zip, language.file, problems);
      if (content) localizations.set(language.file, content);
    }
    for (const name of [shape.data.icons.color, shape.data.icons.outline]) {
      named.add(name);
      const entry = zip.file(name);
      if (entry) icons.set(name, await entry.async('nodebuffer'));
    }
  }
  for (const [name, entry] of Object.entries(zip.files)) {
    if (entry.dir || name.includes('/')) problems.push(`${name}: Teams reads the package flat; every file must sit at the zip's root`);
    else if (!named.has(name)) problems.push(`${name}: not named by ${MANIFEST_FILE}; remove it from the package`);
  }
  for (const [name, content] of [[MANIFEST_FILE, manifest] as const, ...localizations]) {
    if (JSON.stringify(content).includes('${{')) problems.push(`${name}: still holds a \${{…}} placeholder; build the zip with npm run package`);
  }
  return { pkg: { manifest, localizations, icons, warnings: [] }, problems };
}

async function readJsonEntry(zip: JSZip, name: string, problems: string[]): Promise<JsonObject | undefined> {
  const entry = zip.file(name);
  if (!entry) {
    problems.push(`${name}: missing from the package`);
    return undefined;
  }
  try {
    const parsed = jsonObject.safeParse(JSON.parse(await entry.async('string')));
    if (parsed.success) return parsed.data;
    problems.push(`${name}: expected a JSON object`);
  } catch (error) {
    problems.push(`${name}: not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  return undefined;
}
