import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** The documented samples, copied verbatim from the reference set into test/fixtures/ucwa. */
export interface Sample {
  file: string;
  kind: 'request' | 'response' | 'event' | 'error' | 'header';
  format: 'json' | 'xml' | 'form' | 'text' | 'html' | 'none';
  url?: string | null;
  status?: number | null;
  body?: unknown;
  body_repaired?: unknown;
  xml?: string | null;
  raw?: string | null;
  response_headers?: Array<[string, string]> | null;
}

// Compiled tests run from dist/test/ucwa; the fixtures stay in the source tree.
export const fixturesDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../test/fixtures/ucwa');

export function loadSamples(): Sample[] {
  return readdirSync(fixturesDir)
    .filter((name) => name.endsWith('.json') && !name.startsWith('_'))
    .sort()
    .map((file) => ({ ...(JSON.parse(readFileSync(path.join(fixturesDir, file), 'utf8')) as Omit<Sample, 'file'>), file }));
}

export function sample(file: string): Sample {
  return { ...(JSON.parse(readFileSync(path.join(fixturesDir, file), 'utf8')) as Omit<Sample, 'file'>), file };
}

/** Sample URLs are sometimes bare paths; resolve them against the documented front end. */
export function baseUrlOf(item: Sample): string {
  return new URL(item.url ?? '/', 'https://fe1.contoso.com:443/').toString();
}
