// One decision as a MADR 4.0 Markdown file (https://adr.github.io/madr/): YAML front matter with
// status, date and the people, then the MADR sections filled from the decision record.

import { closeOpenFence, escapeMarkdownText, escapeNumberedTitle, linkText, oneLine } from '../md-text';
import { RACI_LABELS, STANCE_LABELS } from '../raci';
import type { DecisionEvent, Status } from '../schemas';
import { type DecisionBundle, isoDay, nameOf, namesWith } from './bundle';
import { yamlEntry } from './yaml-lite';

/** Our statuses in MADR's words; `revisiting` has no MADR equivalent, so it is written as is. */
export const MADR_STATUS: Record<Status, string> = {
  proposed: 'proposed',
  decided: 'accepted',
  revisiting: 'revisiting',
  rejected: 'rejected',
  superseded: 'superseded',
};

/** Where other decisions live in the same export, so "superseded by" can link to them. */
export interface MadrLinks {
  fileOf(decisionId: string): { number: number; fileName: string } | undefined;
}

/** `0001-use-postgres-for-sync.md`: the ADR-folder name of the n-th decision. */
export function madrFileName(n: number, title: string): string {
  return `${String(n).padStart(4, '0')}-${slugify(title)}.md`;
}

/** A file-name slug: ASCII, lowercase, dashes, at most 60 characters, cut at a word. */
export function slugify(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= 60) return slug || 'decision';
  const cut = slug.slice(0, 61);
  return cut.slice(0, cut.lastIndexOf('-') > 20 ? cut.lastIndexOf('-') : 60).replace(/-+$/, '');
}

export const adrLabel = (n: number) => `ADR-${String(n).padStart(4, '0')}`;

/** A list item whose text may span lines: continuation lines are indented under the bullet. */
function bullet(text: string, prefix = ''): string {
  // The first line follows the marker (never a fence there); later lines are indented under it.
  const [first = '', ...rest] = text.split('\n');
  const body = rest.length ? `${first}\n${closeOpenFence(rest.join('\n'))}` : first;
  return `* ${prefix}${escapeMarkdownText(body).replace(/\n/g, '\n  ')}`;
}

/** Bundles from `bundleDecisions` hold no tombstones; hand-built ones might. */
const live = <T extends { deleted: boolean }>(rows: T[]) => rows.filter((r) => !r.deleted);

/** A multi-line field as a block of the file. */
const block = (text: string) => escapeMarkdownText(closeOpenFence(text.trim()));

const quoted = (title: string) => `"${escapeMarkdownText(oneLine(title)).replace(/["\\]/g, '\\$&')}"`;

function frontMatter(b: DecisionBundle, links: MadrLinks | undefined, zone: string): string {
  const d = b.decision;
  const successor = d.supersededBy ? links?.fileOf(d.supersededBy) : undefined;
  const status = successor ? `superseded by ${adrLabel(successor.number)}` : MADR_STATUS[d.status];
  const lines = [
    '---',
    yamlEntry('status', status),
    `date: ${isoDay(d.decidedAt ?? d.updatedAt, zone)}`,
    yamlEntry('decision-makers', namesWith(b, 'A')),
    yamlEntry('consulted', namesWith(b, 'C')),
    yamlEntry('informed', namesWith(b, 'I')),
  ];
  // Not in MADR, but R is half of RACI and tools ignore keys they do not know.
  const responsible = namesWith(b, 'R');
  if (responsible.length) lines.push(yamlEntry('responsible', responsible));
  if (d.tags.length) lines.push(yamlEntry('tags', d.tags));
  if (d.reviewAt) lines.push(`review-date: ${isoDay(d.reviewAt, zone)}`);
  const sources = [...new Set(live(b.anchors).map((a) => a.url))];
  if (sources.length) lines.push(yamlEntry('source', sources));
  lines.push('---');
  return lines.join('\n');
}

function outcome(b: DecisionBundle): string[] {
  const d = b.decision;
  const chosen = d.options.filter((o) => o.chosen);
  const why = block(d.rationale);
  const out = ['## Decision Outcome', ''];
  if (chosen.length) {
    const names = chosen.map((o) => quoted(o.title)).join(', ');
    const head = `Chosen option${chosen.length > 1 ? 's' : ''}: ${names}`;
    out.push(why ? `${head}, because ${why}` : head, '');
  } else if (why) out.push(why, '');
  const tradeoffs = d.tradeoffs.flatMap((t) => [
    ...(t.gain.trim() ? [bullet(t.gain.trim(), 'Good, because ')] : []),
    ...(t.cost.trim()
      ? [
          `${bullet(t.cost.trim(), 'Bad, because ')}${t.bornBy.trim() ? ` (borne by ${escapeMarkdownText(oneLine(t.bornBy))})` : ''}`,
        ]
      : []),
  ]);
  if (d.consequences.trim() || tradeoffs.length) {
    out.push('### Consequences', '');
    if (d.consequences.trim()) out.push(block(d.consequences), '');
    if (tradeoffs.length) out.push(...tradeoffs, '');
  }
  return out;
}

function prosAndCons(b: DecisionBundle): string[] {
  const weighed = b.decision.options.filter((o) => o.pros.trim() || o.cons.trim());
  if (!weighed.length) return [];
  const lines = (text: string) =>
    text
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
  return [
    '## Pros and Cons of the Options',
    '',
    ...weighed.flatMap((o) => [
      `### ${escapeMarkdownText(oneLine(o.title))}`,
      '',
      ...lines(o.pros).map((l) => bullet(l, 'Good, because ')),
      ...lines(o.cons).map((l) => bullet(l, 'Bad, because ')),
      '',
    ]),
  ];
}

function describeEvent(e: DecisionEvent): string {
  const detail = e.detail as Record<string, unknown>;
  const what =
    typeof detail.from === 'string' && typeof detail.to === 'string'
      ? `${e.kind}: ${detail.from} → ${detail.to}`
      : e.kind.charAt(0).toUpperCase() + e.kind.slice(1);
  return oneLine(`${what}${e.actor ? ` (${e.actor})` : ''}`);
}

function moreInformation(b: DecisionBundle, links: MadrLinks | undefined, zone: string): string[] {
  const d = b.decision;
  const parts: string[] = [];
  const section = (title: string, body: string[]) => {
    if (body.length) parts.push(`### ${title}`, '', ...body, '');
  };
  section('Risks', d.risks.trim() ? [block(d.risks)] : []);
  section(
    'Stakeholder stances',
    live(b.roles).map((r) => {
      const person = b.stakeholders.find((s) => s.id === r.stakeholderId);
      const meta = [RACI_LABELS[r.raci], person?.function].filter(Boolean).join(', ');
      const note = r.note.trim() ? ` — ${r.note.trim()}` : '';
      return bullet(
        `**${oneLine(nameOf(b, r.stakeholderId))}** (${meta}): ${STANCE_LABELS[r.stance]}${note}`,
      );
    }),
  );
  section(
    'Follow-ups',
    live(b.followUps).map((f) => {
      const owner = f.ownerId ? ` — ${nameOf(b, f.ownerId)}` : '';
      const when = f.doneAt
        ? `, done ${isoDay(f.doneAt, zone)}`
        : f.dueAt
          ? `, due ${isoDay(f.dueAt, zone)}`
          : '';
      return bullet(`${oneLine(f.title)}${owner}${when}`, f.doneAt ? '[x] ' : '[ ] ');
    }),
  );
  section(
    'Sources',
    live(b.anchors).map((a) => {
      const quote = a.selectors?.quote.exact.trim();
      const page = `[${linkText(a.pageTitle || a.url)}](<${a.url.replace(/[<>\s]/g, encodeURIComponent)}>)`;
      return `* ${page}${quote ? ` — “${escapeMarkdownText(oneLine(quote))}”` : ''}`;
    }),
  );
  const related = (id: string | null, verb: string) => {
    const file = id ? links?.fileOf(id) : undefined;
    return file ? [`* ${verb} [${adrLabel(file.number)}](${file.fileName})`] : [];
  };
  section('Related decisions', [
    ...related(d.supersedes, 'Supersedes'),
    ...related(d.supersededBy, 'Superseded by'),
  ]);
  section(
    'History',
    live(b.events).map((e) => `* ${isoDay(e.at, zone)} — ${escapeMarkdownText(describeEvent(e))}`),
  );
  return parts.length ? ['## More Information', '', ...parts] : [];
}

/**
 * The decision as a MADR 4.0 document; `links` resolves other decisions of the same export, and
 * days are named in `timeZone` (the person's; UTC by default).
 */
export function toMadr(bundle: DecisionBundle, links?: MadrLinks, timeZone = 'UTC'): string {
  const d = bundle.decision;
  const options = d.options.length
    ? ['## Considered Options', '', ...d.options.map((o) => bullet(oneLine(o.title))), '']
    : [];
  const body = [
    frontMatter(bundle, links, timeZone),
    '',
    `# ${escapeNumberedTitle(escapeMarkdownText(oneLine(d.title)))}`,
    '',
    '## Context and Problem Statement',
    '',
    ...(d.context.trim() ? [block(d.context), ''] : []),
    ...options,
    ...outcome(bundle),
    ...prosAndCons(bundle),
    ...moreInformation(bundle, links, timeZone),
  ];
  return `${body.join('\n').trimEnd()}\n`;
}
