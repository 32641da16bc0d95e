// One log line per request — method, path, status, time — instead of Fastify's two; at a few
// hundred pushes a second the log is a real share of the work. Never headers, so never a token;
// query values and database errors are redacted (src/server/log-safe.ts).
import { type FastifyReply, type FastifyRequest, LogController } from 'fastify';
import { errorForLog, urlForLog } from './log-safe';

export class OneLineRequestLog extends LogController {
  override incomingRequest() {}

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply) {
    const line = {
      method: request.method,
      url: urlForLog(request.url),
      status: reply.statusCode,
      ms: Math.round(reply.elapsedTime * 10) / 10,
    };
    if (error) reply.log.error({ ...line, err: errorForLog(error) }, 'request failed');
    else reply.log.info(line, 'request');
  }
}
