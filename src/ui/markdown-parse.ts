// A small Markdown subset parsed into a plain tree (no HTML strings anywhere): paragraphs, line
// breaks, **bold**, *italic*, `code`, fenced code, lists, headings, blockquotes, rules and links.
// Raw HTML is not part of the subset, so `<script>` is just text. Blocks here, inlines in
// markdown-inline.ts; nesting is capped so hostile input cannot recurse deeply.
import { type Inline, MAX_DEPTH, parseInline } from './markdown-inline';

export { type Inline, parseInline, safeHref } from './markdown-inline';

export type Block =
  | { type: 'paragraph'; children: Inline[] }
  | { type: 'heading'; level: number; children: Inline[] }
  | { type: 'code'; lang: string; value: string }
  | { type: 'list'; ordered: boolean; start: number; items: Block[][] }
  | { type: 'blockquote'; children: Block[] }
  | { type: 'hr' };

const FENCE = /^( {0,3})(`{3,}|~{3,})[ \t]*([^`\s]*)[^`]*$/;
const ATX = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const HR = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const QUOTE = /^ {0,3}> ?/;
const LIST = /^( {0,3})([-*+]|(\d{1,9})([.)]))([ \t]+|$)(.*)$/;
const SETEXT = /^ {0,3}(=+|-+)[ \t]*$/;

const leading = (line: string) => (/^ */.exec(line) as RegExpExecArray)[0].length;

/** Whether `line` starts a block that ends a paragraph (only "1." starts an ordered list there). */
function interrupts(line: string): boolean {
  if (FENCE.test(line) || ATX.test(line) || HR.test(line) || QUOTE.test(line)) return true;
  const m = LIST.exec(line);
  return Boolean(m?.[6]?.trim() && (!m[3] || m[3] === '1'));
}

/** Parses Markdown source into blocks. */
export function parseMarkdown(text: string): Block[] {
  const lines = text.replace(/\r\n?/g, '\n').replace(/\0/g, '\uFFFD').split('\n');
  return parseBlocks(
    lines.map((l) => l.replace(/^\t+/, (t) => '    '.repeat(t.length))),
    0,
  );
}

function parseBlocks(lines: string[], depth: number): Block[] {
  const out: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] as string;
    if (!line.trim()) {
      i += 1;
      continue;
    }
    const fence = FENCE.exec(line);
    if (fence) {
      i = parseFence(lines, i, fence, out);
      continue;
    }
    const atx = ATX.exec(line);
    if (atx) {
      out.push({
        type: 'heading',
        level: (atx[1] as string).length,
        children: parseInline(atx[2] ?? '', depth),
      });
      i += 1;
    } else if (HR.test(line)) {
      out.push({ type: 'hr' });
      i += 1;
    } else if (QUOTE.test(line)) {
      const inner: string[] = [];
      while (
        i < lines.length &&
        (lines[i] as string).trim() &&
        (QUOTE.test(lines[i] as string) || !interrupts(lines[i] as string))
      ) {
        inner.push((lines[i] as string).replace(QUOTE, ''));
        i += 1;
      }
      out.push(
        depth >= MAX_DEPTH
          ? paragraph(inner, depth)
          : { type: 'blockquote', children: parseBlocks(inner, depth + 1) },
      );
    } else if (LIST.test(line)) {
      i = parseList(lines, i, depth, out);
    } else {
      const para = [line];
      i += 1;
      while (
        i < lines.length &&
        (lines[i] as string).trim() &&
        !interrupts(lines[i] as string) &&
        !SETEXT.test(lines[i] as string)
      ) {
        para.push(lines[i] as string);
        i += 1;
      }
      const underline = SETEXT.exec(lines[i] ?? '');
      if (underline) {
        const level = (underline[1] as string)[0] === '=' ? 1 : 2;
        out.push({
          type: 'heading',
          level,
          children: parseInline(para.map((l) => l.trim()).join('\n'), depth),
        });
        i += 1;
      } else out.push(paragraph(para, depth));
    }
  }
  return out;
}

/** A fenced code block from `start` (an unclosed fence runs to the end); returns the next line index. */
function parseFence(lines: string[], start: number, open: RegExpExecArray, out: Block[]): number {
  const [indent, fence] = [(open[1] as string).length, open[2] as string];
  const body: string[] = [];
  let i = start + 1;
  while (i < lines.length) {
    const close = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(lines[i] as string);
    if (close && (close[1] as string)[0] === fence[0] && (close[1] as string).length >= fence.length) break;
    body.push((lines[i] as string).replace(new RegExp(`^ {0,${indent}}`), ''));
    i += 1;
  }
  out.push({ type: 'code', lang: open[3] ?? '', value: body.join('\n') });
  return i + 1;
}

const paragraph = (lines: string[], depth: number): Block => ({
  type: 'paragraph',
  children: parseInline(lines.map((l) => l.trim()).join('\n'), depth),
});

/** Parses the list starting at `start` into `out`; returns the index of the first line after it. */
function parseList(lines: string[], start: number, depth: number, out: Block[]): number {
  const first = LIST.exec(lines[start] as string) as RegExpExecArray;
  const ordered = Boolean(first[3]);
  const marker = ordered ? first[4] : first[2];
  const items: Block[][] = [];
  let i = start;
  while (i < lines.length) {
    const m = LIST.exec(lines[i] as string);
    if (!m || HR.test(lines[i] as string) || Boolean(m[3]) !== ordered || (ordered ? m[4] : m[2]) !== marker)
      break;
    const indent =
      (m[1] as string).length + (m[2] as string).length + Math.min(Math.max((m[5] as string).length, 1), 4);
    const body = [m[6] ?? ''];
    i += 1;
    while (i < lines.length) {
      const line = lines[i] as string;
      if (!line.trim()) {
        let k = i;
        while (k < lines.length && !(lines[k] as string).trim()) k += 1;
        if (k >= lines.length || leading(lines[k] as string) < indent) break;
        while (i < k) {
          body.push('');
          i += 1;
        }
      } else if (leading(line) >= indent) {
        body.push(line.slice(indent));
        i += 1;
      } else if (!interrupts(line) && !LIST.test(line) && (body.at(-1) as string).trim()) {
        body.push(line.trim());
        i += 1;
      } else break;
    }
    items.push(depth >= MAX_DEPTH ? [paragraph(body, depth)] : parseBlocks(body, depth + 1));
    let k = i;
    while (k < lines.length && !(lines[k] as string).trim()) k += 1;
    if (k < lines.length && LIST.test(lines[k] as string)) i = k;
    else break;
  }
  out.push({ type: 'list', ordered, start: ordered ? Number(first[3]) : 1, items });
  return i;
}
