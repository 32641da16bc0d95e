// The toolbar popup: what is due across every page — overdue, today, this week, and later —
// mine or everyone's, with Done, Snooze, Open and the review actions; and the sidebar toggle.
import { useLayoutEffect, useState } from 'preact/hooks';
import { localTimeZone } from '../core/due-popup';
import { api } from '../messaging/browser-api';
import { sendFromPage } from '../messaging/index';
import { FIRST_SCREEN, type GroupName } from '../storage/due-list';
import { errorText } from '../ui/actions';
import { SyncStatus } from '../ui/SyncStatus';
import { DueSection, MORE } from './DueSection';
import { EmptyState } from './EmptyState';
import { LaterSection } from './LaterSection';
import type { Outcome } from './popup-actions';
import { RecentDecisions } from './RecentDecisions';
import { type Scope, ScopeSwitch } from './ScopeSwitch';
import { type Status, StatusLine } from './StatusLine';
import { useDue } from './use-due';
import { useNow } from './use-now';
import './popup.css';

/** "Show more" pages on from the first screen; "Later" opens with as many as the others. */
const FIRST = FIRST_SCREEN.overdue;
export const RENDERED_MARK = 'decidedly:due-rendered';

async function toggleSidebar() {
  const [tab] = await api.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) return;
  await sendFromPage('tab:toggle-sidebar', { tabId: tab.id }).catch(() => {});
  window.close();
}

export function App() {
  const now = useNow();
  const timeZone = localTimeZone();
  const [chosen, setChosen] = useState<Scope | null>(null);
  const [show, setShow] = useState<Record<GroupName, number>>({ ...FIRST_SCREEN });
  const view = useDue(now, timeZone, chosen, show);
  const list = view?.list ?? null;
  const [status, setStatus] = useState<Status | null>(null);

  useLayoutEffect(() => {
    if (list && !performance.getEntriesByName(RENDERED_MARK).length) performance.mark(RENDERED_MARK);
  }, [list]);

  const run = (action: () => Promise<Outcome | null>) => {
    action().then(
      (outcome) => {
        if (!outcome) return;
        const { text, undo } = outcome;
        setStatus({
          text,
          ...(undo && {
            undo: () =>
              undo().then(
                () => setStatus({ text: 'Undone.' }),
                (e) => setStatus({ text: errorText(e), error: true }),
              ),
          }),
        });
      },
      (error) => setStatus({ text: errorText(error), error: true }),
    );
  };
  const showMore = (g: GroupName) => setShow((s) => ({ ...s, [g]: s[g] + MORE }));
  const nothingSoon = list && !list.overdue.total && !list.today.total && !list.thisWeek.total;
  const sections = { now, timeZone, run };

  return (
    <main class="popup" aria-labelledby="popup-title">
      <header class="row bar">
        <h1 id="popup-title">Decidedly</h1>
        <span class="spacer" />
        <button type="button" onClick={toggleSidebar}>
          Toggle sidebar
        </button>
      </header>
      <SyncStatus hideWhenDisconnected />
      {view && (
        // The switch shows the choice at once; the list follows when its query answers.
        <ScopeSwitch
          meName={view.me?.name ?? null}
          scope={view.me ? (chosen ?? 'mine') : 'everyone'}
          onChange={setChosen}
        />
      )}
      <StatusLine status={status} />
      {!list ? (
        <p class="muted">Loading…</p>
      ) : (
        <>
          {nothingSoon && <EmptyState scope={view?.scope ?? 'everyone'} />}
          <DueSection
            id="overdue"
            heading="Overdue"
            section={list.overdue}
            {...sections}
            onShowMore={() => showMore('overdue')}
          />
          <DueSection
            id="today"
            heading="Today"
            section={list.today}
            {...sections}
            onShowMore={() => showMore('today')}
          />
          <DueSection
            id="week"
            heading="This week"
            section={list.thisWeek}
            {...sections}
            onShowMore={() => showMore('thisWeek')}
          />
          <LaterSection
            open={show.later > 0}
            loaded={show.later > 0 && list.later.total !== null}
            section={list.later}
            {...sections}
            onToggle={(open) => setShow((s) => ({ ...s, later: open ? Math.max(s.later, FIRST) : 0 }))}
            onShowMore={() => showMore('later')}
          />
        </>
      )}
      <RecentDecisions />
      <footer class="row">
        <a href={api.runtime.getURL('src/log/index.html')} target="_blank" rel="noreferrer">
          Decision log
        </a>
        <a href={api.runtime.getURL('src/options/index.html')} target="_blank" rel="noreferrer">
          Options
        </a>
      </footer>
    </main>
  );
}
