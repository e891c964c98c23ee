import { UcwaError } from './errors.js';
import { embeddedOf, type UcwaResource } from './resource.js';
import { applicationView, type ApplicationView, type MeView } from './views.js';

/** The application as the session describes it: its view, without the parsed resource behind it. */
export type ApplicationSummary = Omit<ApplicationView, 'resource' | 'me'> & { me?: Omit<MeView, 'resource'> };

/**
 * What a session keeps of its application resource for as long as it lives. The parsed document (properties,
 * links, and the embedded me, people, onlineMeetings and communication with theirs) cost ~7.5 KB per signed-in
 * person, yet afterwards the facets only follow its links and sign-in reads `me` once. Kept instead: the summary,
 * and every link of the application and of its embedded parts by part and rel in one object whose keys (constant
 * across sessions) V8 shares; hrefs under the application are kept as their path below it.
 */
export class ApplicationLinks {
  readonly href: string;
  readonly summary: ApplicationSummary;
  private readonly links: Record<string, string>;

  constructor(resource: UcwaResource) {
    this.href = resource.href;
    this.summary = summaryOf(applicationView(resource));
    const links: Record<string, string> = {};
    const keep = (part: string, holder: UcwaResource) => {
      links[key(part, '')] = this.shorten(holder.href);
      for (const [rel, found] of Object.entries(holder.links)) if (found[0]) links[key(part, rel)] = this.shorten(found[0].href);
    };
    keep('application', resource);
    for (const rel of Object.keys(resource.embedded)) {
      const part = embeddedOf(resource, rel)[0];
      if (part) keep(rel, part);
    }
    this.links = links;
  }

  /** A link of the application (`part` "application") or of one of its embedded parts; MissingLink when absent. */
  link(part: string, rel: string): string {
    const kept = this.links[key(part, rel)];
    if (kept === undefined) throw new UcwaError({ code: 'MissingLink', subcode: rel, message: `the application offers no ${part}.${rel} link` });
    return this.expand(kept);
  }

  /** The href of an embedded part (me, people, onlineMeetings, communication); MissingLink when absent. */
  partHref(part: string): string {
    const kept = this.links[key(part, '')];
    if (kept === undefined || part === 'application') throw new UcwaError({ code: 'MissingLink', subcode: part, message: `the application embeds no ${part}` });
    return this.expand(kept);
  }

  /** A path below the application starts with "/"; anything else (another server's href) is kept whole. */
  private shorten(href: string): string {
    if (href === this.href) return '';
    return href.startsWith(`${this.href}/`) ? ownCopy(href.slice(this.href.length)) : href;
  }

  private expand(kept: string): string {
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
    userAgent: view.userAgent,
    type: view.type,
    eventsHref: view.eventsHref,
    me: me ? { href: me.href, name: me.name, uri: me.uri, emailAddresses: me.emailAddresses, title: me.title, department: me.department } : undefined,
  };
}

/**
 * A copy that does not hold on to `text`'s parent: V8 keeps a slice as a view into the whole string it was cut
 * from, which would keep every absolute href alive next to its short path.
 */
function ownCopy(text: string): string {
  return Buffer.from(text, 'utf8').toString('utf8');
}
