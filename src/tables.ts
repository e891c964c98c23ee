/**
 * Reads a fixed table by a key that came from outside (a word someone typed, a code a service sent). A plain
 * `table[key]` answers "constructor", "toString" or "__proto__" with Object.prototype's members, so every such
 * lookup goes through here and sees only the table's own entries.
 */
export function lookup<V>(table: Readonly<Record<string, V>>, key: string | number): V | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}
