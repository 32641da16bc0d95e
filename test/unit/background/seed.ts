// A fresh database per test and short ways to write what the due list reads, through the real
// repositories (so the `_due` and `_review` index keys are derived as in the extension).
import { HlcClock } from '../../../src/core/hlc';
import { type DecidedlyDb, openDb } from '../../../src/storage/db';
import { createDecision, setStatus, updateDecision } from '../../../src/storage/decisions';
import { addFollowUp } from '../../../src/storage/follow-ups';
import { addRole, createStakeholder } from '../../../src/storage/people';
import type { WriteContext } from '../../../src/storage/write';

export interface Seeded {
  db: DecidedlyDb;
  ctx: WriteContext;
  decision(title: string, page?: { key: string; title: string; site?: string }): Promise<string>;
  followUp(decisionId: string, title: string, dueAt: string | null, ownerId?: string | null): Promise<string>;
  person(name: string): Promise<string>;
  /** Makes a decision `decided` with `accountable` as its A and a review date. */
  review(decisionId: string, accountable: string, reviewAt: string): Promise<void>;
}

/** Seeds a new database, or `db` (the extension's shared one, for code that opens its own). */
export async function seed(db: DecidedlyDb = openDb(`due-${crypto.randomUUID()}`)): Promise<Seeded> {
  await db.open();
  const ctx: WriteContext = { db, clock: new HlcClock('t1'), workspaceId: 'local', actor: 'local' };
  return {
    db,
    ctx,
    decision: (title, page) =>
      createDecision(
        ctx,
        { title },
        page && {
          pageKey: page.key,
          url: `https://example.test/${encodeURIComponent(page.key)}`,
          pageTitle: page.title,
          site: page.site ?? 'jira',
          selectors: null,
        },
      ),
    followUp: (decisionId, title, dueAt, ownerId = null) =>
      addFollowUp(ctx, decisionId, { title, dueAt, ownerId }),
    person: (name) => createStakeholder(ctx, { name }),
    async review(decisionId, accountable, reviewAt) {
      await addRole(ctx, decisionId, accountable, 'A');
      await setStatus(ctx, decisionId, 'decided');
      await updateDecision(ctx, decisionId, { reviewAt });
    },
  };
}
