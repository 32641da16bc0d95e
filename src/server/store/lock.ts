// A lock file guarding a PGlite data directory: PGlite is PostgreSQL in one process, and two
// processes writing the same files would corrupt it. A lock left by a killed process is taken over.
import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

export const LOCK_FILE = 'server.lock';

interface LockInfo {
  pid: number;
  host: string;
}

export class DataDirLockedError extends Error {
  constructor(dir: string, owner: LockInfo) {
    super(
      `The data directory ${dir} is in use by process ${owner.pid} on ${owner.host}. ` +
        'Stop that server first (PGlite allows one process per data directory), or use DATABASE_URL.',
    );
  }
}

/** Takes the lock of `dir` for this process; returns the function that releases it. */
export function lockDataDir(dir: string): () => void {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, LOCK_FILE);
  const me: LockInfo = { pid: process.pid, host: hostname() };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, JSON.stringify(me));
      closeSync(fd);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        unlinkSync(path);
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = readOwner(path);
      if (owner && isAlive(owner)) throw new DataDirLockedError(dir, owner);
      // The owner died without releasing (killed, power cut): its lock is stale.
      unlinkSync(path);
    }
  }
  throw new Error(`Could not take the lock ${path}`);
}

function readOwner(path: string): LockInfo | null {
  try {
    const info = JSON.parse(readFileSync(path, 'utf8')) as Partial<LockInfo>;
    return typeof info.pid === 'number' && typeof info.host === 'string'
      ? { pid: info.pid, host: info.host }
      : null;
  } catch {
    return null; // Half-written by a process killed between open and write: stale.
  }
}

function isAlive(owner: LockInfo): boolean {
  // A lock from another machine (a shared volume) cannot be checked: assume it is held.
  if (owner.host !== hostname()) return true;
  try {
    process.kill(owner.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
