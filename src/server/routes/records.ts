// GET /v1/records/:table/:id: one row of the token's workspace (a client re-fetching a row, or
// support debugging). A row of another workspace is as absent as one that never existed: 404.
import type { FastifyInstance } from 'fastify';
import * as z from 'zod';
import type { TableName } from '../../core/schemas';
import { TABLE_NAMES } from '../../core/schemas';
import { principalOf } from '../auth';
import type { Deps } from '../deps';
import { HttpError, parseOr400 } from '../errors';
import { toNumber } from '../store/store';

const Params = z.object({
  table: z.enum(TABLE_NAMES as [TableName, ...TableName[]]),
  id: z.string().regex(/^[0-9a-f-]{36}$/, 'a UUID'),
});

export function recordRoutes(app: FastifyInstance, { store }: Deps) {
  app.get('/v1/records/:table/:id', async (request) => {
    const p = principalOf(request);
    const { table, id } = parseOr400(Params, request.params, 'params');
    const [row] = await store.query<{ seq: string; data: Record<string, unknown> }>(
      'SELECT seq, data FROM records WHERE workspace_id = $1 AND tbl = $2 AND id = $3',
      [p.workspaceId, table, id],
    );
    if (!row) throw new HttpError(404, 'not-found', `No ${table} row ${id} in this workspace.`);
    return { table, seq: toNumber(row.seq), row: row.data };
  });
}
