/**
 * The one resource model every handler builds. `representation.ts` turns it into UCWA JSON or XML, so a
 * resource is described once and both wire formats stay in step (UCWA "Payload Format" mapping).
 */
export type PropertyValue = string | number | boolean | Date | string[];

export interface Link {
  href: string;
  title?: string;
}

export interface Resource {
  rel: string;
  /** The self link; it identifies the resource even when it is not GET-able. */
  href: string;
  properties: Array<[string, PropertyValue]>;
  /** A rel that can occur several times is an array, even with one element (JSON rule). */
  links: Array<[string, Link | Link[]]>;
  embedded: Array<[string, Resource | Resource[]]>;
}

export function resource(
  rel: string,
  href: string,
  properties: Record<string, PropertyValue | undefined> = {},
): Resource {
  const props: Array<[string, PropertyValue]> = [];
  for (const [name, value] of Object.entries(properties)) if (value !== undefined) props.push([name, value]);
  return { rel, href, properties: props, links: [], embedded: [] };
}

export function withLinks(target: Resource, links: Record<string, string | Link | Link[] | undefined>): Resource {
  for (const [rel, link] of Object.entries(links)) {
    if (link === undefined) continue;
    target.links.push([rel, typeof link === 'string' ? { href: link } : link]);
  }
  return target;
}

export function withEmbedded(target: Resource, rel: string, value: Resource | Resource[]): Resource {
  target.embedded.push([rel, value]);
  return target;
}

export type EventType = 'added' | 'updated' | 'deleted' | 'started' | 'completed';

/** Real-time and high events release a pending P-GET at once; medium/low may wait for their window. */
export type EventPriority = 'high' | 'medium' | 'low';

export interface UcwaEvent {
  sender: { rel: string; href: string };
  link: { rel: string; href: string; title?: string };
  in?: { rel: string; href: string };
  type: EventType;
  priority: EventPriority;
  embedded?: Resource;
  status?: string;
  reason?: ErrorBody;
}

export interface ErrorBody {
  code: string;
  subcode?: string;
  message: string;
  debugInfo?: Record<string, string>;
  parameters?: Record<string, string>;
}

/** UCWA "ErrorCode" names for HTTP statuses (errorcode_ref). */
const codeByStatus: Record<number, string> = {
  400: 'BadRequest',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'NotFound',
  405: 'MethodNotAllowed',
  408: 'ClientTimeout',
  409: 'Conflict',
  410: 'Gone',
  412: 'PreconditionFailed',
  413: 'EntityTooLarge',
  415: 'UnsupportedMediaType',
  428: 'PreconditionRequired',
  429: 'TooManyRequests',
  500: 'ServiceFailure',
  502: 'BadGateway',
  503: 'ServiceUnavailable',
  504: 'Timeout',
};

export function errorCodeFor(status: number): string {
  return codeByStatus[status] ?? (status >= 500 ? 'ServiceFailure' : 'BadRequest');
}

/** A synchronous UCWA failure; the HTTP layer renders it as the documented error body. */
export class UcwaFailure extends Error {
  constructor(
    readonly status: number,
    readonly subcode: string | undefined,
    message: string,
    readonly parameters?: Record<string, string>,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'UcwaFailure';
  }

  body(): ErrorBody {
    const body: ErrorBody = this.subcode
      ? { code: errorCodeFor(this.status), subcode: this.subcode, message: this.message }
      : { code: errorCodeFor(this.status), message: this.message };
    if (this.parameters) body.parameters = this.parameters;
    return body;
  }
}

export const fail = {
  badRequest: (message: string, parameters?: Record<string, string>) =>
    new UcwaFailure(400, 'ParameterValidationFailure', message, parameters),
  notFound: (message = 'The resource does not exist.', subcode = 'ResourceNotFound') =>
    new UcwaFailure(404, subcode, message),
  forbidden: (message: string) => new UcwaFailure(403, undefined, message),
  conflict: (subcode: string, message: string) => new UcwaFailure(409, subcode, message),
  methodNotAllowed: () => new UcwaFailure(405, 'MethodNotAllowed', 'The requested HTTP method is not supported for this resource.'),
};
