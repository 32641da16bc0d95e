// The log's view state lives in the address bar: read once at start, written back on every
// change (replaceState, so typing a search does not flood the history), so a reload or a
// bookmark shows the same view.
import { useCallback, useEffect, useState } from 'preact/hooks';
import { type LogState, queryFromState, stateFromQuery } from '../core/log';

export type SetLogState = (next: LogState | ((current: LogState) => LogState)) => void;

export function useLogState(): [LogState, SetLogState] {
  const [state, setState] = useState<LogState>(() => stateFromQuery(location.search));
  useEffect(() => {
    const query = queryFromState(state);
    const url = `${location.pathname}${query ? `?${query}` : ''}${location.hash}`;
    if (url !== `${location.pathname}${location.search}${location.hash}`) history.replaceState(null, '', url);
  }, [state]);
  // Another tab's link or the Back button can change the query under us.
  useEffect(() => {
    const onPop = () => setState(stateFromQuery(location.search));
    addEventListener('popstate', onPop);
    return () => removeEventListener('popstate', onPop);
  }, []);
  return [state, useCallback<SetLogState>((next) => setState(next), [])];
}
