// Just enough Markdown structure to read ADRs: the heading tree (ignoring `#` lines inside fenced
// code) and, within a section, list items versus other text.

export interface MdSection {
  level: number;
  /** Heading text as written (closing `#`s removed). */
  title: string;
  /** Text before the first sub-heading. */
  body: string;
  /** Everything under the heading, sub-sections included. */
  full: string;
  children: MdSection[];
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const ATX = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;

/** The heading tree of a document; `preamble` is the text before the first heading. */
export function splitSections(markdown: string): { preamble: string; sections: MdSection[] } {
  const lines = markdown.split('\n');
  const heads: { level: number; title: string; line: number }[] = [];
  let fence: string | null = null;
  lines.forEach((line, i) => {
    const f = FENCE.exec(line);
    if (fence) {
      if (f && (f[1] as string)[0] === fence[0] && (f[1] as string).length >= fence.length) fence = null;
      return;
    }
    if (f) {
      fence = f[1] as string;
      return;
    }
    const h = ATX.exec(line);
    if (h) heads.push({ level: (h[1] as string).length, title: (h[2] ?? '').trim(), line: i });
  });
  const text = (from: number, to: number) => lines.slice(from, to).join('\n').trim();
  const nodes: MdSection[] = heads.map((h, k) => {
    const next = heads[k + 1]?.line ?? lines.length;
    const end = heads.slice(k + 1).find((o) => o.level <= h.level)?.line ?? lines.length;
    return {
      level: h.level,
      title: h.title,
      body: text(h.line + 1, next),
      full: text(h.line + 1, end),
      children: [],
    };
  });
  const roots: MdSection[] = [];
  const stack: MdSection[] = [];
  for (const node of nodes) {
    while (stack.length && (stack.at(-1) as MdSection).level >= node.level) stack.pop();
    const parent = stack.at(-1);
    if (parent) parent.children.push(node);
    else roots.push(node);
    stack.push(node);
  }
  return { preamble: text(0, heads[0]?.line ?? lines.length), sections: roots };
}

/** A list item or a run of other text; `line` is where it starts in the body (0-based). */
export interface MdBlock {
  kind: 'item' | 'text';
  text: string;
  line: number;
}

const ITEM = /^( {0,3}(?:[*+-]|\d{1,9}[.)]))([ \t]+|$)(.*)$/;
const HR = /^ {0,3}([-*_])([ \t]*\1){2,}[ \t]*$/;
const leading = (line: string) => (/^ */.exec(line) as RegExpExecArray)[0].length;

/**
 * Splits a section body into list items and other text blocks, in order. Continuation lines of an
 * item (indented to its content, or lazy lines right after it) join the item, dedented; fenced
 * code stays whole.
 */
export function blocksOf(body: string): MdBlock[] {
  const out: MdBlock[] = [];
  const lines = body.split('\n');
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] as string;
    const item = ITEM.exec(line);
    if (!line.trim()) {
      i += 1;
    } else if (item && !HR.test(line)) {
      // Content starts after the marker and 1–4 spaces; continuation lines are indented that far.
      const indent = (item[1] as string).length + Math.min(Math.max((item[2] as string).length, 1), 4);
      const parts = [item[3] ?? ''];
      const start = i;
      i += 1;
      while (i < lines.length) {
        const next = lines[i] as string;
        if (!next.trim()) {
          const after = lines[i + 1] ?? '';
          if (!after.trim() || leading(after) < indent) break;
          parts.push('');
        } else if (leading(next) >= indent) parts.push(next.slice(indent));
        else if (!ITEM.test(next) && parts.at(-1) !== '') parts.push(next.trim());
        else break;
        i += 1;
      }
      out.push({ kind: 'item', text: parts.join('\n').trim(), line: start });
    } else {
      const para: string[] = [];
      const start = i;
      let fence: string | null = null;
      while (i < lines.length) {
        const next = lines[i] as string;
        const f = FENCE.exec(next);
        if (fence) {
          if (f && (f[1] as string)[0] === fence[0]) fence = null;
        } else if (f) fence = f[1] as string;
        else if (!next.trim() || (ITEM.test(next) && para.length)) break;
        para.push(next);
        i += 1;
      }
      out.push({ kind: 'text', text: para.join('\n'), line: start });
    }
  }
  return out;
}

/** Heading text in a comparable form: lowercase, no numbering, markup or trailing punctuation. */
export function headingKey(title: string): string {
  return title
    .toLowerCase()
    .replace(/\(optional\)|\[optional\]/g, '')
    .replace(/^\s*(\d+(\.\d+)*\.?|[ivx]+\.)\s+/, '')
    .replace(/[*_`:]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}
