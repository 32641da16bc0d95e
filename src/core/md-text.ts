// Text helpers for writing user text into Markdown files and reading it back. Exported ADRs end up
// in docs sites (MkDocs, log4brains, Backstage) that render raw HTML, so `<` outside code is written
// as `&lt;`: a teammate's `<img onerror=…>` stays text there; and a `# line` in user text must not
// start a section of the ADR. Both escapes reverse exactly, so a round trip gives back what was typed.

/**
 * Applies `fn` to the prose of `text`, leaving fenced code blocks and `code spans` untouched, and
 * `heading` to each prose line (user text must not open sections of the file it is written into).
 */
function mapProse(text: string, fn: (prose: string) => string, heading: (line: string) => string): string {
  const out: string[] = [];
  let fence: string | null = null;
  for (const line of text.split('\n')) {
    const f = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (fence) {
      out.push(line);
      if (
        f &&
        (f[1] as string)[0] === fence[0] &&
        (f[1] as string).length >= fence.length &&
        !/\S/.test(line.slice(f[0].length))
      )
        fence = null;
    } else if (f) {
      out.push(line);
      fence = f[1] as string;
    } else {
      out.push(mapLineProse(heading(line), fn));
    }
  }
  return out.join('\n');
}

/** Within one line: prose segments go through `fn`, code spans (matched backtick runs) do not. */
function mapLineProse(line: string, fn: (prose: string) => string): string {
  let out = '';
  let start = 0;
  let i = line.indexOf('`');
  while (i !== -1) {
    const n = runLength(line, i);
    const run = '`'.repeat(n);
    let j = line.indexOf(run, i + n);
    while (j !== -1 && runLength(line, j) !== n) j = line.indexOf(run, j + runLength(line, j));
    if (j === -1) {
      i = line.indexOf('`', i + n);
      continue;
    }
    out += fn(line.slice(start, i)) + line.slice(i, j + n);
    start = j + n;
    i = line.indexOf('`', start);
  }
  return out + fn(line.slice(start));
}

function runLength(s: string, at: number): number {
  let n = 0;
  while (s[at + n] === '`') n += 1;
  return n;
}

// A line that would be an ATX heading, possibly already backslash-escaped: one more backslash
// escapes it, one fewer restores it, so both directions stay exact.
const HEADING_LINE = /^( {0,3})(\\*)(#{1,6}(?:[ \t]|$))/;

/**
 * Escapes user text for a Markdown file: `<` → `&lt;` in prose (a literal `&lt;` → `&amp;lt;`) and
 * `# line` → `\# line`. `unescapeMarkdownText` reverses it exactly.
 */
export function escapeMarkdownText(text: string): string {
  return mapProse(
    text,
    (s) => s.replace(/&((?:amp;)*lt;)/g, '&amp;$1').replace(/</g, '&lt;'),
    (line) => line.replace(HEADING_LINE, '$1\\$2$3'),
  );
}

/** The inverse of `escapeMarkdownText`; on foreign files it decodes `&lt;` and `\#` as Markdown would. */
export function unescapeMarkdownText(text: string): string {
  return mapProse(
    text,
    (s) =>
      s.replace(/&(amp;)?((?:amp;)*lt;)/g, (_m, amp: string | undefined, rest: string) =>
        amp ? `&${rest}` : '<',
      ),
    (line) => line.replace(/^( {0,3})\\(\\*#{1,6}(?:[ \t]|$))/, '$1$2'),
  );
}

/**
 * Closes a fenced code block the text leaves open: in the UI such a fence ends with the field, and
 * in a file it would otherwise swallow every section after it.
 */
export function closeOpenFence(text: string): string {
  let fence: string | null = null;
  for (const line of text.split('\n')) {
    const f = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (!f) continue;
    const run = f[1] as string;
    if (!fence) fence = run;
    else if (run[0] === fence[0] && run.length >= fence.length && !/\S/.test(line.slice(f[0].length)))
      fence = null;
  }
  return fence ? `${text}\n${fence}` : text;
}

// "1. Title", "ADR-0001: Title", "5 - Title": how ADR titles carry their number. Group 3 holds
// backslashes: export adds one before the separator so a title that only looks numbered stays whole.
const NUMBERED_TITLE = /^((?:adr[-\s]?)?0*\d{1,5})(\s*)(\\*)([.:]|[-–—])(\s+\S.*)$/i;

const numberedParts = (heading: string) => {
  const m = NUMBERED_TITLE.exec(heading);
  // A dash separates only with a space before it ("ADR-5-x" is a name, "5 - x" a number).
  return m && !(/[-–—]/.test(m[4] as string) && !m[2]) ? (m as unknown as string[]) : null;
};

/** The number and title of an ADR heading ("1. Use X" → 1, "Use X"). */
export function splitNumberedTitle(heading: string): { number: number | null; title: string } {
  const m = numberedParts(heading);
  if (!m) return { number: null, title: heading };
  const [, n, space, slashes, sep, rest] = m as [string, string, string, string, string, string];
  if (slashes) return { number: null, title: `${n}${space}${slashes.slice(1)}${sep}${rest}` };
  return { number: Number((/\d+/.exec(n) as RegExpExecArray)[0]), title: rest.trim() };
}

/** Escapes a title that would read as "N. Title" (ASCII separators; Markdown shows it unchanged). */
export function escapeNumberedTitle(title: string): string {
  const m = numberedParts(title);
  if (!m || !/^[.:-]$/.test(m[4] as string)) return title;
  return `${m[1]}${m[2]}${m[3]}\\${m[4]}${m[5]}`;
}

/** Collapses whitespace (titles, list items and table cells are one line in Markdown). */
export const oneLine = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** A table cell: one line, pipes escaped. */
export const tableCell = (text: string): string => escapeMarkdownText(oneLine(text)).replace(/\|/g, '\\|');

/** Link text: one line, brackets escaped. */
export const linkText = (text: string): string =>
  escapeMarkdownText(oneLine(text)).replace(/([[\]\\])/g, '\\$1');

/** Removes HTML comments (MADR templates are full of `<!-- optional -->` hints). */
export const stripHtmlComments = (text: string): string => text.replace(/<!--[\s\S]*?(-->|$)/g, '');
