/**
 * Every key that appears twice in the same object of a JSON text, as "path.key" (e.g. "component" or "err.code").
 * JSON.parse silently keeps the last value, so a duplicated log field only shows up to a reader that looks for it:
 * this is a minimal recursive-descent reader that does. Hand-written because no JSON parser in the dependency tree
 * reports duplicates, and a log line is small and well-formed (it is also checked with JSON.parse first).
 */
export function duplicateKeys(text: string): string[] {
  JSON.parse(text); // malformed input is an error here, not a silent "no duplicates"
  const duplicates: string[] = [];
  let index = 0;

  const skipSpace = (): void => {
    while (/\s/.test(text[index] ?? '')) index++;
  };
  const readString = (): string => {
    const start = index;
    index++; // opening quote
    while (text[index] !== '"') index += text[index] === '\\' ? 2 : 1;
    index++;
    return JSON.parse(text.slice(start, index)) as string;
  };
  const readValue = (path: string): void => {
    skipSpace();
    const char = text[index];
    if (char === '{') return readObject(path);
    if (char === '[') return readArray(path);
    if (char === '"') {
      readString();
      return;
    }
    while (index < text.length && !/[,\]}\s]/.test(text[index]!)) index++; // number, true, false, null
  };
  const readArray = (path: string): void => {
    index++;
    skipSpace();
    for (let item = 0; text[index] !== ']'; item++) {
      readValue(`${path}[${item}]`);
      skipSpace();
      if (text[index] === ',') index++;
      skipSpace();
    }
    index++;
  };
  const readObject = (path: string): void => {
    index++;
    const seen = new Set<string>();
    skipSpace();
    while (text[index] !== '}') {
      const key = readString();
      const where = path ? `${path}.${key}` : key;
      if (seen.has(key)) duplicates.push(where);
      seen.add(key);
      skipSpace();
      index++; // colon
      readValue(where);
      skipSpace();
      if (text[index] === ',') index++;
      skipSpace();
    }
    index++;
  };

  readValue('');
  return duplicates;
}
