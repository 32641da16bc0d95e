// The write context of this extension context: the database, an HLC clock whose node is this
// profile's client id plus a per-context suffix (so two contexts never issue the same HLC), the
// workspace and the acting stakeholder.
import { HlcClock } from '../core/hlc';
import { newClientId } from '../core/ids';
import { type DecidedlyDb, database } from './db';
import type { WriteContext } from './write';

export const LOCAL_WORKSPACE = 'local';

export async function metaValue<T>(db: DecidedlyDb, key: string): Promise<T | undefined> {
  return (await db.meta.get(key))?.value as T | undefined;
}

export async function setMetaValue(db: DecidedlyDb, key: string, value: unknown): Promise<void> {
  await db.meta.put({ key, value });
}

/** This profile's client id, created on first use. */
export async function clientIdOf(db: DecidedlyDb): Promise<string> {
  return db.transaction('rw', db.meta, async () => {
    const known = await metaValue<string>(db, 'clientId');
    if (known) return known;
    const id = newClientId();
    await setMetaValue(db, 'clientId', id);
    return id;
  });
}

let cached: Promise<WriteContext> | undefined;

/** The write context of this JS context, made once; workspace and actor are read per call. */
export function writeContext(db: DecidedlyDb = database()): Promise<WriteContext> {
  cached ??= (async () => {
    const clientId = await clientIdOf(db);
    const suffix = Math.random().toString(36).slice(2, 6);
    const clock = new HlcClock(`${clientId}-${suffix}`);
    const ctx: WriteContext = { db, clock, workspaceId: LOCAL_WORKSPACE, actor: 'local' };
    return ctx;
  })();
  return cached.then(async (ctx) => ({
    ...ctx,
    workspaceId: (await metaValue<string>(db, 'workspaceId')) ?? LOCAL_WORKSPACE,
    actor: (await metaValue<string>(db, 'meStakeholderId')) ?? 'local',
  }));
}
