import { readFileSync } from 'node:fs';
import { XMLParser } from 'fast-xml-parser';
import { startUcwaSimulator, type UcwaSimulator, type UcwaSimulatorOptions } from '../../src/ucwa/simulator/index.js';

/** Test client for the simulator built on fetch only: the simulator is tested as a black box over HTTP. */
export type Json = Record<string, unknown>;

export async function startSim(options: UcwaSimulatorOptions = {}): Promise<UcwaSimulator> {
  return startUcwaSimulator({ minEventTimeoutSeconds: 0.05, ...options });
}

export function fixture(name: string): Json {
  const url = new URL(`../../../test/fixtures/ucwa/${name}`, import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')) as Json;
}

export function fixtureBody(name: string): Json {
  return fixture(name).body as Json;
}

export function fixtureXml(name: string): string {
  return fixture(name).xml as string;
}

export function obj(value: unknown): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error(`not an object: ${JSON.stringify(value)}`);
  return value as Json;
}

export function href(resource: unknown, rel: string): string {
  const link = obj(obj(obj(resource)._links)[rel]);
  return link.href as string;
}

export async function signIn(sim: UcwaSimulator, username: string, password: string): Promise<string> {
  const response = await fetch(`${sim.origin}/WebTicket/oauthtoken`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded;charset=UTF-8' },
    body: new URLSearchParams({ grant_type: 'password', username, password }).toString(),
  });
  if (response.status !== 200) throw new Error(`sign-in failed: ${response.status}`);
  return (obj(await response.json()).access_token as string);
}

export class Session {
  constructor(
    readonly sim: UcwaSimulator,
    readonly token: string,
    readonly app: Json,
  ) {}

  get appId(): string {
    return (this.app.id as string);
  }

  embedded(rel: string): Json {
    return obj(obj(this.app._embedded)[rel]);
  }

  url(path: string): string {
    return new URL(path, this.sim.origin).toString();
  }

  async request(method: string, path: string, init: { body?: unknown; headers?: Record<string, string> } = {}): Promise<Response> {
    const headers: Record<string, string> = { authorization: `Bearer ${this.token}`, accept: 'application/json', ...init.headers };
    let body: string | undefined;
    if (init.body !== undefined) {
      body = typeof init.body === 'string' ? init.body : JSON.stringify(init.body);
      headers['content-type'] ??= 'application/json';
    }
    return fetch(this.url(path), { method, headers, body });
  }

  async get(path: string, headers: Record<string, string> = {}): Promise<Json> {
    const response = await this.request('GET', path, { headers });
    if (response.status !== 200) throw new Error(`GET ${path} -> ${response.status} ${await response.text()}`);
    return obj(await response.json());
  }

  /** Reads the next event page and returns it with every event flattened (sender attached). */
  async events(path: string): Promise<{ page: Json; events: Array<Json & { sender: string }> }> {
    const page = await this.get(path);
    const senders = (page.sender as Json[] | undefined) ?? [];
    const events = senders.flatMap((sender) => (sender.events as Json[]).map((event) => ({ ...event, sender: sender.rel as string })));
    return { page, events };
  }

  /** Follows the channel until `predicate` has seen what it needs; returns the next href to use. */
  async drain(start: string, until: (events: Array<Json & { sender: string }>) => boolean): Promise<{ next: string; seen: Array<Json & { sender: string }> }> {
    let next = start;
    const seen: Array<Json & { sender: string }> = [];
    for (let round = 0; round < 20; round += 1) {
      const { page, events } = await this.events(next.includes('timeout=') ? next : `${next}&timeout=0.2`);
      seen.push(...events);
      next = href(page, 'next');
      if (until(seen)) return { next, seen };
    }
    throw new Error(`events never matched; saw ${JSON.stringify(seen.map((e) => [e.sender, obj(e.link).rel, e.type]))}`);
  }
}

export async function openSession(sim: UcwaSimulator, username: string, password: string, endpointId = 'test-endpoint'): Promise<Session> {
  const token = await signIn(sim, username, password);
  const response = await fetch(`${sim.origin}/ucwa/oauth/v1/applications`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, accept: 'application/json', 'content-type': 'application/json' },
    body: JSON.stringify({ userAgent: 'sim-test/1.0', endpointId, culture: 'en-US' }),
  });
  if (response.status !== 201) throw new Error(`create application failed: ${response.status} ${await response.text()}`);
  return new Session(sim, token, obj(await response.json()));
}

export const ALICE = ['alice@contoso.com', 'Alice-Pass-1'] as const;
export const BOB = ['bob@contoso.com', 'Bob-Pass-1'] as const;
export const CAROL = ['carol@contoso.com', 'Carol-Pass-1'] as const;

/** UCWA XML, read as: root element name, its attributes, link rels, property names, nested resource rels. */
export interface XmlOutline {
  root: string;
  attributes: Record<string, string>;
  links: string[];
  properties: string[];
  resources: string[];
}

const outlineParser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => ['link', 'property', 'propertyList', 'resource'].includes(name) });

export function xmlOutline(xml: string): XmlOutline {
  const parsed = outlineParser.parse(xml) as Json;
  const root = Object.keys(parsed).find((key) => key !== '?xml') ?? '';
  const top = parsed[root];
  const element = obj(Array.isArray(top) ? top[0] : top);
  const names = (key: string, attr: string) => ((element[key] as Json[] | undefined) ?? []).map((item) => item[attr] as string);
  const attributes: Record<string, string> = {};
  for (const [key, value] of Object.entries(element)) if (typeof value === 'string') attributes[key] = value;
  return {
    root,
    attributes,
    links: names('link', 'rel').sort(),
    properties: [...names('property', 'name'), ...names('propertyList', 'name')].sort(),
    resources: names('resource', 'rel').sort(),
  };
}

export function linkRels(resource: Json): string[] {
  return Object.keys(obj(resource._links)).sort();
}

export function propertyNames(resource: Json): string[] {
  return Object.keys(resource).filter((key) => key !== '_links' && key !== '_embedded').sort();
}
