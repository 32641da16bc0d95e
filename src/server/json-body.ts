// The JSON body parser: Fastify's own (which refuses prototype-poisoning keys) plus a nesting
// limit, because a deeply nested value would overflow the stack when stored (JSON.stringify and
// PostgreSQL's jsonb parser both recurse) instead of getting a clear 400.
import type { FastifyInstance } from 'fastify';
import { HttpError } from './errors';

export const MAX_JSON_DEPTH = 32;

/** The nesting depth of a parsed JSON value, stopping early once past `limit`. */
export function depthOf(value: unknown, limit = MAX_JSON_DEPTH): number {
  let max = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop() as [unknown, number];
    if (v === null || typeof v !== 'object') continue;
    const d = depth + 1;
    if (d > max) max = d;
    if (max > limit) return max;
    for (const child of Object.values(v)) stack.push([child, d]);
  }
  return max;
}

export function installJsonParser(app: FastifyInstance) {
  const parse = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    parse(request, body.toString(), (error, value) => {
      if (error) return done(error);
      if (depthOf(value) > MAX_JSON_DEPTH) {
        return done(new HttpError(400, 'too-deep', `JSON nested deeper than ${MAX_JSON_DEPTH} levels.`));
      }
      done(null, value);
    });
  });
}
