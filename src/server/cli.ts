// The admin CLI (`npm run server -- <command>`): workspaces, invites, tokens, compaction. It opens
// the same store as the server; with PGlite that means the server must be stopped first (one
// process per data directory) — or use the admin routes of a running server.
import { parseArgs } from 'node:util';
import {
  type Credentials,
  compactWorkspace,
  createWorkspace,
  inviteMember,
  issueMemberToken,
  listMembers,
  NotFoundError,
  revokeToken,
} from './admin';
import type { ServerConfig } from './config';
import { DataDirLockedError } from './store/lock';
import { openStore } from './store/open';
import type { Store } from './store/store';

export const USAGE = `Decidedly sync server

  npm run server                                   start the API (PORT, HOST, DATA_DIR, DATABASE_URL)
  npm run server -- workspace create <name> [--admin-name <name>] [--json]
  npm run server -- invite --workspace <id> --name <name> [--role member|admin] [--json]
  npm run server -- token --workspace <id> --member <memberId> [--json]   a new token for a member
  npm run server -- revoke <tokenId> [--json]
  npm run server -- members --workspace <id> [--json]
  npm run server -- compact --workspace <id> [--older-than-days 30] [--json]
  npm run server -- migrate                        apply migrations and exit
`;

export class UsageError extends Error {}

type Out = (line: string) => void;

/** Where the CLI writes: the console, or a test's buffers. */
export interface CliIo {
  out: Out;
  err: Out;
}

const consoleIo: CliIo = { out: (l) => console.log(l), err: (l) => console.error(l) };

interface Parsed {
  positionals: string[];
  values: Record<string, string | boolean | undefined>;
}

function parse(argv: string[]): Parsed {
  try {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        json: { type: 'boolean' },
        workspace: { type: 'string' },
        name: { type: 'string' },
        role: { type: 'string' },
        member: { type: 'string' },
        'admin-name': { type: 'string' },
        'older-than-days': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

function required(values: Parsed['values'], name: string): string {
  const v = values[name];
  if (typeof v !== 'string' || !v) throw new UsageError(`--${name} is required.`);
  return v;
}

function printCredentials(out: Out, json: boolean, c: Credentials, intro: string) {
  if (json) {
    out(JSON.stringify({ workspaceId: c.workspaceId, memberId: c.memberId, token: c.token }));
    return;
  }
  out(intro);
  out(`  workspace: ${c.workspaceId}`);
  out(`  member:    ${c.memberId}`);
  out(`  token id:  ${c.tokenId}`);
  out('');
  out('Token (shown only this once — send it privately; it cannot be recovered):');
  out(`  ${c.token}`);
  out('');
  out('In the extension: Options → Sync → paste the server URL and this token.');
}

/** Runs one admin command; returns the process exit code. */
export async function runCli(argv: string[], config: ServerConfig, io: CliIo = consoleIo): Promise<number> {
  const { out } = io;
  const { positionals, values } = parse(argv);
  const [command, ...rest] = positionals;
  const json = values.json === true;
  if (values.help || command === 'help') {
    out(USAGE);
    return 0;
  }
  const run = async (fn: (store: Store) => Promise<void>) => {
    const store = await openStore(config);
    try {
      await fn(store);
    } finally {
      await store.close();
    }
  };

  switch (command) {
    case 'workspace': {
      if (rest[0] !== 'create' || !rest[1]) throw new UsageError('Usage: workspace create <name>');
      const name = rest[1];
      await run(async (store) => {
        const adminName = typeof values['admin-name'] === 'string' ? values['admin-name'] : 'Admin';
        const c = await createWorkspace(store, name, adminName);
        printCredentials(
          out,
          json,
          c,
          `Created workspace "${name.trim()}" with you as its admin (${adminName}).`,
        );
      });
      return 0;
    }
    case 'invite': {
      const workspaceId = required(values, 'workspace');
      const name = required(values, 'name');
      const role = values.role ?? 'member';
      if (role !== 'member' && role !== 'admin') throw new UsageError('--role is member or admin.');
      await run(async (store) => {
        const c = await inviteMember(store, workspaceId, name, role);
        printCredentials(
          out,
          json,
          c,
          `Invited ${name.trim()} as ${role === 'admin' ? 'an admin' : 'a member'}.`,
        );
      });
      return 0;
    }
    case 'token': {
      const workspaceId = required(values, 'workspace');
      const memberId = required(values, 'member');
      await run(async (store) => {
        const c = await issueMemberToken(store, workspaceId, memberId);
        printCredentials(
          out,
          json,
          c,
          'Issued a new token. Earlier tokens of this member stay valid until revoked.',
        );
      });
      return 0;
    }
    case 'revoke': {
      const tokenId = rest[0];
      if (!tokenId) throw new UsageError('Usage: revoke <tokenId>');
      // Accept a whole token too: people paste what they have.
      const id = tokenId.split('.')[0] as string;
      let revoked = false;
      await run(async (store) => {
        revoked = await revokeToken(store, id);
      });
      if (json) out(JSON.stringify({ tokenId: id, revoked }));
      else out(revoked ? `Revoked token ${id}.` : `No live token ${id} (unknown or already revoked).`);
      return revoked ? 0 : 1;
    }
    case 'members': {
      const workspaceId = required(values, 'workspace');
      await run(async (store) => {
        const ws = await listMembers(store, workspaceId);
        if (json) {
          out(JSON.stringify({ workspaceId, name: ws.name, members: ws.members }));
          return;
        }
        out(`${ws.name} — ${ws.members.length} member${ws.members.length === 1 ? '' : 's'}`);
        for (const m of ws.members) {
          out(`  ${m.name} (${m.role})  member ${m.id}`);
          for (const t of m.tokens) {
            out(`      token ${t.id}  ${t.revokedAt ? `revoked ${t.revokedAt.slice(0, 10)}` : 'active'}`);
          }
        }
      });
      return 0;
    }
    case 'compact': {
      const workspaceId = required(values, 'workspace');
      const days = Number(values['older-than-days'] ?? 30);
      if (!Number.isFinite(days) || days < 0)
        throw new UsageError('--older-than-days is a number of days ≥ 0.');
      await run(async (store) => {
        const r = await compactWorkspace(store, workspaceId, days * 86_400_000);
        if (json) out(JSON.stringify(r));
        else out(`Purged ${r.purged} tombstone${r.purged === 1 ? '' : 's'} older than ${days} days.`);
      });
      return 0;
    }
    case 'migrate': {
      await run(async () => {});
      if (!json) out('The database schema is up to date.');
      return 0;
    }
    default:
      throw new UsageError(command ? `Unknown command "${command}".` : 'No command.');
  }
}

/** Turns expected failures into a message and an exit code; unexpected ones propagate. */
export async function runCliSafely(
  argv: string[],
  config: ServerConfig,
  io: CliIo = consoleIo,
): Promise<number> {
  try {
    return await runCli(argv, config, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`${error.message}\n\n${USAGE}`);
      return 2;
    }
    if (
      error instanceof NotFoundError ||
      error instanceof RangeError ||
      error instanceof DataDirLockedError
    ) {
      io.err(error.message);
      return 1;
    }
    throw error;
  }
}
