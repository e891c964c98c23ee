import type { Cancellation } from '../http/cancellation.js';
import type { Logger } from '../logging.js';
import type { UcwaResource, UcwaValue } from './resource.js';
import type { HeldReceiver, HttpMethod, UcwaResponse } from './transport.js';

/**
 * What the facets (meetings, extensions, lobby, groups, events) use of a signed-in UCWA application. A module of
 * its own so that the session, which builds the facets, and the facets, which send through the session, do not
 * import each other: the facets know only this interface, UcwaSession implements it (issue 15's walls).
 */

export interface RequestOptions {
  signal?: AbortSignal;
  timeoutMs?: number;
  retries?: number;
}

export type ApplicationListener = (application: { readonly href: string }, reason: 'recreated' | 'rediscovered') => void;

export type UcwaInput = Record<string, UcwaValue | Date | undefined>;

export interface UcwaApplication {
  readonly logger: Logger;
  readonly signedIn: boolean;
  /** Follows a link from the application's embedded resource `embeddedRel` (e.g. onlineMeetings → myOnlineMeetings). */
  applicationLink(embeddedRel: string, rel: string): string;
  /** The href of one of the application's always-embedded resources: me, people, onlineMeetings, communication. */
  applicationPartHref(rel: string): string;
  get(href: string, options?: RequestOptions): Promise<UcwaResource>;
  post(href: string, input: UcwaInput | undefined, options?: RequestOptions): Promise<UcwaResponse>;
  delete(href: string, options?: RequestOptions): Promise<void>;
  /** The resource a POST created, from the body or from Location. */
  created(response: UcwaResponse, what: string, options?: RequestOptions): Promise<UcwaResource>;
  /** Conditional update (GET, change, PUT with If-Match; once more on 412). */
  update(href: string, change: (current: UcwaResource) => UcwaInput, options?: RequestOptions): Promise<UcwaResource>;
  request(
    method: HttpMethod,
    href: string,
    input: UcwaInput | undefined,
    options?: RequestOptions & { body?: string; ifMatch?: string; keepApplication?: boolean; hold?: boolean; cancellation?: Cancellation },
  ): Promise<UcwaResponse>;
  /**
   * The event channel's held GET of `href` (a GET with `hold`, `keepApplication` and no retries, as `request` sends
   * it), heard by `receiver` instead of through a promise: what an idle channel keeps while the server holds it.
   */
  holdGet(href: string, options: { cancellation: Cancellation; timeoutMs: number }, receiver: HeldReceiver): void;
  /** Creates a new application (after the server lost it); concurrent callers share one creation. */
  recreateApplication(signal?: AbortSignal, lostHref?: string): Promise<{ readonly href: string }>;
  onApplicationChanged(listener: ApplicationListener): () => void;
}
