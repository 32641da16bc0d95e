// Where the shared components (SyncStatus, ExportMenu, ConflictVersions, delete and undo, act)
// read and write. Each page sets its source before it mounts: top-level extension pages the local
// database (local-data.ts); the sidebar, a frame inside a web page that must not touch storage
// (DESIGN §5), its port to the background (src/sidebar/api.ts). No default: importing the local
// one here put Dexie and every exporter in the sidebar's bundle, a third of its start-up.

import type { WriteContext } from '../storage/write';
import type { SyncStatus } from '../sync/status';
import type { ExportFormat, ExportScope } from './export-formats';

export interface DataSource {
  /** The context handed to a change (`act`); a remote source hands a placeholder. */
  writeContext(): Promise<WriteContext>;
  /** After a change: tell the background (highlights, badge, sync), unless it made the change. */
  afterChange(): Promise<void>;
  deleteDecision(ctx: WriteContext, id: string): Promise<void>;
  undeleteDecision(ctx: WriteContext, id: string): Promise<void>;
  resolveConflict(
    ctx: WriteContext,
    table: 'decisions',
    id: string,
    field: string,
    value: string,
  ): Promise<void>;
  /** Builds an export, saves it as a download, and returns the file's name. */
  saveExport(scope: ExportScope, format: ExportFormat): Promise<string>;
  /** The sync status line's data, live (a hook). */
  useSyncStatus(): { status: SyncStatus; pending: number };
}

let source: DataSource | null = null;

export function setDataSource(next: DataSource): void {
  source = next;
}

export function dataSource(): DataSource {
  if (!source) throw new Error('No data source: the page sets one before it mounts.');
  return source;
}
