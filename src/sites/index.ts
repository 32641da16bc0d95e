// Page identity: which site a URL belongs to, the key of the thing it shows (DESIGN §4), and the
// default hosts the extension runs on. Each site file registers itself on import.
import './jira';
import './confluence';
import './github';
import './gitlab';
import './linear';
import './notion';
import './gdocs';
import './azure-devops';
import './generic';
import { defaultMatches } from './registry';

export { pageKeyFor, setCustomHosts, siteFor } from './registry';
export type { CustomHost, SelfHostedSite, SiteAdapter, SiteHint, SiteId } from './types';
export { normaliseUrl } from './url';

/** Manifest match patterns of the hosts every install covers; others are optional permissions. */
export const DEFAULT_MATCHES: string[] = defaultMatches();
