// The summary as rich text (HTML) for the editors of Jira, Confluence, Linear and Notion and for
// "Copy as rich text". Built as a string from a handful of fixed tags; every piece of user text
// is escaped, so nothing typed into a decision becomes markup in someone else's editor.
import { nextWords, personWords, RACI_WORDS, type SummaryModel, statusLine } from './model';

/** The only elements a summary's HTML contains (test/unit/core/summary checks it). */
export const SUMMARY_HTML_TAGS = ['h3', 'h4', 'p', 'strong', 'ul', 'li', 'br'] as const;

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);

/** Paragraphs at blank lines, line breaks within them. */
const paragraphs = (text: string): string =>
  text
    .split(/\n\s*\n/)
    .map((p) => `<p>${p.split('\n').map(escapeHtml).join('<br>')}</p>`)
    .join('');

const list = (items: string[]): string =>
  items.length ? `<ul>${items.map((i) => `<li>${i}</li>`).join('')}</ul>` : '';

export function summaryHtml(m: SummaryModel): string {
  const e = escapeHtml;
  const parts: string[] = [`<h3>Decision: ${e(m.title)}</h3>`, `<p><strong>${e(statusLine(m))}</strong></p>`];
  const section = (label: string, body: string) => {
    if (body) parts.push(`<h4>${label}</h4>${body}`);
  };
  if (m.why) section('Why', paragraphs(m.why));
  section(
    'Trade-offs',
    list(
      m.tradeoffs.map(
        (t) =>
          [t.gain && `We gain ${e(t.gain)}`, t.cost && `we give up ${e(t.cost)}`].filter(Boolean).join('; ') +
          (t.bornBy ? ` — borne by <strong>${e(t.bornBy)}</strong>` : ''),
      ),
    ),
  );
  section(
    'Alternatives rejected',
    list(m.rejected.map((o) => `${e(o.title)}${o.why ? ` — ${e(o.why)}` : ''}`)),
  );
  section(
    'Who',
    list([
      ...m.people.map((p) => `<strong>${RACI_WORDS[p.raci]}:</strong> ${e(p.name)} — ${e(personWords(p))}`),
      ...(m.informed ? [`Informed: ${m.informed} ${m.informed === 1 ? 'person' : 'people'}`] : []),
    ]),
  );
  const tail: string[] = [];
  if (m.next) {
    const who = nextWords(m.next);
    tail.push(`<strong>Next step:</strong> ${e(m.next.title)}${who ? ` — ${e(who)}` : ''}`);
  }
  if (m.reviewAt) tail.push(`<strong>Review:</strong> ${e(m.reviewAt)}`);
  if (tail.length) parts.push(`<p>${tail.join('<br>')}</p>`);
  return parts.join('');
}
