import { pino, type Logger, type DestinationStream, type LoggerOptions } from 'pino';

export type { Logger } from 'pino';

/**
 * Secrets travel in headers, form fields and tokens embedded in text. Paths catch the structured ones;
 * `scrubSecrets` catches the ones that hide inside strings (a `cwt=` web ticket in a URL, a bearer token
 * in an error message), so both run on every line.
 */
const redactedPaths = [
  'authorization',
  'Authorization',
  '*.authorization',
  '*.Authorization',
  '*.headers.authorization',
  '*.headers.Authorization',
  '*.headers["x-access-token"]',
  '*.headers["X-Access-Token"]',
  '*["x-access-token"]',
  '*["X-Access-Token"]',
  'password',
  '*.password',
  'appKey',
  '*.appKey',
  'appPassword',
  '*.appPassword',
  'MicrosoftAppPassword',
  'accessToken',
  '*.accessToken',
  'access_token',
  '*.access_token',
  'refreshToken',
  '*.refreshToken',
  'token',
  '*.token',
  'secret',
  '*.secret',
  'clientSecret',
  '*.clientSecret',
];

const secretPatterns: Array<[RegExp, string]> = [
  [/cwt=[^&\s"']+/gi, 'cwt=[Redacted]'],
  [/\b(Bearer|Basic|HMAC-SHA256)\s+[A-Za-z0-9._~+/=:,\-]+/g, '$1 [Redacted]'],
  [/(password|access_token|accessToken|appKey|client_secret|signature)=([^&\s"']+)/gi, '$1=[Redacted]'],
  [/("(?:password|access_token|accessToken|appKey|token|secret|clientSecret)"\s*:\s*)"[^"]*"/gi, '$1"[Redacted]"'],
];

/**
 * What every secret pattern above needs somewhere in the text: "=" (cwt=, password=…), a double quote (a JSON field)
 * or one of the case-sensitive scheme words. Most log strings (messages, ids, intents) have none, and running four
 * replaces on each was a share of every logged line's cost, so those strings are returned as they are.
 */
const mayHoldSecret = /[="]|Bearer|Basic|HMAC-SHA256/;

/** Removes secrets that appear inside free text; used by the logger and by anything that echoes errors. */
export function scrubSecrets(text: string): string {
  if (!mayHoldSecret.test(text)) return text;
  return scrubAll(text);
}

/** Exported for the test that holds the shortcut above equal to it. */
export function scrubAll(text: string): string {
  let scrubbed = text;
  for (const [pattern, replacement] of secretPatterns) scrubbed = scrubbed.replace(pattern, replacement);
  return scrubbed;
}

export interface LoggerSettings {
  level: string;
  /** Pretty-print only for a person at a terminal; machines get JSON lines. */
  pretty?: boolean;
  destination?: DestinationStream;
  name?: string;
}

export function createLogger(settings: LoggerSettings): Logger {
  const options: LoggerOptions = {
    level: settings.level,
    name: settings.name,
    redact: { paths: redactedPaths, censor: '[Redacted]' },
    formatters: {
      log: (object) => scrubObject(object) as Record<string, unknown>,
    },
    hooks: {
      logMethod(args, method) {
        const scrubbedArgs = args.map((arg) => (typeof arg === 'string' ? scrubSecrets(arg) : arg));
        method.apply(this, scrubbedArgs as Parameters<typeof method>);
      },
    },
    serializers: { err: serializeError },
    onChild: keepInnermostBindings,
  };
  if (settings.destination) return pino(options, settings.destination);
  if (settings.pretty) {
    return pino({ ...options, transport: { target: 'pino-pretty', options: { colorize: true } } });
  }
  return pino(options);
}

/**
 * pino appends a child's bindings to its parent's as text, so a component logger made inside another ("lobby-alerts"
 * → "lobby-outbox") would write "component" twice in every JSON line. Keep each key once, with the innermost value:
 * what JSON.parse would have kept anyway, now without relying on a reader to pick the last one.
 */
function keepInnermostBindings(child: Logger): void {
  const internals = child as unknown as Record<symbol, unknown>;
  const chindings = internals[pino.symbols.chindingsSym];
  if (typeof chindings !== 'string' || chindings === '' || !namesAKeyTwice(chindings)) return;
  const once = `,${JSON.stringify(JSON.parse(`{${chindings.slice(1)}}`)).slice(1, -1)}`;
  if (once !== chindings) internals[pino.symbols.chindingsSym] = once;
}

/**
 * Whether a bindings text (`,"a":1,"b":{…}`) may name a key twice: a scan for `"name":` after a comma or brace,
 * instead of parsing and writing it again for every child (every turn makes one). A quote inside a string value is
 * always escaped, so every top-level key is found; keys of nested objects are found too, which at worst sends a
 * text through the full rewrite for nothing.
 */
const keyPattern = /[{,]"((?:[^"\\]|\\.)*)":/g;
function namesAKeyTwice(bindings: string): boolean {
  const seen = new Set<string>();
  for (const match of bindings.matchAll(keyPattern)) {
    if (seen.has(match[1]!)) return true;
    seen.add(match[1]!);
  }
  return false;
}

function serializeError(error: unknown): unknown {
  return scrubObject(error);
}

/** Long enough for a stack trace; short enough that one error's response body cannot flood the log. */
const maxLoggedStringLength = 8_192;

/**
 * Copies a log object with secrets removed from every string. Errors are serialized first: their message, stack
 * and cause are not enumerable, so copying an Error's entries would log `{}`. pino runs this formatter before its
 * own `err` serializer, which is why Errors are handled here and under any key.
 */
function scrubObject(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return scrubSecrets(clipForLog(value));
  if (depth > 6 || value === null || typeof value !== 'object') return value;
  if (value instanceof Error) return scrubObject(pino.stdSerializers.errWithCause(value), depth + 1);
  if (Array.isArray(value)) return value.map((item) => scrubObject(item, depth + 1));
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) copy[key] = scrubObject(item, depth + 1);
  return copy;
}

function clipForLog(text: string): string {
  return text.length <= maxLoggedStringLength ? text : `${text.slice(0, maxLoggedStringLength)}… [${text.length - maxLoggedStringLength} more characters]`;
}
