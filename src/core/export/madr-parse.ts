// Reads one ADR Markdown file — MADR 2/3/4, Nygard (adr-tools) or log4brains — into a ParsedAdr.
// Text stays Markdown source: HTML in it is never interpreted, only carried as characters.

import { splitNumberedTitle, stripHtmlComments, unescapeMarkdownText } from '../md-text';
import { isWebUrl } from '../urls';
import {
  asText,
  mapAdrStatus,
  numberFromFileName,
  parseAdrDate,
  parseAdrLink,
  parseNames,
  parseTags,
} from './adr-fields';
import { joinText as join, readSections, sectionKind } from './adr-sections';
import type { AdrTemplate, ParseAdrResult, ParsedAdr } from './adr-types';
import { splitSections } from './md-sections';
import { readFrontMatter, type YamlValue } from './yaml-lite';

export const MAX_ADR_CHARS = 1_000_000;

// `* Status: accepted` (MADR 2), `- Deciders: …` (log4brains), `Date: 2016-02-12` (Nygard).
const META_LINE =
  /^\s*([*+-]\s+)?(status|date|deciders|decision[- ]makers|consulted|informed|tags|technical story|review[- ]date|responsible)\s*:\s*(.*)$/i;

const META_KEY = new Map([
  ['deciders', 'decision-makers'],
  ['decision makers', 'decision-makers'],
  ['review date', 'review-date'],
  ['sources', 'source'],
]);
const canonical = (key: string) => META_KEY.get(key.toLowerCase()) ?? key.toLowerCase();

const emptyAdr = (fileName: string | null): ParsedAdr => ({
  fileName,
  template: 'markdown',
  number: null,
  title: '',
  status: 'proposed',
  statusText: '',
  supersededBy: null,
  supersedes: null,
  date: null,
  reviewDate: null,
  decisionMakers: [],
  responsible: [],
  consulted: [],
  informed: [],
  tags: [],
  sources: [],
  context: '',
  drivers: [],
  options: [],
  rationale: '',
  consequences: '',
  tradeoffs: [],
  confirmation: '',
  risks: '',
  stances: [],
  followUps: [],
  moreInformation: '',
  otherSections: [],
  warnings: [],
});

/** Parses one ADR; `fileName` (e.g. `docs/decisions/0005-use-x.md`) supplies a number and a fallback title. */
export function parseAdr(markdown: string, fileName?: string): ParseAdrResult {
  const label = fileName ?? 'The file';
  if (markdown.length > MAX_ADR_CHARS)
    return {
      ok: false,
      error: `${label} is too large to be an ADR (over ${MAX_ADR_CHARS / 1_000_000} MB of text).`,
    };
  const text = stripHtmlComments(
    markdown
      .replace(/^\uFEFF/, '')
      .replace(/\r\n?/g, '\n')
      .replace(/\0/g, ''),
  );
  const adr = emptyAdr(fileName ?? null);
  const fm = readFrontMatter(text);
  adr.warnings.push(...(fm?.warnings ?? []));
  const meta = new Map<string, YamlValue>();
  for (const [k, v] of fm?.data ?? []) meta.set(canonical(k), v);
  const { preamble, sections } = splitSections(fm ? fm.body : text);

  const titleNode = sections.find((s) => s.level === 1);
  const top = [...(titleNode?.children ?? []), ...sections.filter((s) => s !== titleNode)];
  const numbered = splitNumberedTitle(titleNode?.title ?? asText(meta.get('title')));
  let title = unescapeMarkdownText(numbered.title);
  adr.number = numbered.number ?? numberFromFileName(fileName);

  // Metadata lines under the title (MADR 2, log4brains, Nygard); front matter wins over them.
  let bullet = '';
  const leftover: string[] = [];
  for (const line of join(preamble, titleNode?.body ?? '').split('\n')) {
    const m = META_LINE.exec(line.replace(/\*\*|__/g, ''));
    if (!m) {
      leftover.push(line);
      continue;
    }
    bullet ||= (m[1] ?? ' ').trim() || ' ';
    const key = canonical((m[2] as string).replace(/\s+/g, ' '));
    if (!meta.has(key)) meta.set(key, (m[3] as string).trim());
  }
  const story = asText(meta.get('technical story'));

  const statusSection = top.find((s) => sectionKind(s.title) === 'status');
  const statusLines = (statusSection?.full ?? '')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  for (const line of statusLines) {
    if (/^superseded by\b/i.test(line))
      adr.supersededBy ??= parseAdrLink(line.replace(/^superseded by\s*/i, ''));
    else if (/^supersedes\b/i.test(line))
      adr.supersedes ??= parseAdrLink(line.replace(/^supersedes\s*/i, ''));
  }
  adr.statusText =
    asText(meta.get('status')) || statusLines.find((l) => !/^(supersedes|amended|amends)\b/i.test(l)) || '';
  const status = mapAdrStatus(adr.statusText);
  adr.status = status.status;
  adr.supersededBy = status.supersededBy ?? adr.supersededBy;
  if (!status.known)
    adr.warnings.push(`Unknown status "${adr.statusText.slice(0, 40)}"; imported as proposed.`);

  for (const [key, field] of [
    ['date', 'date'],
    ['review-date', 'reviewDate'],
  ] as const) {
    const value = asText(meta.get(key));
    adr[field] = parseAdrDate(value);
    if (value && !adr[field])
      adr.warnings.push(`The ${key} "${value.slice(0, 30)}" is not a YYYY-MM-DD date; it was left out.`);
  }
  adr.decisionMakers = parseNames(meta.get('decision-makers'));
  adr.responsible = parseNames(meta.get('responsible'));
  adr.consulted = parseNames(meta.get('consulted'));
  adr.informed = parseNames(meta.get('informed'));
  adr.tags = parseTags(meta.get('tags'));
  const urls = [meta.get('source') ?? []]
    .flat()
    .flatMap((u) => u.split(/\s+/))
    .filter((u) => isWebUrl(u));
  urls.push(...(story.match(/https?:\/\/[^\s)<>\]]+/gi) ?? []));
  adr.sources = [...new Set(urls)].map((url) => ({ url, title: '', quote: '' }));

  const more: string[] = [story && !/^https?:\/\/\S+$/i.test(story) ? `Technical story: ${story}` : ''];
  readSections(adr, top, more);
  adr.moreInformation = unescapeMarkdownText(join(...more));

  adr.template = templateOf(
    fm?.data,
    bullet,
    Boolean(statusSection) || /^date:/im.test(preamble + (titleNode?.body ?? '')),
  );
  const rest = unescapeMarkdownText(leftover.join('\n').trim());
  if (!title && !top.length)
    return { ok: false, error: `${label} has no title and no ADR sections; it does not look like an ADR.` };
  if (!title) {
    title =
      (fileName ?? '')
        .split('/')
        .pop()
        ?.replace(/\.md$/i, '')
        .replace(/^\d+[-_]/, '')
        .replace(/[-_]+/g, ' ')
        .trim() ?? '';
    adr.warnings.push('No "# Title" heading; the title was taken from the file name.');
  }
  if (!title) return { ok: false, error: `${label} has no "# Title" heading.` };
  adr.title = title.trim();
  if (rest) adr.context = join(rest, adr.context);
  if (!top.length && rest) adr.warnings.push('No ADR sections were found; the text was imported as context.');
  return { ok: true, decision: adr };
}

function templateOf(fm: Map<string, YamlValue> | undefined, bullet: string, nygard: boolean): AdrTemplate {
  if (fm) return fm.has('deciders') ? 'madr-3' : 'madr-4';
  if (bullet === '*') return 'madr-2';
  if (bullet === '-') return 'log4brains';
  return nygard ? 'nygard' : 'markdown';
}
