// Any page: people where the page marks them up — `rel=author`, `itemprop=author`, `<meta
// name=author>`, `mailto:` links — and `@handle` mentions in its text. Handles found here are
// only known to this host, so they carry it: `web:lena@blog.example.com`.
import { type PagePerson, siteHandle } from '../../core/page-people';
import { clean, mailtoOf, nameOf, type PeopleReader, person, textOfPage } from './read';

// `@name` after a space or opening punctuation, not inside an address (`a@b.c`) or a word.
const MENTION = /(?:^|[\s(["'“‘])@([A-Za-z0-9](?:[A-Za-z0-9._-]{0,37}[A-Za-z0-9])?)(?![\w@.-]*[A-Za-z0-9]@)/g;

export const readGenericPeople: PeopleReader = (doc, url) => {
  const out: PagePerson[] = [];
  for (const meta of doc.querySelectorAll('meta[name="author" i]')) {
    const name = clean(meta.getAttribute('content'));
    if (name && !/^https?:/i.test(name)) out.push(person(name, 'author'));
  }
  for (const el of doc.querySelectorAll('[rel~="author"], [itemprop~="author"]')) {
    // Schema.org nests the name: <span itemprop="author"><span itemprop="name">…</span></span>.
    const named = el.querySelector('[itemprop~="name"]') ?? el;
    const email = mailtoOf(el.matches('a') ? el : el.querySelector('a[href^="mailto:" i]'));
    const name = nameOf(named) || email;
    if (name) out.push(person(name, 'author', null, email));
  }
  for (const link of doc.querySelectorAll('a[href^="mailto:" i]')) {
    const email = mailtoOf(link);
    if (!email || link.closest('[rel~="author"], [itemprop~="author"]')) continue;
    const text = nameOf(link);
    out.push(person(text && !text.includes('@') ? text : email, 'participant', null, email));
  }
  if (doc.body) {
    const seen = new Set<string>();
    for (const m of textOfPage(doc.body).matchAll(MENTION)) {
      const login = m[1]!;
      const handle = siteHandle('web', login, url.host);
      if (!handle || seen.has(handle)) continue;
      seen.add(handle);
      out.push(person(login, 'mentioned', handle));
    }
  }
  return out;
};
