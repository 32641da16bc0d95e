// A simulated sync client, as the extension's sync engine behaves: local rows, an outbox of
// mutations with ids increasing by one, an HLC clock (possibly skewed), push with retry on lost
// replies and gaps, and paged pulls merged into local rows with the shared merge.
import { HlcClock } from '../../../src/core/hlc';
import { elementKey, isListField, type ListDelta, listDelta } from '../../../src/core/list-merge';
import {
  applyOp,
  fieldFrontier,
  isFreeText,
  mergeRow,
  PURGED_MARK,
  type RowOp,
  type SyncRow,
} from '../../../src/core/merge';
import { type Mutation, SCHEMA_VERSION } from '../../../src/core/protocol';
import type { TableName } from '../../../src/core/schemas';
import { wholeRowEntries } from '../../../src/storage/import-outbox';
import type { Api } from './api';

/** One field written by one mutation, remembered to check what became of it. */
export interface Write {
  table: string;
  id: string;
  field: string;
  value: unknown;
  hlc: string;
  base?: string[];
  /** The protocol mutation that carried it. */
  mutationId?: number;
  /** List writes: the element keys written and removed. */
  put?: string[];
  removed?: string[];
  /** Filled by a test that tracks causality apart from the merge: the writes its writer knew. */
  knew?: ReadonlySet<string>;
}

export type PushMode = 'normal' | 'lost-request' | 'lost-reply' | 'duplicate' | 'reorder';

export const rowKey = (table: string, id: string) => `${table}/${id}`;

export class SimClient {
  readonly rows = new Map<string, SyncRow>();
  readonly outbox: Mutation[] = [];
  readonly written: Write[] = [];
  readonly acknowledged: Write[] = [];
  cursor = '';
  /** Told of every push the server answered, lost replies included (a test's view, not the client's). */
  onApplied?: (clientId: string, lastMutationId: number) => void;
  /** Asked for the writes a complete pull has brought (a test's causality oracle). */
  onPulled?: (client: SimClient) => void;
  /** Called for every local write before it is recorded (a test's causality oracle). */
  knowledge?: () => ReadonlySet<string>;
  private nextId = 1;
  private readonly clock: HlcClock;
  private readonly writesOf = new Map<number, Write[]>();

  constructor(
    readonly clientId: string,
    private readonly api: Api,
    skewMs = 0,
  ) {
    this.clock = new HlcClock(clientId, () => Date.now() + skewMs);
  }

  /**
   * A local write: applied at once, queued as a mutation. Free-text writes name what they saw;
   * list fields travel element by element, as the extension's write path sends them.
   */
  write(table: TableName, id: string, set: Record<string, unknown>) {
    const key = rowKey(table, id);
    const local = this.rows.get(key);
    const latest = Object.values(local?.fieldHlc ?? {})
      .sort()
      .at(-1);
    const hlc = latest ? this.clock.receive(latest) : this.clock.now();
    const base: Record<string, string[]> = {};
    const plain: Record<string, unknown> = {};
    const lists: Record<string, ListDelta> = {};
    for (const [field, value] of Object.entries(set)) {
      if (isListField(field) && Array.isArray(value)) {
        const delta = listDelta(local, field, value);
        if (delta) lists[field] = delta;
        continue;
      }
      plain[field] = value;
      const seen = local && isFreeText(field) ? fieldFrontier(local, field) : undefined;
      if (seen) base[field] = seen;
    }
    if (!Object.keys(plain).length && !Object.keys(lists).length) return;
    const op: RowOp = {
      table,
      id,
      set: plain,
      ...(Object.keys(base).length ? { base } : {}),
      ...(Object.keys(lists).length ? { lists } : {}),
    };
    this.rows.set(key, applyOp(local, op, hlc));
    const mutation = { id: this.nextId++, hlc, ops: [op] } as Mutation;
    this.outbox.push(mutation);
    const knew = this.knowledge?.();
    const common = { table, id, hlc, mutationId: mutation.id, ...(knew ? { knew } : {}) };
    const writes: Write[] = Object.entries(plain).map(([field, value]) => ({
      ...common,
      field,
      value,
      base: base[field],
    }));
    for (const [field, delta] of Object.entries(lists)) {
      writes.push({
        ...common,
        field,
        value: undefined,
        put: (delta.put ?? []).map((e) => elementKey(field, e)),
        removed: Object.keys(delta.del ?? {}),
      });
    }
    this.written.push(...writes);
    this.writesOf.set(mutation.id, writes);
  }

  /** Sends up to `max` queued mutations, delivered as `mode` says. */
  async push(max: number, mode: PushMode = 'normal') {
    const batch = this.outbox.slice(0, max);
    if (batch.length === 0 || mode === 'lost-request') return;
    const send = async (mutations: Mutation[]) => {
      const res = await this.api.push({ clientId: this.clientId, schemaVersion: SCHEMA_VERSION, mutations });
      if (res.status === 200) this.onApplied?.(this.clientId, res.body.lastMutationId as number);
      if (res.status === 409 && res.body.error === 'mutation-gap')
        this.onApplied?.(this.clientId, (res.body.expectedId as number) - 1);
      return res;
    };
    if (mode === 'lost-reply') {
      await send(batch); // Applied by the server, but the client never learns it.
      return;
    }
    if (mode === 'reorder' && batch.length > 1) {
      const half = Math.ceil(batch.length / 2);
      this.settle(await send(batch.slice(half)));
      this.settle(await send(batch.slice(0, half)));
      return;
    }
    this.settle(await send(batch));
    if (mode === 'duplicate') this.settle(await send(batch));
  }

  /** Pushes until the outbox is empty (a client coming back online). */
  async flush() {
    for (let i = 0; this.outbox.length > 0; i++) {
      if (i > 1000) throw new Error('flush: no progress');
      await this.push(50);
    }
  }

  private settle(res: { status: number; body: Record<string, unknown> }) {
    if (res.status === 200) this.ack(res.body.lastMutationId as number);
    // A gap tells how far the server got: everything before expectedId is applied.
    else if (res.status === 409 && res.body.error === 'mutation-gap')
      this.ack((res.body.expectedId as number) - 1);
    else throw new Error(`push answered ${res.status}: ${JSON.stringify(res.body)}`);
  }

  private ack(lastMutationId: number) {
    while (this.outbox.length > 0 && (this.outbox[0] as Mutation).id <= lastMutationId) {
      const m = this.outbox.shift() as Mutation;
      this.acknowledged.push(...(this.writesOf.get(m.id) ?? []));
    }
  }

  /** Pulls every page after the stored cursor, merging each row and storing the cursor per page. */
  async pull(limit?: number) {
    let restarted = false;
    for (let page = 0; page < 10_000; page++) {
      const res = await this.api.pull(this.cursor, restarted ? 5000 : limit);
      // 410 after a compaction: pull everything again, keeping local rows and the outbox.
      if (res.status === 410 && !restarted) {
        restarted = true;
        this.cursor = '';
        continue;
      }
      if (res.status !== 200) throw new Error(`pull answered ${res.status}: ${JSON.stringify(res.body)}`);
      for (const change of res.body.changes) {
        const key = rowKey(change.table, change.row.id);
        const local = this.rows.get(key);
        const remote = change.row as SyncRow;
        const merged = local ? mergeRow(local, remote) : remote;
        this.rows.set(key, merged);
        // As the extension does: a purged row written again gets this device's whole state back.
        const mark = remote[PURGED_MARK];
        if (local && mark !== undefined && local[PURGED_MARK] !== mark) {
          for (const entry of wholeRowEntries(change.table, merged))
            this.outbox.push({ id: this.nextId++, hlc: entry.hlc, ops: entry.ops } as Mutation);
        }
        const newest = Object.values(remote.fieldHlc).sort().at(-1);
        if (newest) this.clock.receive(newest);
      }
      this.cursor = res.body.nextCursor;
      if (!res.body.hasMore) {
        this.onPulled?.(this);
        return;
      }
    }
    throw new Error('pull: too many pages');
  }
}
