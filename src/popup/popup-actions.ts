// What the popup's buttons do, through the repositories (act) or the background, each answering
// the line to announce and, where it can be taken back, how to undo it.
import { formatDueLabel } from '../core/dates';
import { sendFromPage } from '../messaging/index';
import { database } from '../storage/db';
import { setStatus, updateDecision } from '../storage/decisions';
import type { DueEntry } from '../storage/due-query';
import { setFollowUpDone, snoozeFollowUp, updateFollowUp } from '../storage/follow-ups';
import { act } from '../ui/actions';

export interface Outcome {
  text: string;
  undo?: () => Promise<unknown>;
}

export async function markDone(e: DueEntry): Promise<Outcome> {
  await act((ctx) => setFollowUpDone(ctx, e.id, true));
  return { text: `Done: ${e.title}`, undo: () => act((ctx) => setFollowUpDone(ctx, e.id, false)) };
}

export async function snoozeUntil(e: DueEntry, until: Date, now: Date, timeZone: string): Promise<Outcome> {
  const before = (await database().followUps.get(e.id))?.snoozedUntil ?? null;
  await act((ctx) => snoozeFollowUp(ctx, e.id, until));
  return {
    text: `Snoozed until ${formatDueLabel(until, now, timeZone)}: ${e.title}`,
    undo: () => act((ctx) => updateFollowUp(ctx, e.id, { snoozedUntil: before })),
  };
}

/** "Still valid? Yes": the decision stands, reviewed again at `next`. */
export async function keepDecision(e: DueEntry, next: Date, now: Date, timeZone: string): Promise<Outcome> {
  const before = (await database().decisions.get(e.decisionId))?.reviewAt ?? null;
  await act((ctx) => updateDecision(ctx, e.decisionId, { reviewAt: next.toISOString() }));
  return {
    text: `Kept; next review ${formatDueLabel(next, now, timeZone)}: ${e.decisionTitle}`,
    undo: () => act((ctx) => updateDecision(ctx, e.decisionId, { reviewAt: before })),
  };
}

/** "Still valid? No": reopened for discussion. Not undoable here: deciding again needs the sidebar. */
export async function revisit(e: DueEntry): Promise<Outcome> {
  await act((ctx) => setStatus(ctx, e.decisionId, 'revisiting'));
  return { text: `Reopened for discussion: ${e.decisionTitle}` };
}

/** Focuses or opens the decision's page with the decision in the sidebar (also the supersede path). */
export async function openEntry(e: Pick<DueEntry, 'decisionId' | 'anchorId'>): Promise<boolean> {
  const reply = await sendFromPage('decision:open', {
    decisionId: e.decisionId,
    ...(e.anchorId ? { anchorId: e.anchorId } : {}),
  });
  return reply.ok;
}
