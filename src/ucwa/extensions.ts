import type { UcwaApplication } from './application.js';
import { UcwaError } from './errors.js';
import { embeddedOf, linksOf, targetHref, type UcwaValue } from './resource.js';
import { extensionView, type ExtensionView, type MeetingView, type OnlineMeetingExtensionType } from './views.js';

/** onlineMeetingExtensions / onlineMeetingExtension: custom data attached to a meeting. */
export class ExtensionsFacet {
  constructor(private readonly session: UcwaApplication) {}

  async list(meeting: MeetingView): Promise<ExtensionView[]> {
    const collection = await this.session.get(collectionHref(meeting));
    const embedded = embeddedOf(collection, 'onlineMeetingExtension');
    const embeddedHrefs = new Set(embedded.map((item) => item.href));
    const linkedOnly = linksOf(collection, 'onlineMeetingExtension').filter((link) => !embeddedHrefs.has(link.href));
    const fetched = await Promise.all(linkedOnly.map((link) => this.session.get(link.href)));
    return [...embedded, ...fetched].map(extensionView);
  }

  async create(meeting: MeetingView, extension: { id?: string; type?: OnlineMeetingExtensionType; properties?: Record<string, string> }): Promise<ExtensionView> {
    if (extension.id !== undefined && extension.id.trim() === '') throw invalid('an extension id cannot be empty');
    const response = await this.session.post(collectionHref(meeting), { ...extension.properties, id: extension.id, type: extension.type });
    return extensionView(await this.session.created(response, 'extension'));
  }

  async get(extension: ExtensionView | string): Promise<ExtensionView> {
    return extensionView(await this.session.get(targetHref(extension)));
  }

  /** PUTs the whole extension (unknown properties kept) with `changes` applied, If-Match guarded. */
  async update(extension: ExtensionView | string, changes: { type?: OnlineMeetingExtensionType; properties?: Record<string, string> }): Promise<ExtensionView> {
    const fields: Record<string, UcwaValue | undefined> = { ...changes.properties, type: changes.type };
    return extensionView(await this.session.update(targetHref(extension), () => fields));
  }

  async delete(extension: ExtensionView | string): Promise<void> {
    await this.session.delete(targetHref(extension));
  }
}

function collectionHref(meeting: MeetingView): string {
  if (!meeting.extensionsHref) {
    throw new UcwaError({ code: 'MissingLink', subcode: 'onlineMeetingExtensions', message: 'this meeting offers no onlineMeetingExtensions link' });
  }
  return meeting.extensionsHref;
}

function invalid(message: string): UcwaError {
  return new UcwaError({ code: 'InvalidInput', message, problem: { kind: 'extensionInvalid', detail: message } });
}
