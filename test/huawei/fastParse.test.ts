import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fastConferencePage } from '../../src/huawei/fastParse.js';
import { Secret } from '../../src/huawei/secret.js';
import { conferenceInfoSchema, pageSchema } from '../../src/huawei/types.js';

/**
 * The hand-written meeting-list validator (src/huawei/fastParse.ts) against the zod schema it twins: on the
 * documented samples and on mutations of them (missing fields, nulls, wrong types, extra keys, huge strings,
 * impossible dates), it accepts exactly what zod accepts and gives the same output, key for key; what it declines
 * and zod accepts (objects that are not plain) still parses, through zod.
 */
const zodPage = pageSchema(conferenceInfoSchema);

function sample(name: string): { body?: unknown } {
  return JSON.parse(readFileSync(new URL(`../../../test/fixtures/huawei/${name}`, import.meta.url), 'utf8')) as { body?: unknown };
}

/** The documented pages, and the documented meeting details' conferenceData as one-meeting pages. */
function documentedPages(): Array<[string, unknown]> {
  const pages: Array<[string, unknown]> = [];
  for (const name of ['online-meetings-list.json', 'scheduled-meetings-list.json', 'seed-online-meetings-en.json']) {
    pages.push([name, sample(name).body]);
  }
  for (const name of ['meeting-detail.json', 'meeting-detail-recurring.json']) {
    const detail = sample(name).body as { conferenceData: unknown };
    pages.push([name, { offset: 0, limit: 1, count: 1, data: [detail.conferenceData] }]);
  }
  return pages;
}

/** Secrets compare by what they hold (deepStrictEqual sees no fields on them). */
function comparable(value: unknown): unknown {
  if (value instanceof Secret) return { secret: value.reveal() };
  if (value instanceof Date) return value;
  if (Array.isArray(value)) return value.map(comparable);
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, comparable(item)]));
  return value;
}

/** Asserts both accept or both refuse, with equal output; returns whether they accepted. */
function agree(input: unknown, label: string): boolean {
  const expected = zodPage.safeParse(input);
  const fast = fastConferencePage(input);
  assert.equal(fast !== undefined, expected.success, `${label}: zod ${expected.success ? 'accepts' : `refuses (${expected.error?.issues[0]?.message})`}, the twin ${fast ? 'accepts' : 'refuses'}`);
  if (fast && expected.success) assert.deepStrictEqual(comparable(fast), comparable(expected.data), label);
  return expected.success;
}

const clone = <T>(value: T): T => structuredClone(value);

/** Values of every JSON type (and a few only JS makes), the edge cases of each reader among them. */
const hostileValues: unknown[] = [
  null, undefined, 0, -1, 1.5, 2 ** 53 + 2, Number.NaN, Number.POSITIVE_INFINITY, '', '   ', 'x', '2024-01-31 08:30', '2024-02-30 08:30',
  '2024-1-1 8:30', 'Voice, ,Video', '914083136', 'x'.repeat(200_000), true, false, [], [1, 'a', null], {}, { unexpected: 1 }, [{}],
];

/** Paths to every object inside a meeting, so each nested schema is mutated too. */
function objectsWithin(value: unknown, path: Array<string | number> = []): Array<Array<string | number>> {
  if (typeof value !== 'object' || value === null) return [];
  const here = Array.isArray(value) ? [] : [path];
  return [...here, ...Object.entries(value).flatMap(([key, item]) => objectsWithin(item, [...path, Array.isArray(value) ? Number(key) : key]))];
}

function at(root: unknown, path: Array<string | number>): Record<string, unknown> {
  return path.reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], root) as Record<string, unknown>;
}

/** The keys a mutation tries on an object: its own, and every field its schema knows (absent ones get added). */
function keysToTry(target: Record<string, unknown>, depth: number): string[] {
  const known = depth === 0 ? Object.keys(conferenceInfoSchema.shape) : [];
  return [...new Set([...Object.keys(target), ...known, 'extraKey'])];
}

describe('the hand-written meeting-list validator', () => {
  for (const [name, page] of documentedPages()) {
    it(`gives zod's output for the documented ${name}`, () => {
      assert.ok(agree(page, name), `${name} is a valid page`);
    });
  }

  it('agrees with zod on every field of every nested object set missing, null, or to a value of each type', function () {
    this.timeout(60_000);
    let accepted = 0;
    let refused = 0;
    for (const [name, page] of documentedPages()) {
      const meeting = (page as { data: unknown[] }).data[0];
      for (const path of objectsWithin(meeting)) {
        for (const key of keysToTry(at(meeting, path), path.length)) {
          const label = `${name} data[0].${[...path, key].join('.')}`;
          const removed = clone(page) as { data: unknown[] };
          delete at(removed.data[0], path)[key];
          agree(removed, `${label} removed`) ? accepted++ : refused++;
          for (const value of hostileValues) {
            const changed = clone(page) as { data: unknown[] };
            at(changed.data[0], path)[key] = value;
            agree(changed, `${label} = ${String(value).slice(0, 40)}`) ? accepted++ : refused++;
          }
        }
      }
    }
    // Both outcomes were exercised in numbers, or the comparison proved little.
    assert.ok(accepted > 500 && refused > 500, `accepted ${accepted}, refused ${refused}`);
  });

  it('agrees on the page around the meetings: counts missing or mistyped, data not a list, holes, extra keys', () => {
    const [, page] = documentedPages()[0]!;
    const base = page as Record<string, unknown>;
    for (const key of ['offset', 'limit', 'count', 'data']) {
      for (const value of [undefined, null, '1', 1.5, {}, [], [null], [1]]) agree({ ...clone(base), [key]: value }, `page.${key} = ${JSON.stringify(value)}`);
    }
    agree({ ...clone(base), extra: { deep: ['x'] } }, 'extra page key');
    // eslint-disable-next-line no-sparse-arrays
    agree({ ...clone(base), data: [, (base['data'] as unknown[])[0]] }, 'a hole in data');
    for (const value of [null, undefined, 'page', 42, [], [base]]) agree(value, `page = ${JSON.stringify(value)}`);
  });

  it('agrees on hostile JSON: a __proto__ key, a meeting of many unknown keys, a huge subject', () => {
    const [, page] = documentedPages()[0]!;
    const meeting = (page as { data: Array<Record<string, unknown>> }).data[0]!;
    const text = JSON.stringify(page);
    agree(JSON.parse(text.replace('{"offset"', '{"__proto__":{"polluted":true},"offset"')), '__proto__ on the page');
    const crowded = { ...clone(meeting), ...Object.fromEntries(Array.from({ length: 2000 }, (_, index) => [`k${index}`, index])) };
    agree({ offset: 0, limit: 1, count: 1, data: [crowded] }, 'two thousand unknown keys');
    agree({ offset: 0, limit: 1, count: 1, data: [{ ...clone(meeting), subject: '会'.repeat(1_000_000) }] }, 'a million-character subject');
    assert.equal(({} as { polluted?: unknown }).polluted, undefined, 'nothing polluted');
  });

  it('agrees under random mutations (seeded), several at once', () => {
    let seed = 12;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const pages = documentedPages();
    for (let round = 0; round < 600; round += 1) {
      const [name, page] = pages[Math.floor(random() * pages.length)]!;
      const mutated = clone(page) as { data: unknown[] };
      const paths = objectsWithin(mutated.data[0]);
      for (let change = 0; change < 1 + Math.floor(random() * 3); change += 1) {
        const path = paths[Math.floor(random() * paths.length)]!;
        const target = at(mutated.data[0], path);
        const keys = keysToTry(target, path.length);
        target[keys[Math.floor(random() * keys.length)]!] = hostileValues[Math.floor(random() * hostileValues.length)];
      }
      agree(mutated, `${name} round ${round}`);
    }
  });

  it('declines what is not plain JSON, and zod still decides it', () => {
    const [, page] = documentedPages()[0]!;
    class Meeting {
      constructor(fields: object) {
        Object.assign(this, fields);
      }
    }
    const instance = { ...clone(page as object), data: [new Meeting((page as { data: object[] }).data[0]!)] };
    assert.equal(fastConferencePage(instance), undefined, 'a class instance goes to zod');
    assert.ok(zodPage.safeParse(instance).success, 'which accepts it: the caller falls back and gets the page');
  });
});
