import { buildXml, childrenNamed, UCWA_NAMESPACE, type XmlElement } from './xml.js';

/**
 * One model for UCWA's two representations (JSON with `_links`/`_embedded`, XML with link/property/propertyList
 * and nested resources), in the spirit of evert/ketting's State: a resource is its properties plus links by rel
 * plus embedded resources by rel. Every href in the model is absolute, resolved against the URL it came from.
 */
export type UcwaValue = string | number | boolean | null | UcwaValue[] | { [key: string]: UcwaValue };

export interface UcwaLink {
  rel: string;
  href: string;
  title?: string;
  /** Resource revision advertised by the link; absent means 1. */
  revision?: number;
}

export interface UcwaResource {
  rel: string;
  /** Absolute self href: the resource's identity, even when it cannot be fetched. */
  href: string;
  /** Every property as sent, unknown ones included (a PUT must send them all back). */
  properties: Record<string, UcwaValue>;
  /** Links other than self, by rel. A rel that can repeat is an array; single rels are one-element arrays. */
  links: Record<string, UcwaLink[]>;
  embedded: Record<string, UcwaResource[]>;
  /** Entity tag to send as If-Match, from the ETag header or the `etag` property. */
  etag?: string;
  /** Which representation the resource was read from; PUTs go back in the same one. */
  format: UcwaFormat;
}

export type UcwaFormat = 'json' | 'xml';

/** Raised when a body is not a UCWA representation; the transport turns it into a UcwaError. */
export class RepresentationError extends Error {
  override readonly name = 'RepresentationError';
}

// ---------------------------------------------------------------------------------------------- JSON

export function resourceFromJson(value: unknown, baseUrl: string, fallbackRel = ''): UcwaResource {
  if (!isRecord(value)) throw new RepresentationError('expected a JSON object for a UCWA resource');
  const linksObject = isRecord(value._links) ? value._links : {};
  const selfHref = hrefOf(linksObject.self);
  const href = selfHref ? resolveHref(selfHref, baseUrl) : baseUrl;
  const properties: Record<string, UcwaValue> = {};
  for (const [key, item] of Object.entries(value)) {
    if (key === 'rel' || key === '_links' || key === '_embedded') continue;
    properties[key] = toUcwaValue(item);
  }
  return {
    rel: typeof value.rel === 'string' ? value.rel : fallbackRel,
    href,
    properties,
    links: jsonLinks(linksObject, href),
    embedded: jsonEmbedded(value._embedded, href),
    etag: typeof properties.etag === 'string' ? properties.etag : undefined,
    format: 'json',
  };
}

export function jsonLinks(linksObject: Record<string, unknown>, baseUrl: string): Record<string, UcwaLink[]> {
  const links: Record<string, UcwaLink[]> = {};
  for (const [rel, entry] of Object.entries(linksObject)) {
    if (rel === 'self') continue;
    const entries = Array.isArray(entry) ? entry : [entry];
    const parsed = entries.map((item) => jsonLink(rel, item, baseUrl)).filter((link): link is UcwaLink => link !== undefined);
    if (parsed.length > 0) links[rel] = parsed;
  }
  return links;
}

export function jsonLink(rel: string, entry: unknown, baseUrl: string): UcwaLink | undefined {
  if (!isRecord(entry) || typeof entry.href !== 'string') return undefined;
  return makeLink(typeof entry.rel === 'string' ? entry.rel : rel, entry.href, baseUrl, entry.title, entry.revision);
}

function jsonEmbedded(value: unknown, baseUrl: string): Record<string, UcwaResource[]> {
  const embedded: Record<string, UcwaResource[]> = {};
  if (!isRecord(value)) return embedded;
  for (const [rel, entry] of Object.entries(value)) {
    const entries = Array.isArray(entry) ? entry : [entry];
    embedded[rel] = entries.filter(isRecord).map((item) => resourceFromJson(item, baseUrl, rel));
  }
  return embedded;
}

function toUcwaValue(value: unknown): UcwaValue {
  if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (Array.isArray(value)) return value.map(toUcwaValue);
  if (isRecord(value)) {
    const copy: Record<string, UcwaValue> = {};
    for (const [key, item] of Object.entries(value)) copy[key] = toUcwaValue(item);
    return copy;
  }
  return null;
}

// ----------------------------------------------------------------------------------------------- XML

export function resourceFromXml(element: XmlElement, baseUrl: string): UcwaResource {
  if (element.name !== 'resource') throw new RepresentationError(`expected a <resource> element, got <${element.name}>`);
  const namespace = element.attributes.xmlns;
  if (namespace !== undefined && namespace !== UCWA_NAMESPACE) {
    throw new RepresentationError(`unexpected XML namespace ${namespace}`);
  }
  const href = element.attributes.href ? resolveHref(element.attributes.href, baseUrl) : baseUrl;
  const properties = xmlProperties(element);
  const links: Record<string, UcwaLink[]> = {};
  for (const child of childrenNamed(element, 'link')) {
    const { rel, href: linkHref } = child.attributes;
    if (!rel || !linkHref || rel === 'self') continue;
    (links[rel] ??= []).push(makeLink(rel, linkHref, href, child.attributes.title, child.attributes.revision));
  }
  const embedded: Record<string, UcwaResource[]> = {};
  for (const child of childrenNamed(element, 'resource')) {
    const nested = resourceFromXml(child, href);
    (embedded[nested.rel] ??= []).push(nested);
  }
  return {
    rel: element.attributes.rel ?? (typeof properties.rel === 'string' ? properties.rel : ''),
    href,
    properties: withoutRel(properties),
    links,
    embedded,
    etag: typeof properties.etag === 'string' ? properties.etag : undefined,
    format: 'xml',
  };
}

/** property → string, propertyList → string[]; XML carries no types, views convert (see values.ts). */
export function xmlProperties(element: XmlElement): Record<string, UcwaValue> {
  const properties: Record<string, UcwaValue> = {};
  for (const child of element.children) {
    const name = child.attributes.name;
    if (!name) continue;
    if (child.name === 'property') properties[name] = child.text;
    else if (child.name === 'propertyList') properties[name] = childrenNamed(child, 'item').map((item) => item.text);
  }
  return properties;
}

function withoutRel(properties: Record<string, UcwaValue>): Record<string, UcwaValue> {
  const { rel: _rel, ...rest } = properties;
  void _rel;
  return rest;
}

// ----------------------------------------------------------------------------------------- serializing

/** A request body: JSON object, or an XML <input>/<resource> document with the same fields. */
export function serializeInput(fields: Record<string, UcwaValue | Date | undefined>, format: UcwaFormat, root: 'input' | 'resource' = 'input'): string {
  const clean: Record<string, UcwaValue> = {};
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    clean[key] = value instanceof Date ? formatDate(value, format) : value;
  }
  if (format === 'json') return JSON.stringify(clean);
  const property: Array<Record<string, unknown>> = [];
  const propertyList: Array<Record<string, unknown>> = [];
  for (const [name, value] of Object.entries(clean)) {
    if (Array.isArray(value)) propertyList.push({ '@_name': name, item: value.map((item) => xmlText(item)) });
    else property.push({ '@_name': name, '#text': xmlText(value) });
  }
  return buildXml({ [root]: { '@_xmlns': UCWA_NAMESPACE, property, propertyList } });
}

/** The whole resource for a PUT: every property it came with (unknown ones included), with `changes` applied. */
export function serializeForPut(resource: UcwaResource, changes: Record<string, UcwaValue | Date | undefined>): string {
  const merged: Record<string, UcwaValue | Date | undefined> = { rel: resource.rel, ...resource.properties };
  for (const [key, value] of Object.entries(changes)) if (value !== undefined) merged[key] = value;
  return serializeInput(merged, resource.format, 'resource');
}

function xmlText(value: UcwaValue): string {
  if (value === null) return '';
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** JSON uses the ASP.NET AJAX form, XML uses ISO 8601 (Payload Format page). */
export function formatDate(date: Date, format: UcwaFormat): string {
  return format === 'json' ? `/Date(${date.getTime()})/` : date.toISOString();
}

// ------------------------------------------------------------------------------------------- helpers

export function resolveHref(href: string, baseUrl: string): string {
  try {
    return new URL(href, baseUrl).toString();
  } catch {
    throw new RepresentationError(`the server sent an href that is not a URL: ${href}`);
  }
}

function makeLink(rel: string, href: string, baseUrl: string, title: unknown, revision: unknown): UcwaLink {
  const link: UcwaLink = { rel, href: resolveHref(href, baseUrl) };
  if (typeof title === 'string') link.title = title;
  const revisionNumber = typeof revision === 'number' ? revision : typeof revision === 'string' ? Number.parseFloat(revision) : NaN;
  if (Number.isFinite(revisionNumber)) link.revision = revisionNumber;
  return link;
}

function hrefOf(entry: unknown): string | undefined {
  const first = Array.isArray(entry) ? entry[0] : entry;
  return isRecord(first) && typeof first.href === 'string' ? first.href : undefined;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Facets accept a view or a bare href for the resource to act on. */
export function targetHref(target: { href: string } | string): string {
  return typeof target === 'string' ? target : target.href;
}

/** The first link with this rel, if the server offers it (links appear only when the action is allowed). */
export function linkOf(resource: UcwaResource, rel: string): UcwaLink | undefined {
  return resource.links[rel]?.[0];
}

export function linksOf(resource: UcwaResource, rel: string): UcwaLink[] {
  return resource.links[rel] ?? [];
}

export function embeddedOf(resource: UcwaResource, rel: string): UcwaResource[] {
  return resource.embedded[rel] ?? [];
}
