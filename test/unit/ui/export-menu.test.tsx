// @vitest-environment happy-dom
// The export control: each format becomes a download with the decision in it; one decision's
// Markdown is one .md file; the whole log's JSON is a full, restorable backup and counts as one.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { database } from '../../../src/storage/db';
import { createDecision, deleteDecision } from '../../../src/storage/decisions';
import { readAllTables } from '../../../src/storage/export-data';
import { readBackup } from '../../../src/storage/import';
import type { WriteContext } from '../../../src/storage/write';
import { button, click, freshDb, mountUi, press, unmountUi } from '../sidebar/helpers';
import { captureDownloads, type Saved } from './downloads';

vi.mock('../../../src/messaging/browser-api', () => import('./fake-api'));
// As the page's main does before it mounts: this page reads and writes the local database.
const { setDataSource } = await import('../../../src/ui/data-source');
setDataSource((await import('../../../src/ui/local-data')).localData);
const { ExportMenu } = await import('../../../src/ui/ExportMenu');
const { local } = await import('./fake-api');
const { loadBackupState } = await import('../../../src/storage/backup-state');

let ctx: WriteContext;
let id: string;
let saved: Saved[];
beforeEach(async () => {
  ctx = await freshDb();
  local.clear();
  id = await createDecision(ctx, {
    title: 'Move sessions to Redis',
    rationale: 'Deploys stop logging people out',
  });
  saved = captureDownloads();
});
afterEach(async () => {
  await unmountUi();
  vi.restoreAllMocks();
});

const status = (el: HTMLElement) => el.querySelector('[role="status"]')?.textContent ?? '';

describe('ExportMenu', () => {
  it('saves one decision as one MADR Markdown file', async () => {
    const el = await mountUi(<ExportMenu ids={[id]} />);
    await click(el.querySelector('summary') as HTMLElement);
    await click(button(el, /^Markdown \(MADR\) \.md/));
    await vi.waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0]?.name).toBe('move-sessions-to-redis.md');
    const text = await saved[0]?.blob.text();
    expect(text).toContain('# Move sessions to Redis');
    expect(text).toContain('Deploys stop logging people out');
    await vi.waitFor(() => expect(status(el)).toBe('Saved move-sessions-to-redis.md.'));
  });

  it('saves CSV for spreadsheets and Web Annotations', async () => {
    const el = await mountUi(<ExportMenu ids={[id]} />);
    await click(button(el, /^CSV/));
    await vi.waitFor(() => expect(saved).toHaveLength(1));
    await vi.waitFor(() => expect(button(el, /^Web Annotations/).disabled).toBe(false));
    await click(button(el, /^Web Annotations/));
    await vi.waitFor(() => expect(saved).toHaveLength(2));
    const [csv, annotations] = saved as [Saved, Saved];
    expect(csv.name).toMatch(/^decisions-\d{4}-\d\d-\d\d\.csv$/);
    expect(await csv.blob.text()).toContain('Move sessions to Redis');
    expect(JSON.parse(await annotations.blob.text()).type).toBe('AnnotationCollection');
  });

  it('saves the whole log as a backup that restores every table, tombstones included, and remembers it', async () => {
    const gone = await createDecision(ctx, { title: 'Use Postgres' });
    await deleteDecision(ctx, gone);
    const el = await mountUi(<ExportMenu ids="all" />);
    await click(button(el, /^JSON backup/));
    await vi.waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0]?.name).toMatch(/^decidedly-backup-\d{4}-\d\d-\d\d\.json$/);
    const parsed = readBackup((await saved[0]?.blob.text()) ?? '');
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.backup.tables).toEqual(await readAllTables(database()));
    expect(parsed.backup.tables.decisions.find((d) => d.id === gone)?.deleted).toBe(true);
    await vi.waitFor(async () => expect((await loadBackupState()).lastExportAt).not.toBeNull());
  });

  it('zips many decisions as an ADR folder', async () => {
    const other = await createDecision(ctx, { title: 'Use Postgres' });
    const el = await mountUi(<ExportMenu ids={[id, other]} />);
    await click(button(el, /^Markdown \(MADR\) \.zip/));
    await vi.waitFor(() => expect(saved).toHaveLength(1));
    const bytes = new Uint8Array(await (saved[0] as Saved).blob.arrayBuffer());
    expect([bytes[0], bytes[1]]).toEqual([0x50, 0x4b]); // "PK"
  });

  it('closes on Escape and leaves the keyboard on its toggle', async () => {
    const el = await mountUi(<ExportMenu ids={[id]} />);
    const details = el.querySelector('details') as HTMLDetailsElement;
    details.open = true;
    await press(button(el, /^CSV/), 'Escape');
    expect(details.open).toBe(false);
    expect(document.activeElement).toBe(el.querySelector('summary'));
  });
});
