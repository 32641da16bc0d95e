// The sidebar's (and tooltip's) only way to data: queries and writes over the frame's port to
// the background (DESIGN §5: a frame inside a web page never touches storage). The write
// functions keep the repositories' names and shapes — `act((ctx) => setStatus(ctx, id, to))`
// reads as on the other pages — but the context is a placeholder and the background runs them.
import { useEffect, useState } from 'preact/hooks';
import type {
  CallArgs,
  CallName,
  CallResults,
  QueryArgs,
  QueryName,
  QueryResults,
} from '../messaging/frame-port';
import type { DataSource } from '../ui/data-source';
import { download } from '../ui/download';
import type { FrameClient, FrameState } from './frame-client';

let client: FrameClient | null = null;

/** Sets the client every query and write of this frame goes through (main.tsx, tests). */
export function setFrameClient(next: FrameClient): void {
  client = next;
}

function current(): FrameClient {
  if (!client) throw new Error('The frame is not connected to the background.');
  return client;
}

export function call<C extends CallName>(name: C, ...args: CallArgs<C>): Promise<CallResults[C]> {
  return current().call(name, ...args);
}

/** A query's latest result, pushed by the background; `initial` until the first one arrives. */
export function useQuery<Q extends QueryName, I = undefined>(
  query: Q,
  args: QueryArgs<Q>,
  initial: I,
): QueryResults[Q] | I {
  const [value, setValue] = useState<QueryResults[Q] | I>(initial);
  const key = JSON.stringify(args);
  useEffect(() => {
    setValue(() => initial);
    return current().subscribe(query, args, (v) => setValue(() => v));
  }, [query, key]);
  return value;
}

/** Whether the background accepted this frame: nothing is shown before it does. */
export function useFrameState(): FrameState {
  const [state, setState] = useState<FrameState>(client?.state ?? 'waiting');
  useEffect(() => {
    if (!client) return;
    setState(client.state);
    return client.onState(setState);
  }, []);
  return state;
}

/** What a repository function answers: nothing (`void`), or the new row's id. */
// biome-ignore lint/suspicious/noConfusingVoidType: the repositories' own return type, matched.
type Out<C extends CallName> = CallResults[C] extends null ? void : CallResults[C];
type Remote<C extends CallName> = (_ctx: unknown, ...args: CallArgs<C>) => Promise<Out<C>>;
const remote =
  <C extends CallName>(name: C): Remote<C> =>
  (_ctx, ...args) =>
    call(name, ...args).then((v) => (v ?? undefined) as Out<C>);

export const createDecision = remote('createDecision');
export const updateDecision = remote('updateDecision');
export const setStatus = remote('setStatus');
export const supersede = remote('supersede');
export const deleteDecision = remote('deleteDecision');
export const undeleteDecision = remote('undeleteDecision');
/** Sends only what the repository reads of a parsed line (not its dates or parse errors). */
export const createFromQuickAdd = (
  _ctx: unknown,
  draft: CallArgs<'createFromQuickAdd'>[0],
  anchor?: CallArgs<'createFromQuickAdd'>[1],
) => {
  const { title, mentions, tags, status, dueAt } = draft;
  return call('createFromQuickAdd', { title, mentions, tags, dueAt, ...(status ? { status } : {}) }, anchor);
};
export const addFollowUp = remote('addFollowUp');
export const setFollowUpDone = remote('setFollowUpDone');
export const deleteFollowUp = remote('deleteFollowUp');
export const createStakeholder = remote('createStakeholder');
export const updateStakeholder = remote('updateStakeholder');
export const addRole = remote('addRole');
export const updateRole = remote('updateRole');
export const removeRole = remote('removeRole');
export const resolveConflict = remote('resolveConflict');

/** The fields an edit may change (the repositories' `DecisionFields`, as the port checks them). */
export type DecisionFields = CallArgs<'updateDecision'>[1];
export type StakeholderFields = CallArgs<'updateStakeholder'>[1];

/** The stakeholder directory, live. */
export const useDirectory = () => useQuery('people:directory', [], []);

async function saveExport(...args: CallArgs<'exportFile'>): Promise<string> {
  const file = await call('exportFile', ...args);
  const data = file.base64 ? Uint8Array.from(atob(file.data), (c) => c.charCodeAt(0)) : file.data;
  download(file.name, data, file.type);
  return file.name;
}

/** The shared components' data source in a frame: the port (see src/ui/data-source.ts). */
export const remoteData: DataSource = {
  // Never read: the remote repositories ignore their context.
  writeContext: async () => ({}) as Awaited<ReturnType<DataSource['writeContext']>>,
  // The background made the change, and already told tabs, badge and sync.
  afterChange: async () => {},
  deleteDecision,
  undeleteDecision,
  resolveConflict,
  saveExport,
  useSyncStatus: () =>
    useQuery('sync:status', [], {
      status: { state: 'disconnected', lastSyncAt: null, seq: 0, message: null, failures: 0, retryAt: null },
      pending: 0,
    } as QueryResults['sync:status']),
};
