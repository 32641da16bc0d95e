// Reading changes for a pull (DESIGN.md §5): current states of the rows changed after a cursor, in
// seq order, in pages that never split one push's changes (cursors are whole seqs).
import type { Change } from '../../core/protocol';
import type { TableName } from '../../core/schemas';
import type { Store } from '../store/store';
import { toNumber } from '../store/store';

export type PullOutcome =
  | { kind: 'changes'; changes: Change[]; lastSeq: number; hasMore: boolean }
  /** The cursor cannot be served: the client must start over from an empty cursor. */
  | { kind: 'gone'; reason: 'compacted' | 'ahead' };

interface RecordRow {
  tbl: string;
  seq: string | number;
  data: Change['row'];
  /** Size of `data` as JSON text, in bytes, for the page's byte budget. */
  size?: string | number;
}

/** A page also ends once its rows pass this many bytes of JSON: long texts make smaller pages. */
export const PULL_PAGE_BYTES = 8 * 1024 * 1024;

const toChange = (r: RecordRow): Change => ({ table: r.tbl as TableName, seq: toNumber(r.seq), row: r.data });

export async function readChanges(
  store: Store,
  workspaceId: string,
  after: number,
  limit: number,
  maxBytes = PULL_PAGE_BYTES,
): Promise<PullOutcome> {
  const rows = await store.query<RecordRow>(
    // The size is that of the JSON sent, measured after the limit (not for every later row).
    `SELECT tbl, seq, data, octet_length(data::text) AS size FROM (
       SELECT tbl, seq, id, data FROM records WHERE workspace_id = $1 AND seq > $2
       ORDER BY seq, tbl, id LIMIT $3
     ) page ORDER BY seq, tbl, id`,
    [workspaceId, after, limit + 1],
  );
  // Read after the rows: a compaction visible to the read above is then visible here too.
  const [ws] = await store.query<{ seq: string; min_cursor: string }>(
    'SELECT seq, min_cursor FROM workspaces WHERE id = $1',
    [workspaceId],
  );
  if (!ws) throw new Error(`workspace ${workspaceId} vanished`);
  if (after > 0 && after < toNumber(ws.min_cursor)) return { kind: 'gone', reason: 'compacted' };
  // A cursor from the future: the database was restored from an older backup, so the client holds
  // changes (maybe acknowledged pushes) the server lost. Only a full resync can reconcile that.
  if (after > toNumber(ws.seq)) return { kind: 'gone', reason: 'ahead' };

  // The rows that fit the row limit and the byte budget (at least one).
  let fit = Math.min(rows.length, limit);
  let bytes = 0;
  for (let i = 0; i < fit; i++) {
    bytes += toNumber((rows[i] as RecordRow).size ?? 0);
    if (i > 0 && bytes > maxBytes) fit = i;
  }
  if (rows.length <= fit) {
    const last = rows.at(-1);
    return {
      kind: 'changes',
      changes: rows.map(toChange),
      lastSeq: last ? toNumber(last.seq) : after,
      hasMore: false,
    };
  }
  // Rows left over: the page may end inside a push. End it at the last complete seq instead.
  const cut = toNumber((rows[fit] as RecordRow).seq);
  const page = rows.slice(0, fit).filter((r) => toNumber(r.seq) < cut);
  if (page.length > 0) {
    return {
      kind: 'changes',
      changes: page.map(toChange),
      lastSeq: toNumber((page.at(-1) as RecordRow).seq),
      hasMore: true,
    };
  }
  // A single push changed more rows than the limit: send that push whole, bigger than asked.
  const whole = await store.query<RecordRow>(
    'SELECT tbl, seq, data FROM records WHERE workspace_id = $1 AND seq = $2 ORDER BY tbl, id',
    [workspaceId, cut],
  );
  const more = await store.query('SELECT 1 FROM records WHERE workspace_id = $1 AND seq > $2 LIMIT 1', [
    workspaceId,
    cut,
  ]);
  return { kind: 'changes', changes: whole.map(toChange), lastSeq: cut, hasMore: more.length > 0 };
}
