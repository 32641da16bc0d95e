// The data source of top-level extension pages (popup, options, log): the local database.
import { sendFromPage } from '../messaging/index';
import { resolveConflict } from '../storage/conflicts';
import { writeContext } from '../storage/context';
import { database } from '../storage/db';
import { deleteDecision, undeleteDecision } from '../storage/decisions';
import { isQuotaFailure, isStorageFailure } from '../storage/failure';
import { IDLE, readStatus } from '../sync/status';
import type { DataSource } from './data-source';
import { saveExport } from './export-file';
import { setFailureTest } from './save-errors';
import { useLive } from './use-live';

// This page writes to the database itself: its errors are Dexie's and the write path's.
setFailureTest({ storage: isStorageFailure, quota: isQuotaFailure });

export const localData: DataSource = {
  writeContext: () => writeContext(),
  afterChange: () =>
    sendFromPage('data:changed', {}).then(
      () => undefined,
      // The background may be restarting; the change is stored either way.
      () => undefined,
    ),
  deleteDecision,
  undeleteDecision,
  resolveConflict,
  saveExport: (scope, format) => saveExport(database(), scope, format),
  useSyncStatus: () =>
    useLive(
      async () => ({ status: await readStatus(database()), pending: await database().outbox.count() }),
      [],
      { status: IDLE, pending: 0 },
    ),
};
