// Search over the precomputed index: every term of the query must occur somewhere in a decision
// (title, quotes, context, rationale, consequences, tags, page titles, stakeholder names), and
// the matched words are marked where the decision is shown.
import type { LogEntry } from './entries';

/** The query's terms, lowercased: words, or "quoted phrases" kept whole. */
export function searchTerms(query: string): string[] {
  const terms: string[] = [];
  for (const m of query.toLowerCase().matchAll(/"([^"]*)"?|(\S+)/g)) {
    const term = (m[1] ?? m[2] ?? '').replace(/\s+/g, ' ').trim();
    if (term && !terms.includes(term)) terms.push(term);
  }
  return terms;
}

/**
 * Whether every match of `next` is a match of `previous` — each earlier term is part of a new one,
 * as when a word is typed further — so the new search may scan only the previous results.
 */
export function narrows(previous: readonly string[], next: readonly string[]): boolean {
  return previous.every((p) => next.some((n) => n.includes(p)));
}

export function matchesTerms(entry: LogEntry, terms: readonly string[]): boolean {
  for (const t of terms) if (!entry.text.includes(t)) return false;
  return true;
}

export interface TextPart {
  text: string;
  match: boolean;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `text` cut into matched and unmatched parts; longer terms win where terms overlap. */
export function highlightParts(text: string, terms: readonly string[]): TextPart[] {
  if (!terms.length || !text) return text ? [{ text, match: false }] : [];
  const sorted = [...terms].sort((a, b) => b.length - a.length).map(escapeRegExp);
  const pattern = new RegExp(sorted.join('|').replace(/ /g, '\\s+'), 'giu');
  const parts: TextPart[] = [];
  let at = 0;
  for (const m of text.matchAll(pattern)) {
    if (!m[0]) continue;
    if (m.index > at) parts.push({ text: text.slice(at, m.index), match: false });
    parts.push({ text: m[0], match: true });
    at = m.index + m[0].length;
  }
  if (at < text.length) parts.push({ text: text.slice(at), match: false });
  return parts;
}

export interface Snippet {
  /** Which field matched: "rationale", "quote", "Dana Lee"… */
  field: string;
  parts: TextPart[];
}

const SNIPPET_CONTEXT = 40;

/** Where a match outside the title is, as a short excerpt — so a row says why it matched. */
export function matchSnippet(entry: LogEntry, terms: readonly string[]): Snippet | null {
  if (!terms.length) return null;
  const d = entry.decision;
  const fields: [string, string][] = [
    ['quote', entry.anchors.map((a) => a.selectors?.quote.exact ?? '').join(' … ')],
    ['context', d.context],
    ['rationale', d.rationale],
    ['consequences', d.consequences],
    ['tags', d.tags.join(', ')],
    ['page', entry.pages.map((p) => p.title).join(', ')],
    ['people', entry.roles.map((r) => r.person.name).join(', ')],
  ];
  const title = d.title.toLowerCase();
  const missing = terms.filter((t) => !title.includes(t));
  // The title shows its own marks; an excerpt is for the terms it does not explain.
  const wanted = missing.length ? missing : [];
  for (const [field, text] of fields) {
    const lower = text.toLowerCase();
    const hit = wanted.map((t) => lower.indexOf(t)).find((i) => i >= 0);
    if (hit === undefined) continue;
    const start = Math.max(0, hit - SNIPPET_CONTEXT);
    const end = Math.min(text.length, hit + SNIPPET_CONTEXT * 2);
    const excerpt = `${start > 0 ? '…' : ''}${text.slice(start, end).replace(/\s+/g, ' ')}${end < text.length ? '…' : ''}`;
    return { field, parts: highlightParts(excerpt, terms) };
  }
  return null;
}
