// Where the shared components (SyncStatus, ExportMenu, ConflictVersions, delete and undo, act)
// read and write. Top-level extension pages use the local database (local-data.ts, the
// default); the sidebar, a frame inside a web page that must not touch storage (DESIGN §5),
// sets its port to the background before it mounts (src/sidebar/remote-data.ts).

import type { WriteContext } from '../storage/write';
import type { SyncStatus } from '../sync/status';
import type { ExportFormat, ExportScope } from './export-file';
import { localData } from './local-data';

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

let source: DataSource = localData;

export function setDataSource(next: DataSource): void {
  source = next;
}

export function dataSource(): DataSource {
  return source;
}
