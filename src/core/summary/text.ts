// The summary as plain text (any chat or email) and as Slack mrkdwn, where `*bold*` works and
// `&`, `<` and `>` must be escaped (Slack reads `<…>` as links and mentions).
import { nextWords, personWords, RACI_WORDS, type SummaryModel, statusLine } from './model';

const slackEscape = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function summaryText(m: SummaryModel, slack = false): string {
  const t = slack ? slackEscape : (s: string) => s;
  const bold = (s: string) => (slack ? `*${s}*` : s);
  const bullet = slack ? '•' : '-';
  const out: string[] = [bold(`Decision: ${t(m.title)}`), t(statusLine(m)), ''];
  const section = (label: string, lines: string[]) => {
    if (lines.length) out.push(bold(`${label}:`), ...lines, '');
  };
  if (m.why) section('Why', [t(m.why)]);
  section(
    'Trade-offs',
    m.tradeoffs.map(
      (x) =>
        `${bullet} ${[x.gain && `We gain ${t(x.gain)}`, x.cost && `we give up ${t(x.cost)}`].filter(Boolean).join('; ')}${
          x.bornBy ? ` — borne by ${t(x.bornBy)}` : ''
        }`,
    ),
  );
  section(
    'Alternatives rejected',
    m.rejected.map((o) => `${bullet} ${t(o.title)}${o.why ? ` — ${t(o.why)}` : ''}`),
  );
  section('Who', [
    ...m.people.map((p) => `${bullet} ${RACI_WORDS[p.raci]}: ${t(p.name)} — ${t(personWords(p))}`),
    ...(m.informed ? [`${bullet} Informed: ${m.informed} ${m.informed === 1 ? 'person' : 'people'}`] : []),
  ]);
  if (m.next) {
    const who = nextWords(m.next);
    out.push(`${bold('Next step:')} ${t(m.next.title)}${who ? ` — ${t(who)}` : ''}`);
  }
  if (m.reviewAt) out.push(`${bold('Review:')} ${m.reviewAt}`);
  return `${out.join('\n').trimEnd()}\n`;
}
