// GET /v1/pull: a page of changes after the cursor, or 410 when the cursor can no longer be served.
import type { FastifyInstance } from 'fastify';
import { decodeCursor, encodeCursor, type PullResponse } from '../../core/protocol';
import { principalOf } from '../auth';
import type { Deps } from '../deps';
import { HttpError, parseOr400 } from '../errors';
import { DEFAULT_PULL_LIMIT, PullQuery } from '../schemas';
import { readChanges } from '../sync/pull';

const GONE = {
  compacted: 'Old deletions were purged since this cursor.',
  ahead: 'The cursor is ahead of the server (was the database restored?).',
};

export function pullRoutes(app: FastifyInstance, { store, fault }: Deps) {
  app.get('/v1/pull', async (request): Promise<PullResponse> => {
    const p = principalOf(request);
    const query = parseOr400(PullQuery, request.query, 'query');
    const after = decodeCursor(query.cursor);
    if (after === null)
      throw new HttpError(400, 'invalid-cursor', 'query.cursor: not a cursor this server issued.');
    const result = await readChanges(store, p.workspaceId, after, query.limit ?? DEFAULT_PULL_LIMIT);
    if (result.kind === 'gone') {
      throw new HttpError(
        410,
        'cursor-gone',
        `${GONE[result.reason]} Pull again from an empty cursor, keeping unsent local changes.`,
      );
    }
    fault.hit('before-pull-reply');
    return {
      changes: result.changes,
      nextCursor: encodeCursor({ seq: result.lastSeq, epoch: result.epoch }),
      hasMore: result.hasMore,
    };
  });
}
