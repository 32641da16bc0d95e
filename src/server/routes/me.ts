// GET /v1/me: the workspace and member of the token (a client's "connect" check).
import type { FastifyInstance } from 'fastify';
import type { MeResponse } from '../../core/protocol';
import { principalOf } from '../auth';

export function meRoutes(app: FastifyInstance) {
  app.get('/v1/me', async (request): Promise<MeResponse> => {
    const p = principalOf(request);
    return {
      workspace: { id: p.workspaceId, name: p.workspaceName },
      member: { id: p.memberId, name: p.memberName, role: p.role },
    };
  });
}
