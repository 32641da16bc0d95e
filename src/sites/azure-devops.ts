// Azure DevOps Boards (dev.azure.com and legacy <org>.visualstudio.com): work items by id.
import { cleanDocumentTitle, documentUrl, firstText, joinTitle, rootFrom } from './dom';
import { registerSite } from './registry';
import type { SiteAdapter } from './types';
import { pathSegments, queryParam } from './url';

const NUMBER = /^\d+$/;

interface WorkItem {
  org: string;
  project: string;
  id: string;
}

/**
 * The organisation and project come from the host or the path, decoded ("Checkout%20Platform" and
 * "Checkout Platform" are one project) and lower-cased, as Azure DevOps resolves names
 * case-insensitively. Old visualstudio.com links carry a `DefaultCollection` segment.
 */
function workItemOf(url: URL): WorkItem | null {
  const segments = pathSegments(url);
  let org: string | undefined;
  if (url.hostname === 'dev.azure.com') {
    org = segments.shift();
  } else {
    org = url.hostname.split('.')[0];
    if (segments[0]?.toLowerCase() === 'defaultcollection') segments.shift();
  }
  const [project, ...rest] = segments;
  // Organisation-level pages (/_settings, /_work) have no project.
  if (!org || !project || project.startsWith('_')) return null;
  const edit = rest.indexOf('edit');
  // _workitems/edit/<id> is the item's own page; boards, backlogs and sprints open it as ?workitem=<id>.
  const fromPath = rest[0] === '_workitems' && edit !== -1 ? rest[edit + 1] : undefined;
  const id = queryParam(url, 'workitem') ?? fromPath;
  if (!id || !NUMBER.test(id)) return null;
  return { org: org.toLowerCase(), project: project.trim().toLowerCase(), id: id.replace(/^0+(?=\d)/, '') };
}

function handles(url: URL): boolean {
  return url.hostname === 'dev.azure.com' || url.hostname.endsWith('.visualstudio.com');
}

// A work item opened from a board is a dialog over the board; the form inside it is the same.
const ROOTS = ['[role="dialog"] .work-item-form', '.work-item-form', '.witform-layout-content-container'];

function root(doc: Document): Element {
  return rootFrom(doc, ROOTS);
}

function title(doc: Document): string {
  const scope = root(doc);
  const url = documentUrl(doc);
  const item = url && handles(url) ? workItemOf(url) : null;
  // Tabs read "Bug 4312: Move session storage to Redis - Boards".
  const tab = cleanDocumentTitle(doc, [/\s+-\s+(?:Boards|Azure DevOps[^-]*)$/]);
  const tabItem = /^(?:[\w ]+ )?(\d+):\s+/.exec(tab);
  const id = firstText(scope, ['.work-item-form-id span', '.work-item-form-id']).replace(/\D/g, '');
  const number = item?.id ?? (id || tabItem?.[1] || '');
  const heading =
    firstText(scope, ['.work-item-form-title input', 'input[aria-label="Title field"]']) ||
    (tabItem ? tab.slice(tabItem[0].length) : tab);
  return joinTitle(number ? `#${number}` : '', heading);
}

export const azureDevOps: SiteAdapter = {
  id: 'azure-devops',
  matches: ['https://dev.azure.com/*', 'https://*.visualstudio.com/*'],
  canHighlight: true,
  handles,
  pageKey(url) {
    if (!handles(url)) return null;
    const item = workItemOf(url);
    return item ? `ado:${item.org}/${item.project}#${item.id}` : null;
  },
  title,
  root,
};

registerSite(azureDevOps);
