// "Do not sync quotes from this site": anchors on such a site sync without their selectors (the
// quote and its surrounding text), marked quotePrivate so teammates see "quote kept private".
import type { Mutation } from '../core/protocol';
import type { DecidedlyDb } from '../storage/db';
import type { OpFilter, SentEntry } from './outbox';

function hostOf(url: unknown): string | null {
  try {
    return typeof url === 'string' ? new URL(url).hostname.toLowerCase() : null;
  } catch {
    return null;
  }
}

/** True when `host` is one of `privateHosts` or a subdomain of one. */
export function isPrivateHost(host: string | null, privateHosts: readonly string[]): boolean {
  return !!host && privateHosts.some((p) => host === p || host.endsWith(`.${p}`));
}

export function privacyFilter(db: DecidedlyDb, privateHosts: readonly string[]): OpFilter {
  return async (entry: SentEntry): Promise<Mutation['ops']> => {
    const ops: Mutation['ops'] = [];
    for (const op of entry.ops) {
      if (op.table !== 'anchors' || !privateHosts.length || !('selectors' in op.set)) {
        ops.push(op as Mutation['ops'][number]);
        continue;
      }
      const url = op.set.url ?? (await db.anchors.get(op.id))?.url;
      if (!isPrivateHost(hostOf(url), privateHosts)) {
        ops.push(op as Mutation['ops'][number]);
        continue;
      }
      const { selectors: _kept, ...rest } = op.set;
      ops.push({ ...op, table: 'anchors', set: { ...rest, quotePrivate: true } });
    }
    return ops;
  };
}
