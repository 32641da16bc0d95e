// How much this browser's copy uses and whether the browser may clear it.
import { useEffect, useState } from 'preact/hooks';
import { formatBytes, persistenceText, type StorageHealth, storageHealth } from './data-storage';

export interface DataStorageProps {
  /** Changes when the data does, so the usage is measured again. */
  version: string;
}

export function DataStorage({ version }: DataStorageProps) {
  const [health, setHealth] = useState<StorageHealth | null>(null);
  useEffect(() => {
    let live = true;
    void storageHealth().then((h) => live && setHealth(h));
    return () => {
      live = false;
    };
  }, [version]);
  if (!health) return null;
  return (
    <div class="data-storage">
      <h3>Storage</h3>
      {health.usage !== null && (
        <p>
          Decidedly uses {formatBytes(health.usage)} on this device
          {health.quota ? ` (of ${formatBytes(health.quota)} the browser allows)` : ''}.
        </p>
      )}
      <p class={health.persisted || health.unlimited ? '' : 'error'}>{persistenceText(health)}</p>
      <p class="muted">Removing the extension deletes this copy: keep a backup file somewhere safe.</p>
    </div>
  );
}
