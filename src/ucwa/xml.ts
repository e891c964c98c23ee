import { XMLBuilder, XMLParser } from 'fast-xml-parser';

/** The one namespace every UCWA XML document uses (resources, inputs, events, reasons). */
export const UCWA_NAMESPACE = 'http://schemas.microsoft.com/rtc/2012/03/ucwa';

/** A namespace-free element tree: fast-xml-parser's ordered output is awkward to walk, this is not. */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

// preserveOrder keeps sibling order across different element names: in an event document the element name IS
// the event type, and the order of <added>/<updated> siblings is the order the events happened.
const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  processEntities: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
});

type OrderedNode = Record<string, unknown>;

/** Parses an XML document and returns its root element; throws on text that is not XML. */
export function parseXml(text: string): XmlElement {
  const nodes = parser.parse(text) as OrderedNode[];
  const elements = nodes.map(toElement).filter((element): element is XmlElement => element !== undefined);
  if (elements.length === 0) throw new Error('the XML document has no root element');
  return elements[0]!;
}

function toElement(node: OrderedNode): XmlElement | undefined {
  const name = Object.keys(node).find((key) => key !== ':@' && key !== '#text');
  if (!name) return undefined;
  const rawChildren = Array.isArray(node[name]) ? (node[name] as OrderedNode[]) : [];
  const attributes: Record<string, string> = {};
  const rawAttributes = node[':@'];
  if (rawAttributes && typeof rawAttributes === 'object') {
    for (const [key, value] of Object.entries(rawAttributes)) attributes[localName(key)] = String(value);
  }
  const children: XmlElement[] = [];
  let text = '';
  for (const child of rawChildren) {
    if ('#text' in child) text += String(child['#text']);
    else {
      const element = toElement(child);
      if (element) children.push(element);
    }
  }
  return { name: localName(name), attributes, children, text };
}

function localName(name: string): string {
  if (name.startsWith('xmlns')) return name;
  const colon = name.indexOf(':');
  return colon >= 0 ? name.slice(colon + 1) : name;
}

export function childrenNamed(element: XmlElement, name: string): XmlElement[] {
  return element.children.filter((child) => child.name === name);
}

export function firstChild(element: XmlElement, name: string): XmlElement | undefined {
  return element.children.find((child) => child.name === name);
}

const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  textNodeName: '#text',
  suppressEmptyNode: true,
  format: false,
  processEntities: true,
});

/** Serializes a builder object (fast-xml-parser's `@_attr` / `#text` convention) with the XML declaration. */
export function buildXml(document: Record<string, unknown>): string {
  return `<?xml version="1.0" encoding="utf-8"?>${builder.build(document) as string}`;
}
