// @vitest-environment happy-dom
// Importing in the options page: a backup is previewed with the right counts and nothing is
// written until "Import"; a refused file says why and leaves the database byte for byte as it
// was; ADR Markdown files become decisions.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { act as flushRender } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HlcClock } from '../../../src/core/hlc';
import { type DecidedlyDb, database, openDb } from '../../../src/storage/db';
import { createDecision, updateDecision } from '../../../src/storage/decisions';
import { backupText, readAllTables } from '../../../src/storage/export-data';
import type { WriteContext } from '../../../src/storage/write';
import { button, click, freshDb, mountUi, unmountUi } from '../sidebar/helpers';

vi.mock('../../../src/messaging/browser-api', () => import('./fake-api'));
// As the page's main does before it mounts: this page reads and writes the local database.
const { setDataSource } = await import('../../../src/ui/data-source');
setDataSource((await import('../../../src/ui/local-data')).localData);
const { ImportPanel } = await import('../../../src/options/ImportPanel');

let ctx: WriteContext;
let other: DecidedlyDb;
beforeEach(async () => {
  ctx = await freshDb();
  other = openDb(`other-${crypto.randomUUID()}`);
});
afterEach(async () => {
  await unmountUi();
  await other.delete();
});

/** A backup made in another browser that shares `shared` with this one, plus two of its own. */
async function otherBrowsersBackup(): Promise<string> {
  const o: WriteContext = {
    db: other,
    clock: new HlcClock('other', () => 1_000),
    workspaceId: 'local',
    actor: 'x',
  };
  const shared = await createDecision(ctx, { title: 'Use Postgres' });
  await other.decisions.put((await database().decisions.get(shared)) as never);
  await updateDecision(ctx, shared, { rationale: 'Edited here, later' });
  await createDecision(o, { title: 'Move sessions to Redis' });
  await createDecision(o, { title: 'Drop sticky sessions' });
  return backupText(other, await readAllTables(other));
}

async function dump(): Promise<string> {
  const out: Record<string, unknown> = {};
  for (const t of database().tables) out[t.name] = await t.toArray();
  return JSON.stringify(out);
}

async function choose(el: HTMLElement, files: File[]) {
  const input = el.querySelector('#import-file') as HTMLInputElement;
  Object.defineProperty(input, 'files', { value: files, configurable: true });
  await flushRender(() => {
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

const status = (el: HTMLElement) => el.querySelector('[role="status"]')?.textContent ?? '';
const titles = async () => (await database().decisions.toArray()).map((d) => d.title).sort();

describe('ImportPanel', () => {
  it('previews a backup’s counts, writes nothing until Import, then restores', async () => {
    const text = await otherBrowsersBackup();
    const before = await dump();
    const el = await mountUi(<ImportPanel />);
    await choose(el, [new File([text], 'decidedly-backup.json', { type: 'application/json' })]);
    await vi.waitFor(() =>
      expect(el.querySelector('.import-summary')?.textContent).toBe(
        '2 decisions new, 1 newer here and kept, 0 updated.',
      ),
    );
    await vi.waitFor(() => expect(document.activeElement?.id).toBe('import-preview-title'));
    expect(await dump()).toBe(before);
    await click(button(el, 'Import'));
    await vi.waitFor(() => expect(status(el)).toMatch(/^Imported decidedly-backup\.json: 2 decisions new/));
    expect(await titles()).toEqual(['Drop sticky sessions', 'Move sessions to Redis', 'Use Postgres']);
    expect((await database().decisions.toArray()).find((d) => d.title === 'Use Postgres')?.rationale).toBe(
      'Edited here, later',
    );
  });

  it('Cancel leaves everything as it was', async () => {
    const text = await otherBrowsersBackup();
    const before = await dump();
    const el = await mountUi(<ImportPanel />);
    await choose(el, [new File([text], 'b.json')]);
    await vi.waitFor(() => button(el, 'Cancel'));
    await click(button(el, 'Cancel'));
    expect(el.querySelector('.import-preview')).toBeNull();
    expect(await dump()).toBe(before);
  });

  it.each([
    [
      'a newer version',
      (t: string) => t.replace(/"schemaVersion":\d+/, '"schemaVersion":99'),
      /newer version of Decidedly/,
    ],
    ['a truncated file', (t: string) => t.slice(0, -40), /truncated/],
    [
      'a bad row',
      (t: string) => t.replace('"status":"proposed"', '"status":"maybe"'),
      /not valid, so nothing/,
    ],
  ])('refuses %s with the reason and changes nothing', async (_name, spoil, reason) => {
    const text = spoil(await otherBrowsersBackup());
    const before = await dump();
    const el = await mountUi(<ImportPanel />);
    await choose(el, [new File([text], 'b.json')]);
    await vi.waitFor(() => expect(status(el)).toMatch(reason));
    expect(el.querySelector('[role="status"]')?.className).toBe('error');
    expect(el.querySelector('.import-preview')).toBeNull();
    expect(await dump()).toBe(before);
  });

  it('turns ADR Markdown files picked at once into decisions with their status', async () => {
    const folder = join(import.meta.dirname, '../../fixtures/adr/nygard');
    const names = ['0001-record-architecture-decisions.md', '0002-use-rabbitmq-for-events.md'];
    const files = names.map(
      (n) => new File([readFileSync(join(folder, n), 'utf8')], n, { type: 'text/markdown' }),
    );
    const el = await mountUi(<ImportPanel />);
    await choose(el, files);
    await vi.waitFor(() =>
      expect(el.querySelector('.import-preview')?.textContent).toContain('2 decisions to add'),
    );
    expect(await database().decisions.count()).toBe(0);
    await click(button(el, 'Import'));
    await vi.waitFor(() => expect(status(el)).toBe('Imported 2 decisions.'));
    const stored = await database().decisions.toArray();
    expect(stored.map((d) => d.title).sort()).toEqual([
      'Record architecture decisions',
      'Use RabbitMQ for events',
    ]);
    expect(await database().outbox.count()).toBeGreaterThan(0);
  });
});
