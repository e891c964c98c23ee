import { UcwaError } from './errors.js';
import { ownCopy } from '../strings.js';
import { shared } from './sharedStrings.js';
import { embeddedOf, type UcwaResource } from './resource.js';
import { applicationView, type ApplicationView, type MeView } from './views.js';

/**
 * The application as the session describes it: its view, without the parsed resource behind it, nor the events
 * link (the channel follows `link('application', 'events')`; a second copy of that href was one per organizer).
 */
export type ApplicationSummary = Omit<ApplicationView, 'resource' | 'me' | 'eventsHref'> & { me?: Omit<MeView, 'resource'> };

/**
 * What a session keeps of its application resource for as long as it lives. The parsed document (properties,
 * links, and the embedded me, people, onlineMeetings and communication with theirs) cost ~7.5 KB per signed-in
 * person, yet afterwards the facets only follow its links and sign-in reads `me` once. Kept instead: the summary,
 * and every link of the application and of its embedded parts, by part and rel. Which part-and-rel pairs exist is
 * UCWA's vocabulary, the same for every session, so it is numbered once for all (`vocabulary`) and a session keeps
 * only an array of hrefs by that number; an href under the application is kept as its path below it, and the
 * same path as the previous session's for that link (most are: "/communication/conversations") is that string.
 */
const vocabulary = new Map<string, number>();
/** UCWA's rels are a fixed set; a server inventing more is kept from growing the shared vocabulary without end. */
const MAX_VOCABULARY = 1024;
/** Per vocabulary number, the path the last session kept, to share when the next one has the same. */
const lastPaths: string[] = [];

export class ApplicationLinks {
  readonly href: string;
  readonly summary: ApplicationSummary;
  /** By vocabulary number: "" for the application itself, a path below it ("/…"), or a whole href elsewhere. */
  private hrefs: Array<string | undefined> = [];
  /** Links beyond the shared vocabulary's bound, by part and rel (none from a real UCWA server). */
  private others?: Map<string, string>;

  constructor(resource: UcwaResource) {
    this.href = resource.href;
    this.summary = summaryOf(applicationView(resource));
    const keep = (part: string, holder: UcwaResource) => {
      this.keep(key(part, ''), holder.href);
      for (const [rel, found] of Object.entries(holder.links)) if (found[0]) this.keep(key(part, rel), found[0].href);
    };
    keep('application', resource);
    for (const rel of Object.keys(resource.embedded)) {
      const part = embeddedOf(resource, rel)[0];
      if (part) keep(rel, part);
    }
    // Grown one index at a time, the array has room to spare (~0.1 KB per session); a copy is made to size.
    this.hrefs = this.hrefs.slice();
  }

  /** A link of the application (`part` "application") or of one of its embedded parts; MissingLink when absent. */
  link(part: string, rel: string): string {
    const kept = this.kept(key(part, rel));
    if (kept === undefined) throw new UcwaError({ code: 'MissingLink', subcode: rel, message: `the application offers no ${part}.${rel} link` });
    return kept;
  }

  /** The href of an embedded part (me, people, onlineMeetings, communication); MissingLink when absent. */
  partHref(part: string): string {
    const kept = part === 'application' ? undefined : this.kept(key(part, ''));
    if (kept === undefined) throw new UcwaError({ code: 'MissingLink', subcode: part, message: `the application embeds no ${part}` });
    return kept;
  }

  private keep(name: string, href: string): void {
    let number = vocabulary.get(name);
    if (number === undefined && vocabulary.size < MAX_VOCABULARY) vocabulary.set(name, (number = vocabulary.size));
    if (number === undefined) {
      (this.others ??= new Map()).set(name, href);
      return;
    }
    const path = href === this.href ? '' : href.startsWith(`${this.href}/`) ? href.slice(this.href.length) : undefined;
    if (path === undefined) {
      this.hrefs[number] = href;
      return;
    }
    if (lastPaths[number] !== path) lastPaths[number] = ownCopy(path);
    this.hrefs[number] = lastPaths[number];
  }

  private kept(name: string): string | undefined {
    const number = vocabulary.get(name);
    const kept = number === undefined ? this.others?.get(name) : this.hrefs[number];
    if (kept === undefined) return undefined;
    return kept === '' || kept.startsWith('/') ? `${this.href}${kept}` : kept;
  }
}

const key = (part: string, rel: string) => `${part} ${rel}`;

/** Built field by field so that every session's summary shares one hidden class (built by object rest, each had its own in a heap snapshot). */
function summaryOf(view: ApplicationView): ApplicationSummary {
  const me = view.me;
  return {
    href: view.href,
    id: view.id,
    culture: view.culture,
    endpointId: view.endpointId,
    // Every session's application echoes the same user agent.
    userAgent: view.userAgent === undefined ? undefined : shared(view.userAgent),
    type: view.type,
    me: me ? { href: me.href, name: me.name, uri: me.uri, emailAddresses: me.emailAddresses, title: me.title, department: me.department } : undefined,
  };
}
