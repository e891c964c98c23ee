/** Input checks and eTag rules shared by every store, so the file and blob stores cannot drift apart. */

export function isConditional(eTag: unknown): eTag is string {
  return typeof eTag === 'string' && eTag !== '' && eTag !== '*';
}

export function assertKeys(keys: unknown, operation: string): asserts keys is string[] {
  if (!Array.isArray(keys)) throw new TypeError(`Storage ${operation}: keys must be an array of strings.`);
  for (const key of keys) assertKey(key, operation);
}

function assertKey(key: unknown, operation: string): asserts key is string {
  if (typeof key !== 'string' || key.length === 0) {
    throw new TypeError(`Storage ${operation}: every key must be a non-empty string.`);
  }
}

/** One key of a write call, serialized when the call is made. */
export interface Change {
  key: string;
  eTag: string | undefined;
  itemJson: string;
}

/**
 * Checks the whole batch before touching the disk, so bad input never leaves a half-applied write, and
 * snapshots each item as JSON so a caller mutating its object while the write waits in line changes nothing.
 */
export function validateChanges(changes: unknown): Change[] {
  if (typeof changes !== 'object' || changes === null || Array.isArray(changes)) {
    throw new TypeError('Storage write: changes must be an object mapping keys to items.');
  }
  return Object.entries(changes).map(([key, item]) => {
    assertKey(key, 'write');
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      throw new TypeError(`Storage write: the item for "${key}" must be an object.`);
    }
    const { eTag, ...content } = item as Record<string, unknown>;
    if (eTag !== undefined && typeof eTag !== 'string') {
      throw new TypeError(`Storage write: the eTag of "${key}" must be a string when present.`);
    }
    return { key, eTag, itemJson: serializeItem(key, content) };
  });
}

function serializeItem(key: string, content: Record<string, unknown>): string {
  let json: string | undefined;
  try {
    json = JSON.stringify(content);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new TypeError(`Storage write: the item for "${key}" cannot be saved as JSON (${reason}).`);
  }
  // An own toJSON can turn the item into a non-object, which could never be read back as a StoreItem.
  if (!json?.startsWith('{')) throw new TypeError(`Storage write: the item for "${key}" does not serialize to a JSON object.`);
  return json;
}

