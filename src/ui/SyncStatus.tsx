// The sync status line every page shows: "Synced 12 s ago", "Offline — 3 changes waiting", or
// what went wrong and what to do. Mounting it also keeps live pokes coming (useLiveSync).
import { useEffect, useState } from 'preact/hooks';
import { describeStatus } from '../sync/status-text';
import { dataSource } from './data-source';
import { useLiveSync } from './use-live-sync';

export interface SyncStatusProps {
  /** Hide the line entirely while not connected (the popup and sidebar stay quiet then). */
  hideWhenDisconnected?: boolean;
}

export function SyncStatus({ hideWhenDisconnected = false }: SyncStatusProps) {
  useLiveSync();
  const [, tick] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => tick((n) => n + 1), 10_000);
    return () => clearInterval(timer);
  }, []);
  const { status, pending } = dataSource().useSyncStatus();
  if (hideWhenDisconnected && status.state === 'disconnected') return null;
  const problem = status.state === 'error' || status.state === 'offline';
  return (
    <p class={`sync-status${problem ? ' sync-problem' : ''}`} role="status" aria-live="polite">
      {describeStatus(status, pending)}
    </p>
  );
}
