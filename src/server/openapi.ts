// The OpenAPI 3.1 document of /v1, generated from the same Zod schemas the routes validate with.
import * as z from 'zod';
import { MAX_BODY_BYTES, MAX_MUTATIONS, PushRequest, SCHEMA_VERSION } from '../core/protocol';
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
        PushRequest: jsonSchema(PushRequest, 'input'),
        PushResponse: jsonSchema(PushResponseSchema),
        GapResponse: jsonSchema(GapSchema),
        PullResponse: jsonSchema(PullResponseSchema),
        MeResponse: jsonSchema(MeResponseSchema),
        MembersResponse: jsonSchema(MembersResponseSchema),
        InviteRequest: jsonSchema(InviteRequest, 'input'),
        Credentials: jsonSchema(CredentialsSchema),
        RecordResponse: jsonSchema(RecordResponseSchema),
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
