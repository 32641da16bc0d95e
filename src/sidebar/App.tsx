// The sidebar page: the decisions of the tab's page, the capture form, a decision's record and the
// stakeholder directory, with a command palette on Ctrl/Cmd+K.
import { useEffect, useLayoutEffect, useMemo, useState } from 'preact/hooks';
import { CommandPalette } from '../ui/CommandPalette';
import { SaveErrorBanner } from '../ui/SaveErrorBanner';
import { SyncStatus } from '../ui/SyncStatus';
import { UndoToast } from '../ui/UndoToast';
import { call, useFrameState, useQuery } from './api';
import { CaptureForm } from './CaptureForm';
import { DecisionList } from './DecisionList';
import { DecisionView } from './DecisionView';
import { Directory } from './Directory';
import { EmptyState } from './EmptyState';
import { SEARCH_ID } from './ListFilters';
import { type ListFilter, NO_FILTER } from './list-model';
import { EMPTY_SUMMARY, summaryFromWire } from './page-summary';
import { paletteCommands } from './palette-commands';
import { useTab } from './use-tab';
import './sidebar.css';
import './record.css';

type View = { kind: 'list'; from?: string } | { kind: 'decision'; id: string } | { kind: 'directory' };

const MAC = /Mac|iPhone|iPad/.test(navigator.platform);

/** Marked once the page's decisions are first on screen (`npm run bench` reads it). */
export const LIST_MARK = 'decidedly:sidebar:list';
/** After the frame that shows it has painted: a task queued from the next animation frame. */
export const PAINTED_MARK = 'decidedly:sidebar:painted';

const focusById = (id: string) => requestAnimationFrame(() => document.getElementById(id)?.focus());

export function App() {
  // Nothing before the background has accepted this frame (the handshake, DESIGN §6): framed
  // by anyone but our content script, the sidebar stays empty.
  return useFrameState() === 'ready' ? <Sidebar /> : null;
}

function Sidebar() {
  const { info, state } = useTab();
  const [view, setView] = useState<View>({ kind: 'list' });
  const [filter, setFilter] = useState<ListFilter>(NO_FILTER);
  const [palette, setPalette] = useState(false);
  const pageKey = info?.pageKey ?? '';
  const loaded = useQuery('page:summary', [pageKey], undefined);
  const summary = useMemo(() => (loaded ? summaryFromWire(loaded) : EMPTY_SUMMARY), [loaded]);
  const tabId = info?.tabId;
  const capture = state?.capture ?? null;

  useLayoutEffect(() => {
    if (!loaded || performance.getEntriesByName(LIST_MARK).length) return;
    performance.mark(LIST_MARK);
    requestAnimationFrame(() => setTimeout(() => performance.mark(PAINTED_MARK)));
  }, [loaded]);

  // A highlight click asks for a decision; show it and clear the request.
  useEffect(() => {
    if (tabId !== undefined && state?.focusDecisionId) {
      setView({ kind: 'decision', id: state.focusDecisionId });
      void call('tab:clear-focus').catch(() => {});
    }
  }, [state?.focusDecisionId, tabId]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 'k') {
        e.preventDefault();
        setPalette(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  // Back in the list, the keyboard lands on the card it left.
  useEffect(() => {
    if (view.kind !== 'list' || !view.from) return;
    const from = view.from;
    requestAnimationFrame(() =>
      document.querySelector<HTMLElement>(`[data-decision-id="${CSS.escape(from)}"]`)?.focus(),
    );
  }, [view]);

  const missingAnchors = new Set(state?.missingAnchors ?? []);
  const missingDecisions = new Set(
    summary.anchors.filter((a) => missingAnchors.has(a.id)).map((a) => a.decisionId),
  );

  const open = (id: string) => {
    setView({ kind: 'decision', id });
    if (tabId !== undefined) void call('tab:focus-decision', id).catch(() => {});
  };
  const backToList = () => setView({ kind: 'list', ...(view.kind === 'decision' ? { from: view.id } : {}) });

  const finishCapture = (id: string | null) => {
    if (tabId !== undefined) void call('tab:clear-capture').catch(() => {});
    if (id) setView({ kind: 'decision', id });
  };

  const startPageDecision = () => {
    if (tabId === undefined || !info) return;
    void call('tab:page-decision').catch(() => {});
  };

  const close = () => tabId !== undefined && void call('tab:close-sidebar').catch(() => {});

  const commands = paletteCommands(summary, filter, {
    newDecision: startPageDecision,
    search: () => {
      setView({ kind: 'list' });
      focusById(SEARCH_ID);
    },
    filter: (f) => {
      setFilter(f);
      setView({ kind: 'list' });
    },
    open,
    directory: () => setView({ kind: 'directory' }),
    hideSidebar: close,
    openLog: () => void call('log:open').catch(() => {}),
  });

  return (
    <main class="sidebar" aria-label="Decidedly">
      <header class="bar">
        <h1>Decidedly</h1>
        <span class="muted page-title" title={info?.url}>
          {info?.title ?? ''}
        </span>
        <button type="button" class="icon small" onClick={() => setPalette(true)}>
          <span class="sr-only">Command palette </span>
          <kbd>{MAC ? '⌘K' : 'Ctrl K'}</kbd>
        </button>
        <button type="button" class="icon" onClick={close} aria-label="Close sidebar">
          ×
        </button>
      </header>
      <SaveErrorBanner />
      <SyncStatus hideWhenDisconnected />
      {info === null && <p class="muted">Decidedly is not running on this tab yet. Reload the page.</p>}
      {capture ? (
        <CaptureForm key={capture.at} capture={capture} onDone={finishCapture} />
      ) : view.kind === 'decision' ? (
        <DecisionView
          id={view.id}
          tabId={tabId}
          missing={missingDecisions.has(view.id)}
          anchorsMissing={missingAnchors}
          onBack={backToList}
          onOpen={open}
        />
      ) : view.kind === 'directory' ? (
        <Directory onBack={backToList} />
      ) : (
        <>
          {summary.cards.length ? (
            <DecisionList
              summary={summary}
              missing={missingDecisions}
              filter={filter}
              onFilter={setFilter}
              onOpen={open}
            />
          ) : (
            // Not before the page's decisions are read: the empty state would flash on every open.
            info && loaded && <EmptyState canHighlight={info.canHighlight} />
          )}
          {info && (
            <div class="row footer">
              <button type="button" onClick={startPageDecision}>
                Log a page decision
              </button>
              <button type="button" onClick={() => setView({ kind: 'directory' })}>
                Stakeholder directory
              </button>
            </div>
          )}
        </>
      )}
      {palette && <CommandPalette commands={commands} onClose={() => setPalette(false)} />}
      <UndoToast />
    </main>
  );
}
