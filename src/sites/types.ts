// The shape every site adapter registers: how a site names its pages, titles them and where its text lives.

/** Sites with an adapter; stored on anchors as `site`. */
export type SiteId =
  | 'jira'
  | 'confluence'
  | 'github'
  | 'gitlab'
  | 'linear'
  | 'notion'
  | 'gdocs'
  | 'azure-devops'
  | 'generic';

/** Sites a user can run on their own host (Jira Data Center, Confluence Server, self-managed GitLab). */
export type SelfHostedSite = 'jira' | 'confluence' | 'gitlab';

/** A self-hosted host registered in the options page, e.g. `{ host: 'jira.corp.example', site: 'jira' }`. */
export interface CustomHost {
  host: string;
  site: SelfHostedSite;
}

/** What the registry knows about a URL beyond the URL itself. */
export interface SiteHint {
  /** The user registered this URL's host as a self-hosted instance of the adapter's site. */
  readonly customHost: boolean;
}

export interface SiteAdapter {
  readonly id: SiteId;
  /** Manifest match patterns of the hosts the site lives on by default. */
  readonly matches: readonly string[];
  /** False where the page is not text in the DOM (Google Docs paints a canvas). */
  readonly canHighlight: boolean;
  /** Whether the URL belongs to this site at all, even if it names no page the site can key. */
  handles(url: URL, hint?: SiteHint): boolean;
  /** The page key of the thing the URL shows, or null to fall back to the normalised URL. */
  pageKey(url: URL, hint?: SiteHint): string | null;
  /** A readable title, e.g. "ACME-7 · Fix the login timeout". */
  title(doc: Document): string;
  /** The element to anchor highlights in; `doc.body` when the site's container is not there. */
  root(doc: Document): Element;
}
