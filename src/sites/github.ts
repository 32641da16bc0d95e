// GitHub: issues, pull requests (every tab) and discussions, which share one number space per repository.
import { cleanDocumentTitle, documentUrl, firstText, joinTitle, rootFrom } from './dom';
import { registerSite } from './registry';
import type { SiteAdapter } from './types';
import { pathSegments, queryParam } from './url';

const OWNER = /^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?$/;
const REPO = /^[A-Za-z0-9._-]+$/;
const NUMBER = /^\d+$/;
const KINDS = new Set(['issues', 'pull', 'pulls', 'discussions']);

interface Thread {
  owner: string;
  repo: string;
  number: string;
}

/** GitHub resolves owner and repository names case-insensitively, so the key is lower case. */
function threadFrom(owner: string, repo: string, number: string): Thread | null {
  if (!OWNER.test(owner) || !REPO.test(repo) || !NUMBER.test(number)) return null;
  return { owner: owner.toLowerCase(), repo: repo.toLowerCase(), number: number.replace(/^0+(?=\d)/, '') };
}

/**
 * The issues list and project boards open an issue in a side panel named by
 * `?issue=owner|repo|12`; the panel is what the user is looking at, so it wins over the path.
 */
function threadOf(url: URL): Thread | null {
  const peek = queryParam(url, 'issue')?.split('|');
  if (peek?.length === 3) {
    const thread = threadFrom(peek[0]!, peek[1]!, peek[2]!);
    if (thread) return thread;
  }
  const [owner, repo, kind, number] = pathSegments(url);
  if (!owner || !repo || !kind || !number || !KINDS.has(kind)) return null;
  return threadFrom(owner, repo, number);
}

function handles(url: URL): boolean {
  return url.hostname === 'github.com' || url.hostname === 'www.github.com';
}

// The repository content frame survives Turbo navigations between tabs; `main` on older layouts.
const ROOTS = ['#repo-content-turbo-frame', '#repo-content-pjax-container', '#js-repo-pjax-container'];
const TITLES = [
  'bdi[data-testid="issue-title"]',
  '[data-testid="issue-title"]',
  '.gh-header-title .js-issue-title',
  '.js-issue-title',
  '.gh-header-title .markdown-title',
];
// Tabs read "Title · Issue #12 · acme/api · GitHub", "Title by alice · Pull Request #12 · acme/api ·
// GitHub" and "Title · acme/api · Discussion #34 · GitHub".
const TAB_KIND = /^(?:Issue|Pull Request|Discussion) #(\d+)$/;
const TAB_REPO = /^[A-Za-z0-9-]+\/[A-Za-z0-9._-]+$/;

function fromTab(doc: Document): { reference: string; title: string } {
  const parts = cleanDocumentTitle(doc, [/\s+·\s+GitHub$/]).split(' · ');
  const kindAt = parts.findIndex((part) => TAB_KIND.test(part));
  if (kindAt <= 0) return { reference: '', title: parts.join(' · ') };
  const repo = parts.find((part, i) => i !== 0 && TAB_REPO.test(part)) ?? '';
  const number = TAB_KIND.exec(parts[kindAt]!)![1]!;
  const heading = parts
    .slice(0, kindAt)
    .filter((part) => part !== repo)
    .join(' · ');
  const title = parts[kindAt]!.startsWith('Pull') ? heading.replace(/\s+by\s+\S+$/, '') : heading;
  return { reference: repo ? `${repo.toLowerCase()}#${number}` : `#${number}`, title };
}

function root(doc: Document): Element {
  return rootFrom(doc, ROOTS);
}

function title(doc: Document): string {
  const url = documentUrl(doc);
  const thread = url && handles(url) ? threadOf(url) : null;
  const tab = fromTab(doc);
  const reference = thread ? `${thread.owner}/${thread.repo}#${thread.number}` : tab.reference;
  return joinTitle(reference, firstText(doc, TITLES) || tab.title);
}

export const github: SiteAdapter = {
  id: 'github',
  matches: ['https://github.com/*'],
  canHighlight: true,
  handles,
  pageKey(url) {
    if (!handles(url)) return null;
    const thread = threadOf(url);
    return thread ? `github:${thread.owner}/${thread.repo}#${thread.number}` : null;
  },
  title,
  root,
};

registerSite(github);
