// The small YAML subset ADR front matter uses (scalars, quoted strings, inline and block lists,
// literal/folded blocks), read and written without a dependency. Nothing is ever evaluated:
// tags, anchors and aliases are plain text, and keys land in a Map (no prototype to pollute).

export type YamlValue = string | string[];

export interface FrontMatter {
  data: Map<string, YamlValue>;
  /** The Markdown after the closing `---`. */
  body: string;
  warnings: string[];
}

const MAX_LINES = 500;

/** Splits leading `---` front matter off a document; `null` when there is none. */
export function splitFrontMatter(text: string): { yaml: string; body: string } | null {
  const m = /^(?:\uFEFF)?---[ \t]*\r?\n/.exec(text);
  if (!m) return null;
  const rest = text.slice(m[0].length);
  const end = /^(?:---|\.\.\.)[ \t]*$/m.exec(rest);
  if (!end) return null;
  const after = rest.slice(end.index + end[0].length).replace(/^\r?\n/, '');
  return { yaml: rest.slice(0, end.index), body: after };
}

/** Reads front matter into key → string | string[]; anything outside the subset becomes a warning. */
export function readFrontMatter(text: string): FrontMatter | null {
  const split = splitFrontMatter(text);
  if (!split) return null;
  const { data, warnings } = parseYamlLite(split.yaml);
  return { data, body: split.body, warnings };
}

export function parseYamlLite(yaml: string): { data: Map<string, YamlValue>; warnings: string[] } {
  const data = new Map<string, YamlValue>();
  const warnings: string[] = [];
  const lines = yaml.split(/\r?\n/);
  if (lines.length > MAX_LINES) warnings.push(`Front matter longer than ${MAX_LINES} lines was cut.`);
  lines.length = Math.min(lines.length, MAX_LINES);
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] as string;
    i += 1;
    if (/^\s*(#.*)?$/.test(line)) continue;
    const m = /^([A-Za-z0-9_][\w .-]*?)\s*:(?:\s+(.*?))?\s*$/.exec(line);
    if (!m || /^\s/.test(line)) {
      warnings.push(`Front matter line ${i} was not understood: ${line.trim().slice(0, 60)}`);
      continue;
    }
    const key = (m[1] as string).toLowerCase();
    const raw = m[2] ?? '';
    if (raw === '' || raw.startsWith('#')) {
      // A block list (or nested map, which this subset skips) follows on indented / dash lines.
      const items: string[] = [];
      while (i < lines.length && /^(\s+\S|-(\s|$))/.test(lines[i] as string)) {
        const item = /^\s*-(?:\s+(.*?))?\s*$/.exec(lines[i] as string);
        if (item) items.push(scalar(item[1] ?? ''));
        else warnings.push(`Nested values under "${key}" were skipped.`);
        i += 1;
      }
      data.set(key, items);
    } else if (/^[|>][+-]?\d*\s*(#.*)?$/.test(raw)) {
      const block: string[] = [];
      while (i < lines.length && /^(\s+|$)/.test(lines[i] as string)) block.push(lines[i++] as string);
      data.set(key, blockScalar(raw.startsWith('>'), block));
    } else if (raw.startsWith('[')) {
      data.set(key, flowList(raw, key, warnings));
    } else {
      data.set(key, scalar(raw));
    }
  }
  return { data, warnings };
}

function blockScalar(folded: boolean, lines: string[]): string {
  while (lines.length && !(lines.at(-1) as string).trim()) lines.pop();
  const indent = Math.min(
    ...lines.filter((l) => l.trim()).map((l) => (/^\s*/.exec(l) as RegExpExecArray)[0].length),
  );
  const body = lines.map((l) => l.slice(indent));
  return folded ? body.join('\n').replace(/([^\n])\n(?=[^\n])/g, '$1 ') : body.join('\n');
}

function flowList(raw: string, key: string, warnings: string[]): string[] {
  const items: string[] = [];
  let i = 1;
  while (i < raw.length) {
    const rest = raw.slice(i);
    const m = /^\s*("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^,\]]*?)\s*([,\]])/.exec(rest);
    if (!m) {
      warnings.push(`The list under "${key}" is not closed.`);
      break;
    }
    const item = scalar(m[1] as string);
    if (item !== '' || m[2] === ',') items.push(item);
    i += m[0].length;
    if (m[2] === ']') break;
  }
  return items;
}

/** One scalar: double-quoted (with escapes), single-quoted, or plain (a trailing ` #` comment dropped). */
export function scalar(raw: string): string {
  const s = raw.trim();
  if (s.startsWith('"')) {
    const m = /^"((?:[^"\\]|\\.)*)"/.exec(s);
    return m ? unescapeDouble(m[1] as string) : s.slice(1);
  }
  if (s.startsWith("'")) {
    const m = /^'((?:[^']|'')*)'/.exec(s);
    return m ? (m[1] as string).replace(/''/g, "'") : s.slice(1);
  }
  return s.replace(/\s+#.*$/, '');
}

const ESCAPES: Record<string, string> = {
  n: '\n',
  t: '\t',
  r: '\r',
  '0': '\0',
  '"': '"',
  '\\': '\\',
  '/': '/',
  ' ': ' ',
};

function unescapeDouble(s: string): string {
  return s.replace(/\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|.)/g, (_m, e: string) => {
    if (e.length > 1) {
      const code = Number.parseInt(e.slice(1), 16);
      return code <= 0x10ffff ? String.fromCodePoint(code) : '';
    }
    return ESCAPES[e] ?? e;
  });
}

/** A YAML double-quoted string that reads back as exactly `value`. */
export function quoteYaml(value: string): string {
  let body = '';
  for (const c of value) {
    const code = c.codePointAt(0) as number;
    if (c === '\\' || c === '"') body += `\\${c}`;
    else if (c === '\n') body += '\\n';
    else if (c === '\t') body += '\\t';
    else if (c === '\r') body += '\\r';
    // Other control characters and the Unicode line separators would break or bend the line.
    else if (code < 0x20 || code === 0x7f || code === 0x2028 || code === 0x2029)
      body += `\\u${code.toString(16).padStart(4, '0')}`;
    else body += c;
  }
  return `"${body}"`;
}

/** `key: "value"`, or a block list (`key: []` when empty). */
export function yamlEntry(key: string, value: string | readonly string[]): string {
  if (typeof value === 'string') return `${key}: ${quoteYaml(value)}`;
  if (!value.length) return `${key}: []`;
  return [`${key}:`, ...value.map((v) => `  - ${quoteYaml(v)}`)].join('\n');
}
