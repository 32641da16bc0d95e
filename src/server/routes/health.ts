// GET /healthz: the process is up and its database answers (for load balancers and supervisors).
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../deps';

export function healthRoutes(app: FastifyInstance, { store }: Deps) {
  app.get('/healthz', async (_request, reply) => {
    try {
      await store.query('SELECT 1');
      return { status: 'ok', engine: store.engine };
    } catch {
      return reply.code(503).send({ error: 'unavailable', message: 'The database does not answer.' });
    }
  });
}
