// A pull is a way in for anchor URLs: a server that is not ours (or a teammate's tampered row
// that got past an older server) must not put a script, file or data address into the log.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { HlcClock } from '../../../src/core/hlc';
import type { Change } from '../../../src/core/protocol';
import { makeRow } from '../../../src/core/records';
import { openDb } from '../../../src/storage/db';
import { applyPage } from '../../../src/sync/apply';

const WS = 'ws-1';
const clock = new HlcClock('teammate');
const ctx = () => ({ workspaceId: WS, hlc: clock.now(), now: new Date('2026-11-21T10:00:00Z') });

function pulled(url: string): Change[] {
  const decision = makeRow('decisions', { title: 'Sessions move to Redis' }, ctx());
  const anchor = makeRow(
    'anchors',
    { decisionId: decision.id, pageKey: 'jira:acme.atlassian.net:ACME-7', url, site: 'jira' },
    ctx(),
  );
  return [
    { table: 'decisions', seq: 1, row: decision as unknown as Change['row'] },
    { table: 'anchors', seq: 2, row: anchor as unknown as Change['row'] },
  ];
}

describe('pulling anchors', () => {
  it('keeps a teammate’s anchor on a web page', async () => {
    const db = openDb(`pull-${crypto.randomUUID()}`);
    const result = await applyPage(db, WS, pulled('https://acme.atlassian.net/browse/ACME-7'), 's2');
    expect(result.quarantined).toEqual([]);
    expect(await db.anchors.count()).toBe(1);
  });

  it.each([
    'javascript:alert(document.domain)',
    'file:///etc/passwd',
    'data:text/html,<script>alert(1)</script>',
    'chrome://settings',
  ])(
    'refuses an anchor whose URL is %s, keeps it out of the anchors, and still takes the rest of the page',
    async (url) => {
      const db = openDb(`pull-${crypto.randomUUID()}`);
      const changes = pulled(url);
      const result = await applyPage(db, WS, changes, 's2');
      // Kept aside in quarantine (never applied, never rendered), not silently dropped.
      expect(result.quarantined).toEqual([
        { table: 'anchors', id: changes[1]?.row.id, reason: expect.stringContaining('url') },
      ]);
      expect(await db.anchors.count()).toBe(0);
      expect(await db.decisions.count()).toBe(1);
    },
  );
});
