// Readable validation errors, kept apart from the schemas so code that only reports errors
// (the content script's message dispatch) does not pull every schema in.
import type * as z from 'zod/mini';

/**
 * A readable, one-line-per-problem description of a Zod failure: "title: a title (what was
 * decided)". With `prefix`, paths start with it ("decisions.title: …") instead of "(root)".
 */
export function describeIssues(error: z.core.$ZodError, prefix?: string): string {
  return error.issues
    .slice(0, 8)
    .map((i) => {
      const path = prefix ? [prefix, ...i.path] : i.path;
      const where = path.length ? path.map(String).join('.') : '(root)';
      // Zod's default "Invalid input" says nothing; name what was expected instead.
      const message =
        i.code === 'invalid_type' && i.message === 'Invalid input' ? `expected ${i.expected}` : i.message;
      return `${where}: ${message}`;
    })
    .join('; ');
}
