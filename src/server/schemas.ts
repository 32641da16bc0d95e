// Server-side Zod schemas: query strings, admin bodies and every response, so the OpenAPI document
// and the tests check the same shapes the routes send. Requests reuse src/core/protocol.ts.
import * as z from 'zod';
import type {
  Change,
  ErrorResponse,
  GapResponse,
  MeResponse,
  PullResponse,
  PushResponse,
} from '../core/protocol';
import { MAX_PULL_LIMIT } from '../core/protocol';
import { TABLE_NAMES } from '../core/schemas';

export const DEFAULT_PULL_LIMIT = 500;

export const PullQuery = z.object({
  cursor: z
    .string()
    .max(40)
    .optional()
    .describe('Opaque cursor from the previous page; empty or absent for a first pull.'),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(MAX_PULL_LIMIT)
    .optional()
    .describe(
      `Rows a page (default ${DEFAULT_PULL_LIMIT}). A page may exceed it when one push changed more rows.`,
    ),
});

export const ErrorSchema = z.object({ error: z.string(), message: z.string() });

export const PushResponseSchema = z.object({
  lastMutationId: z
    .number()
    .int()
    .describe("The highest of this client's mutation ids the server has applied."),
  seq: z.number().int().describe("The workspace's sequence number after this push."),
});

export const GapSchema = z.object({
  error: z.literal('mutation-gap'),
  message: z.string(),
  expectedId: z.number().int().describe('Resend mutations starting with this id.'),
});

export const ChangeSchema = z.object({
  table: z.enum(TABLE_NAMES as [string, ...string[]]),
  seq: z.number().int(),
  row: z
    .looseObject({ id: z.string(), fieldHlc: z.record(z.string(), z.string()) })
    .describe('The merged row, with sync metadata (fieldHlc, fieldBase, conflicts).'),
});

export const PullResponseSchema = z.object({
  changes: z.array(ChangeSchema),
  nextCursor: z.string(),
  hasMore: z.boolean(),
});

export const MeResponseSchema = z.object({
  workspace: z.object({ id: z.string(), name: z.string() }),
  member: z.object({ id: z.string(), name: z.string(), role: z.enum(['admin', 'member']) }),
});

export const MemberSchema = z.object({
  id: z.string(),
  name: z.string(),
  role: z.enum(['admin', 'member']),
  createdAt: z.string(),
});

export const MembersResponseSchema = z.object({ members: z.array(MemberSchema) });

export const InviteRequest = z.strictObject({
  name: z.string().trim().min(1).max(120),
  role: z.enum(['admin', 'member']).default('member'),
});

export const CredentialsSchema = z.object({
  workspaceId: z.string(),
  memberId: z.string(),
  tokenId: z.string(),
  token: z.string(),
});

export const RecordResponseSchema = z.object({
  table: z.string(),
  seq: z.number().int(),
  row: ChangeSchema.shape.row,
});

export const HealthSchema = z.object({ status: z.literal('ok'), engine: z.enum(['pglite', 'postgres']) });

// Compile-time guards: the documented schemas describe exactly the types of src/core/protocol.ts.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Expect<T extends true> = T;
export type ProtocolChecks = [
  Expect<Same<z.infer<typeof PushResponseSchema>, PushResponse>>,
  Expect<Same<z.infer<typeof GapSchema>, GapResponse>>,
  Expect<Same<z.infer<typeof MeResponseSchema>, MeResponse>>,
  Expect<Same<z.infer<typeof ErrorSchema>, ErrorResponse>>,
  Expect<Same<z.infer<typeof PullResponseSchema>['hasMore'], PullResponse['hasMore']>>,
  Expect<Same<z.infer<typeof ChangeSchema>['seq'], Change['seq']>>,
];
