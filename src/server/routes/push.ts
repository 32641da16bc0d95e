// POST /v1/push: validate every op with the shared schemas, refuse clocks too far ahead, then apply.
import type { FastifyInstance } from 'fastify';
import { asSeen } from '../../core/causality';
import {
  elementHlcs,
  type GapResponse,
  opProblem,
  PushRequest,
  type PushResponse,
  SCHEMA_VERSION,
} from '../../core/protocol';
import { describeIssues } from '../../core/schemas';
import { principalOf } from '../auth';
import type { Deps } from '../deps';
import { HttpError } from '../errors';
import { applyPush, futureMutation } from '../sync/push';

/**
 * A base names a version the writer saw before writing, so it is older than the write. A base at
 * or after it would "supersede" versions written later, and two such writes would erase each other.
 */
function baseProblem(base: Record<string, string | string[]> | undefined, hlc: string): string | null {
  for (const [field, seen] of Object.entries(base ?? {})) {
    if (asSeen(seen).some((h) => h >= hlc)) return `base.${field}: must be older than the mutation's hlc`;
  }
  return null;
}

/**
 * `{mutationId}` of the mutation at `index` of a refused body, when it has a usable id: the client
 * then sets that one mutation aside and sends the rest, instead of retrying it forever.
 */
function rejected(body: unknown, index: PropertyKey | undefined): { mutationId?: number } {
  const m = typeof index === 'number' ? (body as { mutations?: unknown[] }).mutations?.[index] : undefined;
  const id = (m as { id?: unknown } | undefined)?.id;
  return Number.isSafeInteger(id) && (id as number) > 0 ? { mutationId: id as number } : {};
}

export function pushRoutes(app: FastifyInstance, { store, events, clock, fault }: Deps) {
  app.post('/v1/push', async (request, reply): Promise<PushResponse | GapResponse> => {
    const p = principalOf(request);
    // Checked before the shape: a newer client's body may carry fields this server does not know.
    const version = (request.body as { schemaVersion?: unknown } | null)?.schemaVersion;
    if (typeof version === 'number' && version !== SCHEMA_VERSION) {
      throw new HttpError(
        400,
        'unsupported-schema-version',
        `This server speaks schema version ${SCHEMA_VERSION}; the client sent ${version}. ` +
          (version > SCHEMA_VERSION ? 'Upgrade the server.' : 'Update the extension.'),
        { supported: [SCHEMA_VERSION] },
      );
    }
    const parsed = PushRequest.safeParse(request.body);
    if (!parsed.success) {
      const at = parsed.error.issues[0]?.path ?? [];
      throw new HttpError(
        400,
        'invalid-request',
        describeIssues(parsed.error, 'body').replace(/(^|; )body\./g, '$1'),
        at[0] === 'mutations' ? rejected(request.body, at[1]) : {},
      );
    }
    const body = parsed.data;
    body.mutations.forEach((m, i) => {
      m.ops.forEach((op, j) => {
        const removals = Object.entries(op.lists ?? {}).map(([f, d]) => [
          f,
          Object.values(d.del ?? {}).flat(),
        ]);
        const problem =
          opProblem(op) ??
          baseProblem({ ...op.base, ...Object.fromEntries(removals) }, m.hlc) ??
          (elementHlcs(op).some((h) => h > m.hlc)
            ? "lists: element states must not be newer than the mutation's hlc"
            : null);
        if (problem)
          throw new HttpError(400, 'invalid-request', `mutations.${i}.ops.${j}: ${problem}`, {
            mutationId: m.id,
          });
      });
    });
    const now = clock();
    const ahead = futureMutation(body.mutations, now);
    if (ahead !== null) {
      throw new HttpError(
        400,
        'clock-skew',
        `mutations.${ahead}.hlc: more than 5 minutes ahead of the server clock; check the device clock.`,
        { serverTime: new Date(now).toISOString() },
      );
    }

    const outcome = await applyPush(store, { workspaceId: p.workspaceId, memberId: p.memberId }, body);
    switch (outcome.kind) {
      case 'gap':
        return reply.code(409).send({
          error: 'mutation-gap',
          message: `Mutation ids must follow on: the server has applied up to ${outcome.expectedId - 1}.`,
          expectedId: outcome.expectedId,
        } satisfies GapResponse);
      case 'client-taken':
        throw new HttpError(
          409,
          'client-taken',
          'This clientId belongs to another member of the workspace; generate a new one.',
        );
      case 'unchanged':
        return { lastMutationId: outcome.lastMutationId, seq: outcome.seq };
      case 'applied':
        fault.hit('after-push-commit');
        events.notify(p.workspaceId, outcome.seq);
        return { lastMutationId: outcome.lastMutationId, seq: outcome.seq };
    }
  });
}
