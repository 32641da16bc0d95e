// Inline Markdown — emphasis, code spans, links, autolinks, line breaks — parsed into nodes for the
// Markdown component. Only absolute http(s) and mailto URLs become links. Failed delimiter
// searches are remembered, so hostile input (thousands of unmatched `*`) stays near-linear.

export type Inline =
  | { type: 'text'; value: string }
  | { type: 'strong' | 'em'; children: Inline[] }
  | { type: 'code'; value: string }
  | { type: 'link'; href: string; children: Inline[] }
  | { type: 'br' };

/** How deep blockquotes, lists and emphasis may nest before the rest is plain text. */
export const MAX_DEPTH = 8;
const SAFE_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

/** The link target if it is an absolute http(s) or mailto URL, normalised; otherwise null. */
export function safeHref(raw: string): string | null {
  let url: URL;
  try {
    // No base: relative URLs throw and are not links (they would resolve against the extension).
    url = new URL(raw.trim());
  } catch {
    return null;
  }
  return SAFE_PROTOCOLS.has(url.protocol) ? url.href : null;
}

const PUNCT = /[!-/:-@[-`{-~]/;
const SPECIAL = /[\\\n`*_[<hH]/g;
const WORD = /[\p{L}\p{N}]/u;
const LINK_DEST = /^\(\s*(<[^<>\n]*>|[^\s()]*(?:\([^\s()]*\)[^\s()]*)*)(?:\s+(?:"[^"]*"|'[^']*'))?\s*\)/;

/** Parses inline Markdown; inside link text, `inLink` keeps links from nesting. */
export function parseInline(src: string, depth = 0, inLink = false): Inline[] {
  return new InlineParser(src, depth, inLink).parse();
}

// A class rather than closures: parseInline runs once per emphasis and link label, so per-call
// allocations add up on long texts.
class InlineParser {
  private out: Inline[] = [];
  private text = '';
  // Searches that failed from position p fail from any later position too: remember them.
  private failedFrom: Map<string, number> | null = null;

  constructor(
    private readonly src: string,
    private readonly depth: number,
    private readonly inLink: boolean,
  ) {}

  parse(): Inline[] {
    const src = this.src;
    let i = 0;
    while (i < src.length) i = this.step(src[i] as string, i);
    this.flush();
    return this.out;
  }

  /** Consumes what starts at `i` (a character `c`); returns the next position. */
  private step(c: string, i: number): number {
    const src = this.src;
    if (c === '\\' && i + 1 < src.length && PUNCT.test(src[i + 1] as string)) {
      this.text += src[i + 1];
      return i + 2;
    }
    if (c === '\n' || (c === '\\' && src[i + 1] === '\n')) {
      this.text = this.text.replace(/ +$/, '');
      this.push({ type: 'br' });
      let next = i + (c === '\n' ? 1 : 2);
      while (src[next] === ' ') next += 1;
      return next;
    }
    if (c === '`') return this.code(i);
    if (c === '*' || c === '_') return this.emphasis(c, i);
    if (c === '[' && !this.inLink) return this.link(i);
    const auto =
      !this.inLink && (c === '<' || /^https?:\/\//i.test(src.slice(i, i + 8))) ? autolink(src, i) : null;
    if (auto) {
      this.push({ type: 'link', href: auto.href, children: [{ type: 'text', value: auto.label }] });
      return i + auto.length;
    }
    // Plain text runs to the next character that could start syntax: copy it in one go.
    SPECIAL.lastIndex = i + 1;
    const next = SPECIAL.exec(src)?.index ?? src.length;
    this.text += src.slice(i, next);
    return next;
  }

  private code(i: number): number {
    const n = runLength(this.src, i, '`');
    const close = this.search(`\`${n}`, i + n, () => findRun(this.src, '`', n, i + n));
    if (close < 0) return this.literal(i, n);
    const code = this.src.slice(i + n, close).replace(/\n/g, ' ');
    this.push({ type: 'code', value: /^ .*[^ ].* $/.test(code) ? code.slice(1, -1) : code });
    return close + n;
  }

  private emphasis(c: string, i: number): number {
    const src = this.src;
    const n = runLength(src, i, c);
    const len = n >= 2 ? 2 : 1;
    const opens = (src[i + len] ?? '').trim() !== '' && !(c === '_' && WORD.test(src[i - 1] ?? ''));
    const close = opens ? this.search(`${c}${len}`, i + len, () => findCloser(src, c, len, i + len)) : -1;
    if (close < 0) return this.literal(i, n);
    this.push({
      type: len === 2 ? 'strong' : 'em',
      children: this.nested(src.slice(i + len, close), this.inLink),
    });
    return close + len;
  }

  private link(i: number): number {
    const src = this.src;
    const end = this.search(']', i + 1, () => src.indexOf(']', i + 1));
    const dest = end < 0 ? null : LINK_DEST.exec(src.slice(end + 1, end + 2100));
    if (!dest) return this.literal(i, 1);
    const href = safeHref((dest[1] as string).replace(/^<|>$/g, ''));
    const label = this.nested(src.slice(i + 1, end), true);
    // An unsafe target (javascript:, data:, relative) keeps only its label, as plain content.
    if (href) this.push({ type: 'link', href, children: label });
    else {
      this.flush();
      this.out.push(...label);
    }
    return end + 1 + dest[0].length;
  }

  private literal(i: number, n: number): number {
    this.text += this.src.slice(i, i + n);
    return i + n;
  }

  private nested(s: string, inLink: boolean): Inline[] {
    return this.depth >= MAX_DEPTH ? [{ type: 'text', value: s }] : parseInline(s, this.depth + 1, inLink);
  }

  private search(key: string, from: number, find: () => number): number {
    if ((this.failedFrom?.get(key) ?? Number.POSITIVE_INFINITY) <= from) return -1;
    const at = find();
    if (at < 0) {
      this.failedFrom ??= new Map();
      this.failedFrom.set(key, from);
    }
    return at;
  }

  private push(node: Inline): void {
    this.flush();
    this.out.push(node);
  }

  private flush(): void {
    if (this.text) this.out.push({ type: 'text', value: this.text });
    this.text = '';
  }
}

function runLength(s: string, at: number, c: string): number {
  let n = 0;
  while (s[at + n] === c) n += 1;
  return n;
}

/** Start of the next run of exactly `n` backticks at or after `from`, or -1. */
function findRun(s: string, c: string, n: number, from: number): number {
  for (let q = s.indexOf(c, from); q !== -1; ) {
    const len = runLength(s, q, c);
    if (len === n) return q;
    q = s.indexOf(c, q + len);
  }
  return -1;
}

/** Where the closing `*`/`**` (or `_`/`__`) for an opener ending at `from` starts, or -1. */
function findCloser(s: string, c: string, len: number, from: number): number {
  for (let q = s.indexOf(c, from); q !== -1; ) {
    const end = q + runLength(s, q, c);
    const before = s[q - 1] ?? '';
    // A run of 2 closes `**` only; a run of 1 or 3+ can close `*` (its last character).
    const fits = len === 2 ? end - q >= 2 : end - q !== 2;
    const flanked =
      q > from && before.trim() !== '' && before !== '\\' && !(c === '_' && WORD.test(s[end] ?? ''));
    if (fits && flanked) return end - len;
    q = s.indexOf(c, end);
  }
  return -1;
}

/** `<https://…>`, `<mailto:…>` or a bare http(s) URL at `at` (not inside a word). */
function autolink(s: string, at: number): { href: string; length: number; label: string } | null {
  if (s[at] === '<') {
    const m = /^<([a-z][a-z0-9+.-]{1,31}:[^\s<>]*)>/i.exec(s.slice(at, at + 2100));
    const href = m ? safeHref(m[1] as string) : null;
    return m && href ? { href, length: m[0].length, label: m[1] as string } : null;
  }
  if (at > 0 && WORD.test(s[at - 1] as string)) return null;
  const m = /^https?:\/\/[^\s<>"]+/i.exec(s.slice(at, at + 2100));
  if (!m) return null;
  let url = m[0];
  // Trailing punctuation belongs to the sentence, and a ")" only to the URL when it opened one.
  for (;;) {
    const last = url.at(-1) as string;
    if (
      /[.,:;!?'*_]/.test(last) ||
      (last === ')' && (url.match(/\(/g)?.length ?? 0) < (url.match(/\)/g)?.length ?? 0))
    )
      url = url.slice(0, -1);
    else break;
  }
  const href = safeHref(url);
  return href ? { href, length: url.length, label: url } : null;
}
