// The writes and actions an extension frame in a page may ask for (frame-port.ts), done by the
// background through the same repositories the top-level pages use. The tab is the one the
// frame proved it sits in, never one the frame names.

import { api } from '../messaging/browser-api';
import type { CallArgs, CallName, CallResults, ExportedFile } from '../messaging/frame-port';
import { sendToTab } from '../messaging/index';
import { markBackupExported } from '../storage/backup-state';
import { resolveConflict } from '../storage/conflicts';
import { writeContext } from '../storage/context';
import { database } from '../storage/db';
import {
  createDecision,
  deleteDecision,
  setStatus,
  supersede,
  undeleteDecision,
  updateDecision,
} from '../storage/decisions';
import { addFollowUp, deleteFollowUp, setFollowUpDone } from '../storage/follow-ups';
import { addRole, createStakeholder, removeRole, updateRole, updateStakeholder } from '../storage/people';
import { createFromQuickAdd } from '../storage/quick-add';
import { exportFile } from '../ui/export-file';
import { notifyDataChanged } from './changes';
import { pagePeopleOf } from './page-people';
import { postToTab } from './post';
import { updateTabState } from './tab-state';
import { toggleSidebar } from './tabs';

type Caller<C extends CallName> = (tabId: number, ...args: CallArgs<C>) => Promise<CallResults[C]>;

/** A repository write: run with this device's write context, then tell tabs, badge and sync. */
const change =
  <A extends unknown[], R>(fn: (ctx: Awaited<ReturnType<typeof writeContext>>, ...args: A) => Promise<R>) =>
  async (_tabId: number, ...args: A): Promise<undefined extends R ? null : R> => {
    const result = await fn(await writeContext(), ...args);
    await notifyDataChanged();
    return (result ?? null) as undefined extends R ? null : R;
  };

const none = (_: unknown) => null;

const ok = (p: Promise<unknown>) =>
  p.then(
    () => true,
    () => false,
  );

function base64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

async function exportForFrame(scope: CallArgs<'exportFile'>[0], format: CallArgs<'exportFile'>[1]) {
  const now = new Date();
  const file = await exportFile(database(), scope, format, now);
  if (scope === 'all' && format === 'json') await markBackupExported(now);
  const binary = file.data instanceof Uint8Array;
  const data = binary ? base64(file.data as Uint8Array) : String(file.data);
  return { name: file.name, type: file.type, data, base64: binary } satisfies ExportedFile;
}

export const frameCallHandlers: { [C in CallName]: Caller<C> } = {
  createDecision: change((ctx, fields, anchor) => createDecision(ctx, fields, anchor)),
  updateDecision: change(updateDecision),
  setStatus: change(setStatus),
  supersede: change(supersede),
  deleteDecision: change(deleteDecision),
  undeleteDecision: change(undeleteDecision),
  createFromQuickAdd: change((ctx, draft, anchor) => createFromQuickAdd(ctx, draft, anchor)),
  addFollowUp: change(addFollowUp),
  setFollowUpDone: change(setFollowUpDone),
  deleteFollowUp: change(deleteFollowUp),
  createStakeholder: change(createStakeholder),
  updateStakeholder: change(updateStakeholder),
  addRole: change(addRole),
  updateRole: change(updateRole),
  removeRole: change(removeRole),
  resolveConflict: change(resolveConflict),
  exportFile: (_tab, scope, format) => exportForFrame(scope, format),
  'tab:clear-capture': async (tabId) => none(await updateTabState(tabId, { capture: null })),
  'tab:clear-focus': async (tabId) => none(await updateTabState(tabId, { focusDecisionId: null })),
  'tab:page-decision': async (tabId) =>
    none(
      await updateTabState(tabId, (s) => ({
        capture: {
          selectors: null,
          url: s.url,
          title: s.title,
          pageKey: s.pageKey,
          site: s.site,
          canHighlight: s.canHighlight,
          at: Date.now(),
        },
      })),
    ),
  'tab:focus-decision': (tabId, decisionId) => ok(sendToTab(tabId, 'highlight:focus', { decisionId })),
  'tab:close-sidebar': (tabId) => ok(toggleSidebar(tabId, false)),
  'tab:reattach': async (tabId, anchorId) => {
    await updateTabState(tabId, { reattachAnchorId: anchorId });
    return ok(sendToTab(tabId, 'reattach:selection', { anchorId }));
  },
  'tab:post': (tabId, decisionId) => postToTab(tabId, decisionId),
  'log:open': async (_tab, query) => {
    const q = query?.replace(/^\?/, '');
    await api.tabs.create({ url: api.runtime.getURL(`src/log/index.html${q ? `?${q}` : ''}`) });
    return null;
  },
  'tab:page-people': (tabId) => pagePeopleOf(tabId),
};
