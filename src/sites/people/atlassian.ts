// What Jira and Confluence share: Atlassian account ids (the same person in both products, so one
// handle, `atlassian:<accountId>`), found on profile links, mentions and user fields.
import { siteHandle } from '../../core/page-people';
import { clean } from './read';

const ACCOUNT = /^[A-Za-z0-9:_-]{6,128}$/;

/** The account id an element (or a descendant) carries, or null. */
export function accountIdOf(element: Element): string | null {
  const holder = element.matches('[data-account-id], [data-mention-id], [data-user-id], a[href*="/people/"]')
    ? element
    : element.querySelector('[data-account-id], [data-mention-id], [data-user-id], a[href*="/people/"]');
  if (!holder) return null;
  const id =
    holder.getAttribute('data-account-id') ??
    holder.getAttribute('data-mention-id') ??
    holder.getAttribute('data-user-id') ??
    /\/people\/([^/?#]+)/.exec(holder.getAttribute('href') ?? '')?.[1] ??
    '';
  let decoded = id;
  try {
    decoded = decodeURIComponent(id);
  } catch {
    return null;
  }
  return ACCOUNT.test(decoded) ? decoded : null;
}

export function atlassianHandle(element: Element): string | null {
  const id = accountIdOf(element);
  return id ? siteHandle('atlassian', id) : null;
}

/** A user element's name: its text, else its avatar's alt, without a leading "@". */
export function atlassianName(element: Element): string {
  const text = clean(element.textContent);
  if (text) return text;
  return clean(element.querySelector('img[alt]')?.getAttribute('alt')).replace(/^Avatar for /i, '');
}
