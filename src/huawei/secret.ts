import { inspect } from 'node:util';

/**
 * A credential that came back inside a Huawei payload (meeting passwords, tokens). Wrapping it means a
 * ConferenceInfo can be logged, JSON-encoded or put on a card without leaking the host password: only an
 * explicit `reveal()` yields the text.
 */
export class Secret {
  readonly #value: string;

  constructor(value: string) {
    this.#value = value;
  }

  reveal(): string {
    return this.#value;
  }

  get isEmpty(): boolean {
    return this.#value.length === 0;
  }

  toString(): string {
    return '[Redacted]';
  }

  toJSON(): string {
    return '[Redacted]';
  }

  [inspect.custom](): string {
    return 'Secret([Redacted])';
  }
}
