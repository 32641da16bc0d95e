// Readers for the structured parts inside ADR sections: "Chosen option: …, because …", Good/Bad
// consequence bullets, pros and cons, and the More Information lists Decidedly writes.

import { unescapeMarkdownText } from '../md-text';
import { RACI_LABELS, STANCE_LABELS } from '../raci';
import { RACI, type Raci, STANCES, type Stance } from '../schemas';
import { isWebUrl } from '../urls';
import { parseAdrDate } from './adr-fields';
import type { ParsedFollowUp, ParsedOption, ParsedSource, ParsedStance, ParsedTradeoff } from './adr-types';
import { blocksOf } from './md-sections';

const GOOD_BAD = /^(good|bad)(?:,\s*because\b|:)\s*/i;

/** `Chosen option: "A", because why` → chosen titles and the justification. */
export function parseOutcome(body: string): { chosen: string[]; rationale: string } {
  const head = /^chosen options?\s*:\s*/i.exec(body);
  if (!head) return { chosen: [], rationale: body };
  let rest = body.slice(head[0].length);
  const chosen: string[] = [];
  for (let q = /^["“]((?:[^"”\\]|\\.)*)["”]\s*(?:,(?!\s*because\b)|\band\b)?\s*/i.exec(rest); q; ) {
    chosen.push((q[1] as string).replace(/\\(["\\])/g, '$1'));
    rest = rest.slice(q[0].length);
    q = /^["“]((?:[^"”\\]|\\.)*)["”]\s*(?:,(?!\s*because\b)|\band\b)?\s*/i.exec(rest);
  }
  if (!chosen.length) {
    const plain = /^(.+?)(?=,\s*because\b|\.?\s*$)/im.exec(rest);
    if (plain) {
      chosen.push((plain[1] as string).trim());
      rest = rest.slice(plain[0].length);
    }
  }
  const because = /^\s*,?\s*because\b[\s,:]*/i.exec(rest);
  const rationale = because ? rest.slice(because[0].length) : rest.replace(/^\s*[.,]\s*/, '');
  return { chosen, rationale: rationale.trim() };
}

/** `cost (borne by Sales)` → cost and who bears it. */
function splitBorne(text: string): { cost: string; bornBy: string } {
  const m = /^([\s\S]*?)\s*\(borne by ([^\n]*)\)\s*$/.exec(text);
  return m ? { cost: m[1] as string, bornBy: (m[2] as string).trim() } : { cost: text, bornBy: '' };
}

/** Good/Bad bullets in order: a Bad right after a Good is the price of that gain. */
export function pairTradeoffs(items: { good: boolean; text: string }[]): ParsedTradeoff[] {
  const out: ParsedTradeoff[] = [];
  for (const item of items) {
    const last = out.at(-1);
    if (item.good) out.push({ gain: item.text, cost: '', bornBy: '' });
    else if (last?.gain && !last.cost) Object.assign(last, splitBorne(item.text));
    else out.push({ gain: '', ...splitBorne(item.text) });
  }
  return out;
}

/**
 * A Consequences section: the trailing run of Good/Bad bullets becomes trade-offs, everything
 * before it stays consequence text as written.
 */
export function parseConsequences(body: string): { text: string; tradeoffs: ParsedTradeoff[] } {
  const blocks = blocksOf(body);
  let k = blocks.length;
  while (k > 0 && blocks[k - 1]?.kind === 'item' && GOOD_BAD.test(blocks[k - 1]?.text ?? '')) k -= 1;
  const run = blocks.slice(k).map((b) => ({
    good: /^good/i.test(b.text),
    text: unescapeMarkdownText(b.text.replace(GOOD_BAD, '')),
  }));
  const cut = blocks[k]?.line;
  const text = cut === undefined ? body : body.split('\n').slice(0, cut).join('\n');
  return { text: unescapeMarkdownText(text.trim()), tradeoffs: pairTradeoffs(run) };
}

/** One option's "Pros and Cons" sub-section. */
export function parseOptionDetails(title: string, body: string): ParsedOption {
  const option: ParsedOption = { title, description: '', pros: [], cons: [], neutral: [], chosen: false };
  const description: string[] = [];
  for (const b of blocksOf(body)) {
    const m = /^(good|bad|neutral|pro|con)(?:,\s*because\b|:)\s*([\s\S]*)$/i.exec(b.text);
    if (b.kind === 'item' && m) {
      const kind = (m[1] as string).toLowerCase();
      const text = unescapeMarkdownText(m[2] as string);
      (kind === 'good' || kind === 'pro'
        ? option.pros
        : kind === 'neutral'
          ? option.neutral
          : option.cons
      ).push(text);
    } else description.push(b.kind === 'item' ? `* ${b.text}` : b.text);
  }
  option.description = unescapeMarkdownText(description.join('\n\n'));
  return option;
}

const RACI_BY_LABEL = new Map<string, Raci>(RACI.map((r) => [RACI_LABELS[r].toLowerCase(), r]));
const STANCE_BY_LABEL = new Map<string, Stance>(
  STANCES.flatMap((s) => [[STANCE_LABELS[s].toLowerCase(), s] as const, [s, s] as const]),
);

/** `**Dana** (Accountable, Product): Supports — note` lines; `null` when a line is not one. */
export function parseStance(item: string): ParsedStance | null {
  const m = /^\*\*(.+?)\*\*\s*\(([^)]*)\)\s*:\s*([^—\n]+?)(?:\s+—\s+([\s\S]*))?$/.exec(item);
  const stance = m ? STANCE_BY_LABEL.get((m[3] as string).trim().toLowerCase()) : undefined;
  if (!m || !stance) return null;
  const raci = (m[2] as string)
    .split(',')
    .map((p) => RACI_BY_LABEL.get(p.trim().toLowerCase()))
    .find(Boolean);
  return {
    name: unescapeMarkdownText(m[1] as string),
    raci: raci ?? null,
    stance,
    note: unescapeMarkdownText((m[4] ?? '').trim()),
  };
}

/** `[ ] Title — Owner, due 2024-06-01` / `[x] Title, done 2024-05-02` / a plain next step. */
export function parseFollowUp(item: string): ParsedFollowUp {
  let text = unescapeMarkdownText(item);
  const box = /^\[([ xX])\]\s+/.exec(text);
  if (box) text = text.slice(box[0].length);
  let due: string | null = null;
  let doneOn: string | null = null;
  const when = /,\s*(due|done)\s+(\d{4}-\d{2}-\d{2})\s*$/i.exec(text);
  if (when) {
    text = text.slice(0, when.index);
    if ((when[1] as string).toLowerCase() === 'due') due = parseAdrDate(when[2]);
    else doneOn = parseAdrDate(when[2]);
  }
  const dash = text.lastIndexOf(' — ');
  const owner = dash > 0 ? text.slice(dash + 3).trim() : '';
  const title = (dash > 0 ? text.slice(0, dash) : text).trim();
  return { title, owner, due, done: Boolean(doneOn) || (box !== null && box[1] !== ' '), doneOn };
}

/** `[Page title](<url>) — “quote”` lines of the Sources list. */
export function parseSource(item: string): ParsedSource | null {
  const m = /^\[((?:[^\]\\]|\\.)*)\]\(<?([^\s>)]+)>?\)(?:\s+—\s+“([\s\S]*)”)?\s*$/.exec(item);
  // Only a web address is a source; anything else (javascript:, file:) stays in the text.
  if (!m || !isWebUrl(m[2] as string)) return null;
  return {
    title: unescapeMarkdownText((m[1] as string).replace(/\\([[\]\\|])/g, '$1')),
    url: m[2] as string,
    quote: unescapeMarkdownText(m[3] ?? ''),
  };
}

/** True when every item is a `YYYY-MM-DD — …` history line Decidedly wrote (those are not re-imported). */
export const isOwnHistory = (items: string[]) =>
  items.length > 0 && items.every((i) => /^\d{4}-\d{2}-\d{2} — /.test(i));
