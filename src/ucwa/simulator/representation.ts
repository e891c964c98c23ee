import { XMLBuilder, XMLParser } from 'fast-xml-parser';
import type { ErrorBody, Link, PropertyValue, Resource, UcwaEvent } from './model.js';

/** Two serializers of the one resource model, following the UCWA "Payload Format" JSON <-> XML mapping. */
export const UCWA_NAMESPACE = 'http://schemas.microsoft.com/rtc/2012/03/ucwa';

export type Format = 'json' | 'xml';

type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
type JsonObject = { [key: string]: JsonValue };

function jsonProperty(value: PropertyValue): JsonValue {
  if (value instanceof Date) return `/Date(${value.getTime()})/`;
  return value;
}

function jsonLink(link: Link): JsonObject {
  return link.title === undefined ? { href: link.href } : { href: link.href, title: link.title };
}

export function resourceToJson(res: Resource): JsonObject {
  const body: JsonObject = { rel: res.rel };
  for (const [name, value] of res.properties) body[name] = jsonProperty(value);
  const links: JsonObject = { self: { href: res.href } };
  for (const [rel, link] of res.links) links[rel] = Array.isArray(link) ? link.map(jsonLink) : jsonLink(link);
  body._links = links;
  if (res.embedded.length > 0) {
    const embedded: JsonObject = {};
    for (const [rel, value] of res.embedded) {
      embedded[rel] = Array.isArray(value) ? value.map(resourceToJson) : resourceToJson(value);
    }
    body._embedded = embedded;
  }
  return body;
}

// fast-xml-parser "preserveOrder" nodes: element order matters in the documented XML (links, then properties).
type XmlNode = { [tag: string]: XmlNode[] | string } & { ':@'?: Record<string, string> };

function element(tag: string, attributes: Record<string, string | undefined>, children: XmlNode[] = []): XmlNode {
  const attrs: Record<string, string> = {};
  for (const [name, value] of Object.entries(attributes)) if (value !== undefined) attrs[`@_${name}`] = value;
  const node: XmlNode = { [tag]: children } as XmlNode;
  if (Object.keys(attrs).length > 0) node[':@'] = attrs;
  return node;
}

function text(value: string): XmlNode {
  return { '#text': value } as XmlNode;
}

function xmlScalar(value: string | number | boolean | Date): string {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  return String(value);
}

function xmlLinks(rel: string, link: Link | Link[]): XmlNode[] {
  const all = Array.isArray(link) ? link : [link];
  return all.map((l) => element('link', { rel, href: l.href, title: l.title }));
}

function resourceNode(res: Resource, namespace?: string): XmlNode {
  const children: XmlNode[] = [];
  for (const [rel, link] of res.links) children.push(...xmlLinks(rel, link));
  children.push(element('property', { name: 'rel' }, [text(res.rel)]));
  for (const [name, value] of res.properties) {
    if (Array.isArray(value)) {
      children.push(element('propertyList', { name }, value.map((item) => element('item', {}, [text(item)]))));
    } else {
      children.push(element('property', { name }, [text(xmlScalar(value))]));
    }
  }
  for (const [, value] of res.embedded) {
    for (const inner of Array.isArray(value) ? value : [value]) children.push(resourceNode(inner));
  }
  return element('resource', { rel: res.rel, href: res.href, xmlns: namespace }, children);
}

const builder = new XMLBuilder({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  format: true,
  suppressEmptyNode: true,
});

function xmlDocument(root: XmlNode): string {
  const declaration = { '?xml': [text('')], ':@': { '@_version': '1.0', '@_encoding': 'utf-8' } } as unknown as XmlNode;
  return builder.build([declaration, root]) as string;
}

export function resourceToXml(res: Resource): string {
  return xmlDocument(resourceNode(res, UCWA_NAMESPACE));
}

export function errorToXml(error: ErrorBody): string {
  const children: XmlNode[] = [element('code', {}, [text(error.code)])];
  if (error.subcode) children.push(element('subcode', {}, [text(error.subcode)]));
  children.push(element('message', {}, [text(error.message)]));
  const bag = (name: string, values?: Record<string, string>): XmlNode =>
    element(name, {}, Object.entries(values ?? {}).map(([key, value]) => element('property', { name: key }, [text(value)])));
  children.push(bag('debugInfo', error.debugInfo), bag('parameters', error.parameters));
  return xmlDocument(
    element(
      'reason',
      {
        'xmlns:xsd': 'http://www.w3.org/2001/XMLSchema',
        'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
        xmlns: UCWA_NAMESPACE,
      },
      children,
    ),
  );
}

export interface EventsPage {
  self: string;
  /** Exactly one of next / resume / resync is set (Event channel details). */
  next?: string;
  resume?: string;
  resync?: string;
  events: UcwaEvent[];
}

/** Consecutive events of the same sender share a block; a sender may repeat because order is kept. */
function senderBlocks(events: UcwaEvent[]): Array<{ rel: string; href: string; events: UcwaEvent[] }> {
  const blocks: Array<{ rel: string; href: string; events: UcwaEvent[] }> = [];
  for (const event of events) {
    const last = blocks.at(-1);
    if (last && last.rel === event.sender.rel && last.href === event.sender.href) last.events.push(event);
    else blocks.push({ rel: event.sender.rel, href: event.sender.href, events: [event] });
  }
  return blocks;
}

function pageLinks(page: EventsPage): Array<[string, string]> {
  const links: Array<[string, string]> = [];
  if (page.next) links.push(['next', page.next]);
  if (page.resume) links.push(['resume', page.resume]);
  if (page.resync) links.push(['resync', page.resync]);
  return links;
}

function eventToJson(event: UcwaEvent): JsonObject {
  const link: JsonObject = { rel: event.link.rel, href: event.link.href };
  if (event.link.title !== undefined) link.title = event.link.title;
  const body: JsonObject = { link };
  if (event.in) body.in = { rel: event.in.rel, href: event.in.href };
  if (event.status) body.status = event.status;
  if (event.reason) body.reason = { ...event.reason } as JsonObject;
  if (event.embedded) body._embedded = { [event.link.rel]: resourceToJson(event.embedded) };
  body.type = event.type;
  return body;
}

export function eventsToJson(page: EventsPage): JsonObject {
  const links: JsonObject = { self: { href: page.self } };
  for (const [rel, href] of pageLinks(page)) links[rel] = { href };
  const body: JsonObject = { _links: links };
  if (page.events.length > 0) {
    body.sender = senderBlocks(page.events).map((block) => ({
      rel: block.rel,
      href: block.href,
      events: block.events.map(eventToJson),
    }));
  }
  return body;
}

function eventNode(event: UcwaEvent): XmlNode {
  const children: XmlNode[] = [];
  // The docs never show `in` in XML; a nested <in rel href/> mirrors the JSON object (our choice).
  if (event.in) children.push(element('in', { rel: event.in.rel, href: event.in.href }));
  if (event.reason) {
    children.push(
      element('reason', {}, [
        element('code', {}, [text(event.reason.code)]),
        ...(event.reason.subcode ? [element('subcode', {}, [text(event.reason.subcode)])] : []),
        element('message', {}, [text(event.reason.message)]),
      ]),
    );
  }
  if (event.embedded) children.push(resourceNode(event.embedded));
  return element(
    event.type,
    { rel: event.link.rel, href: event.link.href, title: event.link.title, status: event.status },
    children,
  );
}

export function eventsToXml(page: EventsPage): string {
  const children: XmlNode[] = pageLinks(page).map(([rel, href]) => element('link', { rel, href }));
  for (const block of senderBlocks(page.events)) {
    children.push(element('sender', { rel: block.rel, href: block.href }, block.events.map(eventNode)));
  }
  return xmlDocument(element('events', { href: page.self, xmlns: UCWA_NAMESPACE }, children));
}

/** Input fields of a POST/PUT body; `_links`/`_embedded` are ignored as the docs require. */
export type InputFields = Record<string, string | string[] | number | boolean | null>;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  trimValues: true,
  isArray: (name) => ['property', 'propertyList', 'item'].includes(name),
});

export class InputError extends Error {}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function parseJsonInput(raw: string): InputFields {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new InputError('The request body is not valid JSON.');
  }
  if (!isRecord(parsed)) throw new InputError('The request body must be a JSON object.');
  const fields: InputFields = {};
  for (const [name, value] of Object.entries(parsed)) {
    if (name === '_links' || name === '_embedded') continue;
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value === null) {
      fields[name] = value;
    } else if (Array.isArray(value) && value.every((item) => typeof item === 'string')) {
      fields[name] = value as string[];
    } else {
      throw new InputError(`The property "${name}" has an unsupported value.`);
    }
  }
  return fields;
}

function textOf(node: unknown): string {
  if (typeof node === 'string') return node;
  if (isRecord(node) && typeof node['#text'] === 'string') return node['#text'];
  return '';
}

export function parseXmlInput(raw: string): InputFields {
  let parsed: unknown;
  try {
    parsed = parser.parse(raw, true);
  } catch {
    throw new InputError('The request body is not well-formed XML.');
  }
  if (!isRecord(parsed)) throw new InputError('The request body is not well-formed XML.');
  const root = parsed.input ?? parsed.resource;
  if (!isRecord(root)) throw new InputError('The XML body must be an <input> or <resource> element.');
  const fields: InputFields = {};
  for (const property of Array.isArray(root.property) ? root.property : []) {
    if (!isRecord(property) || typeof property['@_name'] !== 'string') continue;
    if (property['@_name'] === 'rel') continue;
    fields[property['@_name']] = textOf(property);
  }
  for (const list of Array.isArray(root.propertyList) ? root.propertyList : []) {
    if (!isRecord(list) || typeof list['@_name'] !== 'string') continue;
    fields[list['@_name']] = (Array.isArray(list.item) ? list.item : []).map(textOf);
  }
  return fields;
}
