// Readable validation errors, kept apart from the schemas so code that only reports errors
// (the content script's message dispatch) does not pull every schema in.
import type * as z from 'zod/mini';

/** A readable, one-line-per-problem description of a Zod failure: "title: a title (what was decided)". */
export function describeIssues(error: z.core.$ZodError): string {
  return error.issues
    .slice(0, 8)
    .map((i) => {
      const where = i.path.length ? i.path.join('.') : '(root)';
      // Zod's default "Invalid input" says nothing; name what was expected instead.
      const message =
        i.code === 'invalid_type' && i.message === 'Invalid input' ? `expected ${i.expected}` : i.message;
      return `${where}: ${message}`;
    })
    .join('; ');
}
