// Reading the sections of an ADR — whatever the template calls them — into the fields of a
// ParsedAdr: context, drivers, options with pros and cons, outcome, consequences, More Information.

import { unescapeMarkdownText } from '../md-text';
import { parseAdrLink } from './adr-fields';
import {
  isOwnHistory,
  pairTradeoffs,
  parseConsequences,
  parseFollowUp,
  parseOptionDetails,
  parseOutcome,
  parseSource,
  parseStance,
} from './adr-parts';
import type { ParsedAdr, ParsedOption } from './adr-types';
import { blocksOf, headingKey, type MdSection } from './md-sections';

type Kind =
  | 'context'
  | 'drivers'
  | 'options'
  | 'outcome'
  | 'consequences'
  | 'good'
  | 'bad'
  | 'confirmation'
  | 'prosCons'
  | 'more'
  | 'status'
  | 'risks';

const KINDS = new Map<string, Kind>(
  Object.entries({
    'context and problem statement': 'context',
    context: 'context',
    'problem statement': 'context',
    'context and problem': 'context',
    background: 'context',
    'decision drivers': 'drivers',
    drivers: 'drivers',
    'considered options': 'options',
    'options considered': 'options',
    options: 'options',
    alternatives: 'options',
    'decision outcome': 'outcome',
    decision: 'outcome',
    outcome: 'outcome',
    consequences: 'consequences',
    'positive consequences': 'good',
    'negative consequences': 'bad',
    confirmation: 'confirmation',
    validation: 'confirmation',
    'pros and cons of the options': 'prosCons',
    'pros and cons': 'prosCons',
    'more information': 'more',
    links: 'more',
    notes: 'more',
    references: 'more',
    status: 'status',
    risks: 'risks',
  }) as [string, Kind][],
);

/** What a heading names, across templates ("Context", "Context and Problem Statement", …). */
export const sectionKind = (title: string): Kind | undefined => KINDS.get(headingKey(title));

const raw = (s: MdSection) => `${'#'.repeat(s.level)} ${s.title}\n\n${s.full}`.trim();
export const joinText = (...parts: string[]) =>
  parts
    .map((p) => p.trim())
    .filter(Boolean)
    .join('\n\n');
const optionKey = (t: string) =>
  t
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/["“”*_`]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();

/** Fills `adr` from the sections under the title; `more` collects More Information text. */
export function readSections(adr: ParsedAdr, sections: MdSection[], more: string[]): void {
  const chosen: string[] = [];
  for (const s of sections) readSection(adr, s, chosen, more);
  markChosen(adr.options, chosen);
}

function readSection(adr: ParsedAdr, s: MdSection, chosen: string[], more: string[]): void {
  const kind = sectionKind(s.title);
  const text = (t: string) => unescapeMarkdownText(t.trim());
  const items = (body: string) =>
    blocksOf(body)
      .filter((b) => b.kind === 'item')
      .map((b) => b.text);
  switch (kind) {
    case 'context':
      adr.context = joinText(adr.context, text(s.full));
      return;
    case 'risks':
      adr.risks = joinText(adr.risks, text(s.full));
      return;
    case 'confirmation':
      adr.confirmation = joinText(adr.confirmation, text(s.full));
      return;
    case 'status':
      return;
    case 'drivers':
      adr.drivers.push(...blocksOf(s.full).map((b) => text(b.text)));
      return;
    case 'options':
      for (const b of blocksOf(s.body)) {
        if (b.kind === 'item')
          adr.options.push({
            title: text(b.text.replace(/\s+/g, ' ')),
            description: '',
            pros: [],
            cons: [],
            neutral: [],
            chosen: false,
          });
        else adr.otherSections.push({ heading: s.title, text: text(b.text) });
      }
      // Some ADRs describe each option in a sub-section right here instead of under "Pros and Cons".
      for (const c of s.children) {
        if (sectionKind(c.title)) readSection(adr, c, chosen, more);
        else mergeOption(adr.options, parseOptionDetails(text(c.title), c.full));
      }
      return;
    case 'outcome': {
      const outcome = parseOutcome(s.body.trim());
      chosen.push(...outcome.chosen.map((c) => text(c)));
      adr.rationale = joinText(adr.rationale, text(outcome.rationale));
      for (const c of s.children) readSection(adr, c, chosen, more);
      return;
    }
    case 'consequences': {
      const parsed = parseConsequences(s.body);
      adr.consequences = joinText(adr.consequences, parsed.text);
      adr.tradeoffs.push(...parsed.tradeoffs);
      for (const c of s.children) readSection(adr, c, chosen, more);
      return;
    }
    case 'good':
    case 'bad': {
      const blocks = blocksOf(s.full);
      adr.tradeoffs.push(
        ...pairTradeoffs(
          blocks.filter((b) => b.kind === 'item').map((b) => ({ good: kind === 'good', text: text(b.text) })),
        ),
      );
      adr.consequences = joinText(
        adr.consequences,
        ...blocks.filter((b) => b.kind === 'text').map((b) => text(b.text)),
      );
      return;
    }
    case 'prosCons':
      for (const c of s.children) mergeOption(adr.options, parseOptionDetails(text(c.title), c.full));
      if (s.body.trim()) adr.otherSections.push({ heading: s.title, text: text(s.body) });
      return;
    case 'more':
      more.push(s.body);
      for (const c of s.children) readMore(adr, c, more, items);
      return;
    default:
      if (s.full.trim() || s.title)
        adr.otherSections.push({ heading: unescapeMarkdownText(s.title), text: text(s.full) });
  }
}

/** The sub-sections Decidedly writes under More Information; anything else stays text. */
function readMore(adr: ParsedAdr, c: MdSection, more: string[], items: (body: string) => string[]): void {
  const key = headingKey(c.title);
  const list = items(c.full);
  if (key === 'risks') adr.risks = joinText(adr.risks, unescapeMarkdownText(c.full));
  else if (key === 'stakeholder stances' && list.every((i) => parseStance(i)))
    adr.stances.push(...list.flatMap((i) => parseStance(i) ?? []));
  else if (key === 'follow-ups' || key === 'next steps' || key === 'action items')
    adr.followUps.push(...list.map(parseFollowUp));
  else if (key === 'sources' && list.every((i) => parseSource(i))) {
    for (const src of list.map((i) => parseSource(i))) {
      if (!src) continue;
      const known = adr.sources.find((s) => s.url === src.url);
      if (known) Object.assign(known, src);
      else adr.sources.push(src);
    }
  } else if (key === 'related decisions') {
    for (const i of list) {
      if (/^superseded by\b/i.test(i)) adr.supersededBy ??= parseAdrLink(i.replace(/^superseded by\s*/i, ''));
      else if (/^supersedes\b/i.test(i)) adr.supersedes ??= parseAdrLink(i.replace(/^supersedes\s*/i, ''));
      else more.push(`* ${i}`);
    }
  } else if (!(key === 'history' && isOwnHistory(list))) more.push(raw(c));
}

/** The option a title refers to: the same title, else one whose title starts with the other ("MADR 2.1.2" → "[MADR](…) 2.1.2 – …"). */
function findOption(options: ParsedOption[], title: string): ParsedOption | undefined {
  const key = optionKey(title);
  if (!key) return undefined;
  const prefix = (long: string, short: string) =>
    long.startsWith(short) && !/[\p{L}\p{N}]/u.test(long[short.length] ?? '');
  return (
    options.find((o) => optionKey(o.title) === key) ??
    options.find((o) => prefix(optionKey(o.title), key) || prefix(key, optionKey(o.title))) ??
    options.find((o) => optionKey(o.title).includes(key))
  );
}

function mergeOption(options: ParsedOption[], detail: ParsedOption): void {
  const known = findOption(options, detail.title);
  if (!known) options.push(detail);
  else
    Object.assign(known, {
      description: detail.description,
      pros: detail.pros,
      cons: detail.cons,
      neutral: detail.neutral,
    });
}

/** Marks the chosen options; a chosen option the list does not name is added. */
function markChosen(options: ParsedOption[], chosen: string[]): void {
  for (const name of chosen) {
    const hit = findOption(options, name);
    if (hit) hit.chosen = true;
    else options.push({ title: name, description: '', pros: [], cons: [], neutral: [], chosen: true });
  }
}
