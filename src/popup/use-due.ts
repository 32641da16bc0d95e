// The popup's live read: who "me" is and the due list for the chosen scope, in one query re-run
// whenever the rows behind it change (in any context) or the minute moves on. The list's query
// time is recorded as a performance measure, which the benchmark reads in real Chromium.
import { database } from '../storage/db';
import { resolveMe } from '../storage/due-query';
import { useLive } from '../ui/use-live';
import { type DueList, dueList, type GroupName } from './due-list';
import type { Scope } from './ScopeSwitch';

export interface Me {
  id: string;
  name: string;
}

export interface DueView {
  me: Me | null;
  /** The scope shown: "mine" only when "me" is set. */
  scope: Scope;
  list: DueList;
}

export const DUE_QUERY_MEASURE = 'decidedly:due-query';

/** The list, or null before the first read. `chosen` null means the default: mine when set. */
export function useDue(
  now: Date,
  timeZone: string,
  chosen: Scope | null,
  show: Record<GroupName, number>,
): DueView | null {
  return useLive<DueView | null>(
    async () => {
      const db = database();
      const id = await resolveMe(db);
      const person = id ? await db.stakeholders.get(id) : undefined;
      const me = id && person ? { id, name: person.name } : null;
      const scope: Scope = me && chosen !== 'everyone' ? 'mine' : 'everyone';
      const start = performance.now();
      const list = await dueList(db, { now, timeZone, me: scope === 'mine' ? (me?.id ?? null) : null, show });
      performance.measure(DUE_QUERY_MEASURE, { start, end: performance.now() });
      return { me, scope, list };
    },
    [now.getTime(), timeZone, chosen, show],
    null,
  );
}
