// Every error leaves the server as `{error, message}` with the right status; Fastify's own errors
// (body too large, bad JSON, unknown route) are mapped to the same shape.
import type { FastifyError, FastifyInstance } from 'fastify';
import * as zod from 'zod';
import type * as z from 'zod/mini';
import { describeIssues } from '../core/schemas';
import { errorForLog, urlForLog } from './log-safe';

// zod/mini ships without messages ("Invalid input" for everything); the server can afford the
// English ones, so a 400 says "Unrecognized key: \"foo\"" or "expected number, received string".
zod.config(zod.locales.en());

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

/** Parses `value` with a shared schema, or throws a 400 naming the field and the reason. */
export function parseOr400<S extends z.ZodMiniType>(schema: S, value: unknown, where: string): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data as z.infer<S>;
  throw new HttpError(
    400,
    'invalid-request',
    describeIssues(parsed.error).replace(/(^|; )\(root\)/g, `$1${where}`),
  );
}

const FASTIFY_ERRORS: Record<string, [number, string]> = {
  FST_ERR_CTP_BODY_TOO_LARGE: [413, 'payload-too-large'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, 'unsupported-media-type'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: [400, 'invalid-request'],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, 'invalid-json'],
  FST_ERR_CTP_INVALID_JSON_BODY: [400, 'invalid-json'],
};

export function installErrorHandlers(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof HttpError) {
      return reply.code(error.status).send({ error: error.code, message: error.message, ...error.extra });
    }
    const known = error.code ? FASTIFY_ERRORS[error.code] : undefined;
    if (known) return reply.code(known[0]).send({ error: known[1], message: error.message });
    // JSON.parse failures (and secure-json-parse's prototype-poisoning refusals) surface as
    // SyntaxErrors with a 400 status.
    if (error instanceof SyntaxError || error.statusCode === 400) {
      return reply
        .code(400)
        .send({ error: 'invalid-json', message: `The body is not valid JSON: ${error.message}` });
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return reply.code(error.statusCode).send({ error: 'bad-request', message: error.message });
    }
    request.log.error({ url: urlForLog(request.url), err: errorForLog(error) }, 'request failed');
    return reply
      .code(500)
      .send({ error: 'internal', message: 'The server failed; the request was not applied.' });
  });
  app.setNotFoundHandler((request, reply) =>
    reply
      .code(404)
      .send({ error: 'not-found', message: `No route ${request.method} ${request.url.split('?')[0]}` }),
  );
}
