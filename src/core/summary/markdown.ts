// The summary as Markdown: with headings for GitHub and GitLab comments, compact (a bold title and
// labels, no sub-headings) for Linear and Notion, whose comments are small. User text goes through
// the exporters' escape: `<` becomes `&lt;` (GitHub and GitLab render raw HTML) and a `# line` in
// a field cannot open a heading of the comment.
import { closeOpenFence, escapeMarkdownText } from '../md-text';
import { nextWords, personWords, RACI_WORDS, type SummaryModel, statusLine } from './model';

const md = (text: string): string => escapeMarkdownText(text);
/** One line of user text inside a list item or after a label: no line breaks, no heading. */
const inline = (text: string): string =>
  md(text.replace(/\s+/g, ' ')).replace(/^(\s*)([-+*>]|\d+[.)])(\s)/, '$1\\$2$3');

export function summaryMarkdown(m: SummaryModel, compact = false): string {
  const out: string[] = [];
  const section = (label: string, lines: string[]) => {
    if (!lines.length) return;
    out.push(compact ? `**${label}**` : `#### ${label}`, ...lines, '');
  };
  out.push(compact ? `**Decision: ${inline(m.title)}**` : `### Decision: ${inline(m.title)}`, '');
  out.push(`**${statusLine(m)}**`, '');
  if (m.why) section('Why', [closeOpenFence(md(m.why))]);
  section(
    'Trade-offs',
    m.tradeoffs.map(
      (t) =>
        `- ${[t.gain && `We gain ${inline(t.gain)}`, t.cost && `we give up ${inline(t.cost)}`].filter(Boolean).join('; ')}${
          t.bornBy ? ` — borne by **${inline(t.bornBy)}**` : ''
        }`,
    ),
  );
  section(
    'Alternatives rejected',
    m.rejected.map((o) => `- ${inline(o.title)}${o.why ? ` — ${inline(o.why)}` : ''}`),
  );
  section('Who', [
    ...m.people.map((p) => `- **${RACI_WORDS[p.raci]}:** ${inline(p.name)} — ${inline(personWords(p))}`),
    ...(m.informed ? [`- Informed: ${m.informed} ${m.informed === 1 ? 'person' : 'people'}`] : []),
  ]);
  const tail: string[] = [];
  if (m.next) {
    const who = nextWords(m.next);
    tail.push(`**Next step:** ${inline(m.next.title)}${who ? ` — ${inline(who)}` : ''}`);
  }
  if (m.reviewAt) tail.push(`**Review:** ${m.reviewAt}`);
  if (tail.length) out.push(tail.join('  \n'), '');
  return `${out.join('\n').trimEnd()}\n`;
}
