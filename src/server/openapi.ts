// The OpenAPI 3.1 document of /v1, generated from the same Zod schemas the routes validate with.
import * as z from 'zod';
import { MAX_BODY_BYTES, MAX_MUTATIONS, PushRequest, SCHEMA_VERSION } from '../core/protocol';
import { FREE_TEXT_FIELDS, META_FIELDS, TABLE_NAMES, TABLES, type TableName } from '../core/schemas';
import {
  CredentialsSchema,
  ErrorSchema,
  GapSchema,
  HealthSchema,
  InviteRequest,
  MembersResponseSchema,
  MeResponseSchema,
  PullQuery,
  PullResponseSchema,
  PushResponseSchema,
  RecordResponseSchema,
} from './schemas';

type JsonSchema = Record<string, unknown>;

function jsonSchema(schema: z.core.$ZodType, io: 'input' | 'output' = 'output'): JsonSchema {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
  return rest;
}

const RECORD_NAMES: Record<TableName, string> = {
  decisions: 'Decision',
  stakeholders: 'Stakeholder',
  roles: 'Role',
  anchors: 'Anchor',
  followUps: 'FollowUp',
  events: 'Event',
};

/** Every table's row (as pulled) and what an op may `set` on it, from the shared Zod schemas. */
function recordSchemas(): Record<string, JsonSchema> {
  const out: Record<string, JsonSchema> = {};
  for (const table of TABLE_NAMES) {
    const row = jsonSchema(TABLES[table], 'input') as JsonSchema & { properties: Record<string, JsonSchema> };
    const name = RECORD_NAMES[table];
    out[name] = { ...row, description: `A ${table} row as pulled: user fields and sync metadata.` };
    const writable = Object.fromEntries(
      Object.entries(row.properties).filter(([field]) => !(META_FIELDS as readonly string[]).includes(field)),
    );
    out[`${name}Set`] = {
      type: 'object',
      description: `Fields an op may write on a ${table} row (any subset). Every string is well-formed UTF-16 without U+0000.`,
      properties: writable,
      additionalProperties: false,
    };
    const freeText = FREE_TEXT_FIELDS.filter((f) => f in writable);
    out[`${name}Op`] = {
      type: 'object',
      properties: {
        table: { const: table },
        id: row.properties.id,
        set: ref(`${name}Set`),
        base: {
          type: 'object',
          description: 'For free-text fields: the HLC of the version the writer had seen.',
          properties: Object.fromEntries(
            freeText.map((f) => [f, row.properties.fieldHlc?.additionalProperties ?? {}]),
          ),
          additionalProperties: false,
        },
      },
      required: ['table', 'id', 'set'],
      additionalProperties: false,
    };
  }
  return out;
}

/** The push request with each op described by its table's fields (not a free-form `set`). */
function pushRequestSchema(): JsonSchema {
  const push = jsonSchema(PushRequest, 'input') as {
    properties: { mutations: { items: { properties: { ops: { items: JsonSchema } } } } };
  };
  push.properties.mutations.items.properties.ops.items = {
    oneOf: TABLE_NAMES.map((t) => ref(`${RECORD_NAMES[t]}Op`)),
    discriminator: { propertyName: 'table' },
  };
  return push;
}

/** Pulled changes with their rows described per table. */
function pullResponseSchema(): JsonSchema {
  const pull = jsonSchema(PullResponseSchema) as {
    properties: { changes: { items: { properties: { row: JsonSchema } } } };
  };
  pull.properties.changes.items.properties.row = {
    anyOf: TABLE_NAMES.map((t) => ref(RECORD_NAMES[t])),
    description: "The merged row of the change's table, with sync metadata (fieldHlc, fieldBase, conflicts).",
  };
  return pull;
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: JsonSchema, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});
const error = (description: string) => json(ref('Error'), description);

const AUTH_ERRORS = {
  401: error('Missing, unknown or revoked token.'),
  429: error('Too many failed authentications from this address; see Retry-After.'),
};

function pullParameters() {
  const shape = jsonSchema(PullQuery, 'input') as {
    properties: Record<string, JsonSchema & { description?: string }>;
  };
  return Object.entries(shape.properties).map(([name, schema]) => ({
    name,
    in: 'query',
    required: false,
    description: schema.description,
    schema,
  }));
}

export function openApiDocument(): JsonSchema {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Decidedly sync API',
      version: `v1 (schema version ${SCHEMA_VERSION})`,
      description:
        'Sync for the Decidedly extension: push mutations, pull changes, get pokes. See docs/protocol.md for the merge rules.',
    },
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: 'A token `<tokenId>.<secret>`.' },
      },
      schemas: {
        Error: jsonSchema(ErrorSchema),
        PushRequest: pushRequestSchema(),
        PushResponse: jsonSchema(PushResponseSchema),
        GapResponse: jsonSchema(GapSchema),
        PullResponse: pullResponseSchema(),
        MeResponse: jsonSchema(MeResponseSchema),
        MembersResponse: jsonSchema(MembersResponseSchema),
        InviteRequest: jsonSchema(InviteRequest, 'input'),
        Credentials: jsonSchema(CredentialsSchema),
        RecordResponse: jsonSchema(RecordResponseSchema),
        ...recordSchemas(),
      },
    },
    security: [{ bearer: [] }],
    paths: {
      '/healthz': {
        get: {
          summary: 'Liveness and database check',
          security: [],
          responses: {
            200: json(jsonSchema(HealthSchema), 'Up.'),
            503: error('The database does not answer.'),
          },
        },
      },
      '/v1/me': {
        get: {
          summary: 'The workspace and member of the token',
          responses: { 200: json(ref('MeResponse'), 'The caller.'), ...AUTH_ERRORS },
        },
      },
      '/v1/push': {
        post: {
          summary: 'Apply mutations',
          description: `At most ${MAX_MUTATIONS} mutations and ${MAX_BODY_BYTES} bytes a request. Mutation ids of a client increase by one; ids already applied are skipped.`,
          requestBody: { required: true, content: { 'application/json': { schema: ref('PushRequest') } } },
          responses: {
            200: json(ref('PushResponse'), 'Applied (or already applied).'),
            400: error(
              'Invalid body (the message names the field), unsupported schema version, or clock skew.',
            ),
            409: json(
              { oneOf: [ref('GapResponse'), ref('Error')] },
              'A gap in mutation ids (resend from expectedId), or a clientId of another member.',
            ),
            413: error('Body over the limit.'),
            415: error('Not application/json.'),
            ...AUTH_ERRORS,
          },
        },
      },
      '/v1/pull': {
        get: {
          summary: 'Rows changed after a cursor, in sequence order',
          parameters: pullParameters(),
          responses: {
            200: json(ref('PullResponse'), 'A page of changes.'),
            400: error('Invalid cursor or limit.'),
            410: error('The cursor can no longer be served: pull again from an empty cursor.'),
            ...AUTH_ERRORS,
          },
        },
      },
      '/v1/events': {
        get: {
          summary: 'Server-Sent Events: `event: seq` with `data: {"seq": n}` whenever the workspace changes',
          responses: {
            200: {
              description: 'An event stream.',
              content: { 'text/event-stream': { schema: { type: 'string' } } },
            },
            ...AUTH_ERRORS,
          },
        },
      },
      '/v1/records/{table}/{id}': {
        get: {
          summary: 'One row of the workspace',
          parameters: [
            { name: 'table', in: 'path', required: true, schema: { type: 'string' } },
            { name: 'id', in: 'path', required: true, schema: { type: 'string' } },
          ],
          responses: {
            200: json(ref('RecordResponse'), 'The row.'),
            404: error('No such row in this workspace.'),
            ...AUTH_ERRORS,
          },
        },
      },
      '/v1/members': {
        get: {
          summary: 'Members of the workspace',
          responses: { 200: json(ref('MembersResponse'), 'The members.'), ...AUTH_ERRORS },
        },
        post: {
          summary: 'Invite a member (admins)',
          requestBody: { required: true, content: { 'application/json': { schema: ref('InviteRequest') } } },
          responses: {
            201: json(ref('Credentials'), 'The new member and its token, shown once.'),
            400: error('Invalid body.'),
            403: error('Not an admin.'),
            ...AUTH_ERRORS,
          },
        },
      },
      '/v1/tokens/{tokenId}': {
        delete: {
          summary: 'Revoke a token (your own, or any of the workspace for admins)',
          parameters: [{ name: 'tokenId', in: 'path', required: true, schema: { type: 'string' } }],
          responses: {
            204: { description: 'Revoked.' },
            403: error('Not an admin.'),
            404: error('No live token with this id in this workspace.'),
            ...AUTH_ERRORS,
          },
        },
      },
      '/v1/openapi.json': {
        get: { summary: 'This document', security: [], responses: { 200: { description: 'OpenAPI 3.1.' } } },
      },
    },
  };
}
