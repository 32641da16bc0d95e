// Reading changes for a pull (DESIGN.md §5): current states of the rows changed after a cursor, in
// seq order, in pages that never split one push's changes (cursors are whole seqs).
import type { Change, Cursor } from '../../core/protocol';
import type { TableName } from '../../core/schemas';
import type { Store } from '../store/store';
import { toNumber } from '../store/store';

export type PullOutcome =
  | { kind: 'changes'; changes: Change[]; lastSeq: number; epoch: number; hasMore: boolean }
  /** The cursor cannot be served: the client must start over from an empty cursor. */
  | { kind: 'gone'; reason: 'compacted' | 'ahead' };

interface RecordRow {
  tbl: string;
  seq: string | number;
  data: Change['row'];
  /** Size of `data` as JSON text, in bytes, for the page's byte budget. */
  size?: string | number;
}

interface PageRow extends Partial<RecordRow> {
  ws_seq: string | number;
  min_cursor: string | number;
  epoch: string | number;
}

/** A page also ends once its rows pass this many bytes of JSON: long texts make smaller pages. */
export const PULL_PAGE_BYTES = 8 * 1024 * 1024;

const toChange = (r: RecordRow): Change => ({ table: r.tbl as TableName, seq: toNumber(r.seq), row: r.data });

/** Reads racing a compaction are read again (the epoch must describe the rows it labels). */
const ATTEMPTS = 3;

export async function readChanges(
  store: Store,
  workspaceId: string,
  after: Cursor,
  limit: number,
  maxBytes = PULL_PAGE_BYTES,
): Promise<PullOutcome> {
  for (let attempt = 1; ; attempt++) {
    const outcome = await readOnce(store, workspaceId, after, limit, maxBytes);
    if (outcome !== 'raced') return outcome;
    if (attempt >= ATTEMPTS) throw new Error('pull kept racing compactions');
  }
}

async function readOnce(
  store: Store,
  workspaceId: string,
  after: Cursor,
  limit: number,
  maxBytes: number,
): Promise<PullOutcome | 'raced'> {
  // The workspace and the page in one statement, so from one snapshot: the epoch that labels the
  // next cursor is the one these rows were read in. (Read apart, a compaction committing between
  // them would label pre-compaction rows with the new epoch, and the client would miss a delete.)
  const read = await store.query<PageRow>(
    // The size is that of the JSON sent, measured after the limit (not for every later row).
    `WITH ws AS (SELECT seq, min_cursor, epoch FROM workspaces WHERE id = $1),
     page AS (
       SELECT tbl, seq, id, data FROM records WHERE workspace_id = $1 AND seq > $2
       ORDER BY seq, tbl, id LIMIT $3
     )
     SELECT ws.seq AS ws_seq, ws.min_cursor, ws.epoch, page.tbl, page.seq, page.data,
            octet_length(page.data::text) AS size
     FROM ws LEFT JOIN page ON true ORDER BY page.seq, page.tbl, page.id`,
    [workspaceId, after.seq, limit + 1],
  );
  const ws = read[0];
  if (!ws) throw new Error(`workspace ${workspaceId} vanished`);
  const epoch = toNumber(ws.epoch);
  const rows = read.filter((r): r is PageRow & RecordRow => r.tbl != null);
  // A cursor of an older epoch may have missed a delete purged since, unless it is past every
  // purged change. One of a newer epoch, or past the newest seq, comes from a database that was
  // restored from an older backup: the client holds changes (maybe acknowledged pushes) the server
  // lost, and only a full resync can reconcile that.
  if (after.epoch > epoch || after.seq > toNumber(ws.ws_seq)) return { kind: 'gone', reason: 'ahead' };
  if (after.seq > 0 && after.epoch < epoch && after.seq < toNumber(ws.min_cursor))
    return { kind: 'gone', reason: 'compacted' };

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
      lastSeq: last ? toNumber(last.seq) : after.seq,
      epoch,
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
      epoch,
      hasMore: true,
    };
  }
  // A single push changed more rows than the limit: send that push whole, bigger than asked.
  const whole = await store.query<RecordRow & { epoch: string | number }>(
    `SELECT r.tbl, r.seq, r.data, w.epoch FROM workspaces w
     LEFT JOIN records r ON r.workspace_id = w.id AND r.seq = $2
     WHERE w.id = $1 ORDER BY r.tbl, r.id`,
    [workspaceId, cut],
  );
  if (toNumber(whole[0]?.epoch) !== epoch) return 'raced';
  const more = await store.query('SELECT 1 FROM records WHERE workspace_id = $1 AND seq > $2 LIMIT 1', [
    workspaceId,
    cut,
  ]);
  return {
    kind: 'changes',
    changes: whole.filter((r) => r.tbl != null).map(toChange),
    lastSeq: cut,
    epoch,
    hasMore: more.length > 0,
  };
}
