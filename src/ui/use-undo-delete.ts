// Deleting a decision with a way back. The delete is a tombstone written at once (sync and the
// other pages see it, and a backup keeps it), and for a few seconds UndoToast offers "Undo",
// which writes a newer undelete. One pending undo per page, whichever component deleted.
import { useEffect, useState } from 'preact/hooks';
import { act } from './actions';
import { dataSource } from './data-source';

export interface PendingDelete {
  id: string;
  title: string;
}

let pending: PendingDelete | null = null;
const listeners = new Set<() => void>();
const set = (next: PendingDelete | null) => {
  pending = next;
  for (const l of listeners) l();
};

/** Deletes (tombstones) a decision and offers to undo it. */
export async function deleteWithUndo(id: string, title: string): Promise<void> {
  await act((ctx) => dataSource().deleteDecision(ctx, id), `deleting “${title}”`);
  set({ id, title });
}

/** Restores the decision deleted last, if its undo is still offered. */
export async function undoDelete(): Promise<void> {
  const p = pending;
  if (!p) return;
  set(null);
  await act((ctx) => dataSource().undeleteDecision(ctx, p.id), `restoring “${p.title}”`);
}

/** Stops offering the undo (the toast timed out or was closed); the decision stays deleted. */
export function dismissUndo(): void {
  set(null);
}

export function pendingDelete(): PendingDelete | null {
  return pending;
}

/** The pending undo of this page, and the actions on it. */
export function useUndoDelete() {
  const [current, setCurrent] = useState(pending);
  useEffect(() => {
    const listener = () => setCurrent(pending);
    listeners.add(listener);
    setCurrent(pending);
    return () => void listeners.delete(listener);
  }, []);
  return { pending: current, remove: deleteWithUndo, undo: undoDelete, dismiss: dismissUndo };
}
