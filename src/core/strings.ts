// Text every record may hold: well-formed UTF-16 (no lone surrogate) without U+0000. PostgreSQL's
// jsonb refuses both, JSON encoders disagree about lone surrogates, and either can be made by
// cutting a string between the two halves of an emoji — so the schemas refuse them everywhere and
// code that cuts page text mends its cuts.

// Without the `u` flag the pattern sees UTF-16 code units, which is what can be split.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding U+0000 is the point.
const BAD = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const BAD_ALL = new RegExp(BAD.source, 'g');

export const ILL_FORMED = 'ill-formed text (a lone surrogate or NUL character)';

/** Whether `text` is well-formed and has no NUL. */
export const isCleanText = (text: string): boolean => !BAD.test(text);

/** `text` with every lone surrogate and NUL replaced by U+FFFD (the replacement character). */
export const cleanText = (text: string): string =>
  isCleanText(text) ? text : text.replace(BAD_ALL, '\uFFFD');

/** The path (keys and indexes) of the first ill-formed string or key inside a JSON value, or null. */
export function illFormedPath(value: unknown, limit = 10_000): (string | number)[] | null {
  const stack: [unknown, (string | number)[]][] = [[value, []]];
  for (let seen = 0; stack.length > 0 && seen < limit; seen++) {
    const [v, path] = stack.pop() as [unknown, (string | number)[]];
    if (typeof v === 'string') {
      if (!isCleanText(v)) return path;
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push([v[i], [...path, i]]);
    } else if (v && typeof v === 'object') {
      const entries = Object.entries(v);
      for (const [k] of entries) if (!isCleanText(k)) return [...path, cleanText(k)];
      for (let i = entries.length - 1; i >= 0; i--) {
        const [k, child] = entries[i] as [string, unknown];
        stack.push([child, [...path, k]]);
      }
    }
  }
  return null;
}
