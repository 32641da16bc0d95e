// GET /v1/openapi.json: the generated API description, public like the protocol doc.
import type { FastifyInstance } from 'fastify';
import { openApiDocument } from '../openapi';

export function openApiRoutes(app: FastifyInstance) {
  const doc = openApiDocument();
  app.get('/v1/openapi.json', async () => doc);
}
