import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { Logger } from '../logging.js';

/**
 * Secrets at rest (the Skype for Business tokens in stored sign-ins): AES-256-GCM with a key from configuration,
 * each ciphertext carrying the id of its key so keys can be rotated. Node's own crypto does AES-GCM in a few calls;
 * a library would add nothing but a dependency.
 */

const ALGORITHM = 'aes-256-gcm';
const KEY_BYTES = 32;
/** GCM's recommended nonce length; random per seal, so one key is good for far more seals than a bot makes. */
const IV_BYTES = 12;

export const sealedValueSchema = z.object({
  alg: z.literal('A256GCM'),
  kid: z.string().min(1),
  iv: z.string().min(1),
  tag: z.string().min(1),
  data: z.string(),
});

export type SealedValue = z.infer<typeof sealedValueSchema>;

/** A sealed value this bot cannot open: its key is not configured, or the value was altered or moved. */
export class SecretUnreadableError extends Error {
  override readonly name = 'SecretUnreadableError';
}

/** The bytes of a configured key: base64 of exactly 32 bytes. Undefined when the text is not one. */
export function parseEncryptionKey(text: string): Buffer | undefined {
  const trimmed = text.trim();
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(trimmed)) return undefined;
  const key = Buffer.from(trimmed.replaceAll('-', '+').replaceAll('_', '/'), 'base64');
  return key.length === KEY_BYTES ? key : undefined;
}

/** A key's public name: the start of its SHA-256, so a ciphertext says which key it needs without revealing it. */
export function keyId(key: Buffer): string {
  return createHash('sha256').update('meeting-bot storage key').update(key).digest('hex').slice(0, 16);
}

export class SecretBox {
  private readonly keys = new Map<string, Buffer>();
  readonly currentKeyId: string;

  constructor(
    private readonly current: Buffer,
    previous: Buffer[] = [],
  ) {
    this.currentKeyId = keyId(current);
    for (const key of [current, ...previous]) this.keys.set(keyId(key), key);
  }

  /**
   * Encrypts `value` (as JSON) with the current key. `context` (e.g. the record's key) is authenticated with it, so
   * a ciphertext copied into another record does not open there.
   */
  seal(value: unknown, context: string): SealedValue {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv(ALGORITHM, this.current, iv);
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const data = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
    return { alg: 'A256GCM', kid: this.currentKeyId, iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), data: data.toString('base64') };
  }

  /** Decrypts with whichever configured key sealed it; throws SecretUnreadableError when none can. */
  open(sealed: SealedValue, context: string): unknown {
    const key = this.keys.get(sealed.kid);
    if (!key) throw new SecretUnreadableError(`the key ${sealed.kid} that sealed it is not configured (STORAGE_ENCRYPTION_KEY / STORAGE_ENCRYPTION_KEY_PREVIOUS)`);
    try {
      const decipher = createDecipheriv(ALGORITHM, key, Buffer.from(sealed.iv, 'base64'));
      decipher.setAAD(Buffer.from(context, 'utf8'));
      decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
      const text = Buffer.concat([decipher.update(Buffer.from(sealed.data, 'base64')), decipher.final()]).toString('utf8');
      return JSON.parse(text) as unknown;
    } catch {
      throw new SecretUnreadableError('it does not authenticate: altered, or sealed for another record');
    }
  }

  /** Whether a sealed value uses the current key (else the next write re-seals it). */
  isCurrent(sealed: SealedValue): boolean {
    return sealed.kid === this.currentKeyId;
  }
}

export interface EncryptionKeySettings {
  current?: Buffer;
  previous: Buffer[];
}

const LOCAL_KEY_FILE = 'storage.key';

/**
 * The configured key, or for the file store without one, a key made once into `DATA_DIR/storage.key` (owner-only):
 * the sandbox and a single local process work with nothing set. Outside the sandbox that is a warning, since the
 * key then sits beside the data it protects. A shared store (blob) needs the configured key: every instance must
 * read what the others wrote.
 */
export async function loadSecretBox(settings: EncryptionKeySettings, options: { dataDir: string; shared: boolean; sandbox: boolean; logger: Logger }): Promise<SecretBox> {
  if (settings.current) return new SecretBox(settings.current, settings.previous);
  if (options.shared) throw new Error('STORAGE_ENCRYPTION_KEY is required with a shared store (STORAGE=blob)');
  const file = join(options.dataDir, LOCAL_KEY_FILE);
  let key: Buffer | undefined;
  try {
    key = parseEncryptionKey(await readFile(file, 'utf8'));
    if (!key) throw new Error(`${file} does not hold a base64 key of 32 bytes`);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    await mkdir(options.dataDir, { recursive: true, mode: 0o700 });
    key = randomBytes(KEY_BYTES);
    // 'wx': two processes starting at once cannot both make a key (the loser fails its start, the lock would anyway).
    await writeFile(file, `${key.toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
    await chmod(file, 0o600);
    options.logger.info({ file }, 'storage: made an encryption key for stored tokens');
  }
  if (!options.sandbox) {
    options.logger.warn('STORAGE_ENCRYPTION_KEY is not set: stored tokens are encrypted with a key kept in DATA_DIR/storage.key, beside the data; set the variable in production');
  }
  return new SecretBox(key, settings.previous);
}
