// Pokes for Server-Sent Events: listeners per workspace, told the newest seq. Pushes on this
// process notify at once; pushes on other processes sharing the database are found by polling the
// seq of workspaces that have listeners (no LISTEN/NOTIFY, which distributed engines lack).
import type { FastifyBaseLogger } from 'fastify';
import { errorForLog } from './log-safe';
import type { Store } from './store/store';
import { toNumber } from './store/store';

export type Listener = (seq: number) => void;

export interface EventHubOptions {
  /** Milliseconds between polls; 0 disables polling (one process only). */
  pollMs: number;
  logger?: FastifyBaseLogger;
}

export class EventHub {
  private readonly listeners = new Map<string, Set<Listener>>();
  private readonly known = new Map<string, number>();
  private readonly closers = new Set<() => void>();
  private timer: NodeJS.Timeout | undefined;
  private polling = false;

  constructor(
    private readonly store: Store,
    private readonly options: EventHubOptions,
  ) {}

  /** Registers a listener; `close` is called when the server shuts down. Returns the unsubscribe. */
  subscribe(workspaceId: string, seq: number, listener: Listener, close: () => void): () => void {
    const set = this.listeners.get(workspaceId) ?? new Set<Listener>();
    this.listeners.set(workspaceId, set);
    set.add(listener);
    this.closers.add(close);
    this.known.set(workspaceId, Math.max(this.known.get(workspaceId) ?? 0, seq));
    this.startPolling();
    let done = false;
    return () => {
      if (done) return;
      done = true;
      this.closers.delete(close);
      set.delete(listener);
      if (set.size === 0) {
        this.listeners.delete(workspaceId);
        this.known.delete(workspaceId);
      }
    };
  }

  /** A workspace reached `seq`: pokes its listeners if that is news. */
  notify(workspaceId: string, seq: number) {
    const set = this.listeners.get(workspaceId);
    if (!set || seq <= (this.known.get(workspaceId) ?? 0)) return;
    this.known.set(workspaceId, seq);
    for (const listener of set) listener(seq);
  }

  listenerCount(): number {
    let n = 0;
    for (const set of this.listeners.values()) n += set.size;
    return n;
  }

  /** Ends every stream (server shutdown) and stops polling. */
  close() {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    for (const close of [...this.closers]) close();
  }

  private startPolling() {
    if (this.timer || this.options.pollMs <= 0) return;
    this.timer = setInterval(() => void this.poll(), this.options.pollMs);
    this.timer.unref();
  }

  /** Reads the seq of every workspace with listeners in one query. */
  async poll() {
    if (this.polling || this.listeners.size === 0) return;
    this.polling = true;
    try {
      const rows = await this.store.query<{ id: string; seq: string }>(
        'SELECT id, seq FROM workspaces WHERE id = ANY($1::text[])',
        [[...this.listeners.keys()]],
      );
      for (const r of rows) this.notify(r.id, toNumber(r.seq));
    } catch (error) {
      this.options.logger?.warn({ err: errorForLog(error) }, 'polling workspace seqs failed');
    } finally {
      this.polling = false;
    }
  }
}
