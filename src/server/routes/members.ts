// Members of the token's workspace: anyone may list them (the extension links stakeholders to
// members); admins may invite and revoke without stopping the server (PGlite is single-process).
import type { FastifyInstance } from 'fastify';
import { inviteMember, listMembers, revokeToken } from '../admin';
import { principalOf, requireAdmin } from '../auth';
import type { Deps } from '../deps';
import { HttpError, parseOr400 } from '../errors';
import { InviteRequest } from '../schemas';

export function memberRoutes(app: FastifyInstance, { store }: Deps) {
  app.get('/v1/members', async (request) => {
    const p = principalOf(request);
    const { members } = await listMembers(store, p.workspaceId);
    return { members: members.map(({ id, name, role, createdAt }) => ({ id, name, role, createdAt })) };
  });

  app.post('/v1/members', async (request, reply) => {
    const p = requireAdmin(request);
    const body = parseOr400(InviteRequest, request.body, 'body');
    const credentials = await inviteMember(store, p.workspaceId, body.name, body.role);
    return reply.code(201).send(credentials);
  });

  app.delete('/v1/tokens/:tokenId', async (request, reply) => {
    const p = principalOf(request);
    const { tokenId } = request.params as { tokenId: string };
    // Members may revoke their own token ("sign out everywhere"); admins any of the workspace.
    if (tokenId !== p.tokenId) requireAdmin(request);
    const revoked = await revokeToken(store, tokenId, p.workspaceId);
    if (!revoked) throw new HttpError(404, 'not-found', `No live token ${tokenId} in this workspace.`);
    return reply.code(204).send();
  });
}
