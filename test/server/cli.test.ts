// The admin CLI: JSON and friendly output, tokens that work and can be revoked, usage errors and
// the PGlite lock. Most commands run in-process through the CLI function; the entry point itself
// (`npm run server -- …` as a child process) is exercised once per engine.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app';
import { runCliSafely } from '../../src/server/cli';
import { configFromEnv } from '../../src/server/config';
import { startServer } from '../../src/server/server';
import { openStore } from '../../src/server/store/open';
import type { Store } from '../../src/server/store/store';
import { Api, injectTransport } from './helpers/api';
import { killAll, runCli } from './helpers/child';
import { createTestDatabase, type TestDatabase } from './helpers/databases';

const json = <T>(stdout: string) => JSON.parse(stdout.trim()) as T;
type Created = { workspaceId: string; memberId: string; token: string };

/** Runs a CLI command in-process against `env`, capturing what it prints. */
async function cli(args: string[], env: Record<string, string>) {
  let stdout = '';
  let stderr = '';
  const code = await runCliSafely(args, configFromEnv(env), {
    out: (line) => {
      stdout += `${line}\n`;
    },
    err: (line) => {
      stderr += `${line}\n`;
    },
  });
  return { code, stdout, stderr };
}

describe('admin CLI on PostgreSQL', () => {
  let db: TestDatabase;
  let store: Store;
  let api: Api;

  beforeAll(async () => {
    db = await createTestDatabase('postgres');
    store = await openStore(db.options);
    api = new Api(injectTransport(await buildApp({ store })));
  });
  afterAll(async () => {
    await killAll();
    await store?.close();
    await db?.drop();
  });

  it('prints {workspaceId, memberId, token} from `npm run server -- workspace create --json`', async () => {
    const created = await runCli(['workspace', 'create', 'Acme', '--json'], db.env);
    expect(created.code, created.stderr).toBe(0);
    const acme = json<Created>(created.stdout);
    expect(Object.keys(acme).sort()).toEqual(['memberId', 'token', 'workspaceId']);
    expect(acme.token).toMatch(/^[\w-]{16}\.[\w-]{43}$/);
    expect((await api.as(acme.token).request('GET', '/v1/me')).body).toEqual({
      workspace: { id: acme.workspaceId, name: 'Acme' },
      member: { id: acme.memberId, name: 'Admin', role: 'admin' },
    });
  });

  it('invites, lists, compacts and revokes; friendly text without --json', async () => {
    const acme = json<Created>((await cli(['workspace', 'create', 'Acme', '--json'], db.env)).stdout);
    const invited = await cli(
      ['invite', '--workspace', acme.workspaceId, '--name', 'Dana', '--role', 'admin', '--json'],
      db.env,
    );
    const dana = json<Created>(invited.stdout);
    expect(Object.keys(dana).sort()).toEqual(['memberId', 'token', 'workspaceId']);
    expect(dana.workspaceId).toBe(acme.workspaceId);
    expect((await api.as(dana.token).request('GET', '/v1/me')).body).toMatchObject({
      member: { name: 'Dana', role: 'admin' },
    });

    const friendly = await cli(['invite', '--workspace', acme.workspaceId, '--name', 'Sam'], db.env);
    expect(friendly.code).toBe(0);
    expect(friendly.stdout).toContain('Invited Sam as a member.');
    expect(friendly.stdout).toContain('shown only this once');
    const samToken = /^ {2}([\w-]{16}\.[\w-]{43})$/m.exec(friendly.stdout)?.[1];
    expect((await api.as(samToken).request('GET', '/v1/me')).body).toMatchObject({
      member: { name: 'Sam', role: 'member' },
    });

    const danaTokenId = dana.token.split('.')[0] as string;
    const listed = await cli(['members', '--workspace', acme.workspaceId], db.env);
    expect(listed.stdout).toMatch(/Acme — 3 members/);
    expect(listed.stdout).toMatch(/Dana \(admin\)/);
    expect(listed.stdout).toContain(`token ${danaTokenId}  active`);
    const members = json<{ members: { name: string }[] }>(
      (await cli(['members', '--workspace', acme.workspaceId, '--json'], db.env)).stdout,
    );
    expect(members.members.map((m) => m.name)).toEqual(['Admin', 'Dana', 'Sam']);
    expect(JSON.stringify(members)).not.toContain(dana.token.split('.')[1]); // Secrets are never shown again.

    expect(json((await cli(['compact', '--workspace', acme.workspaceId, '--json'], db.env)).stdout)).toEqual({
      purged: 0,
      minCursor: 0,
    });

    expect(await cli(['revoke', danaTokenId], db.env)).toMatchObject({
      code: 0,
      stdout: `Revoked token ${danaTokenId}.\n`,
    });
    expect((await api.as(dana.token).request('GET', '/v1/me')).status).toBe(401);
    expect((await cli(['members', '--workspace', acme.workspaceId], db.env)).stdout).toMatch(
      /token \S+ {2}revoked \d{4}-/,
    );
    expect(await cli(['revoke', danaTokenId], db.env)).toMatchObject({ code: 1, stdout: /No live token/ });
  });

  it('explains usage errors (exit 2) and unknown workspaces (exit 1)', async () => {
    const usage = await cli(['invite', '--name', 'Dana'], db.env);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('--workspace is required');
    expect(usage.stderr).toContain('npm run server -- invite');
    expect((await cli(['frobnicate'], db.env)).stderr).toContain('Unknown command "frobnicate"');
    expect((await cli(['invite', '--workspace', 'x', '--name', 'D', '--role', 'owner'], db.env)).code).toBe(
      2,
    );
    const unknown = await cli(['invite', '--workspace', 'no-such-workspace', '--name', 'Dana'], db.env);
    expect(unknown).toMatchObject({ code: 1, stderr: 'No workspace no-such-workspace.\n' });
    expect((await cli(['workspace', 'create', ' '], db.env)).code).toBe(1);
  });
});

describe('admin CLI on PGlite', () => {
  it('refuses the data directory of a running server, and works once it stops', async () => {
    const db = await createTestDatabase('pglite');
    try {
      const server = await startServer({ ...db.options, port: 0 });
      let refused: Awaited<ReturnType<typeof runCli>>;
      try {
        refused = await runCli(['workspace', 'create', 'Acme'], db.env);
      } finally {
        await server.close();
      }
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(/in use by process \d+.*Stop that server first/s);
      const created = await cli(['workspace', 'create', 'Acme', '--json'], db.env);
      expect(created.code, created.stderr).toBe(0);
      expect(json<Created>(created.stdout).token).toMatch(/\./);
    } finally {
      await killAll();
      await db.drop();
    }
  });
});
