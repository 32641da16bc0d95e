// Where the decision was made on this page: its quotes, and for a quote no longer found, the
// "Re-attach" flow (select the text where it lives now, then press the button). Re-attach is not
// behind the click-jacking guard (ui/visible-guard.ts): it removes nothing, it is offered only for
// a quote this very page no longer shows, it points the quote at text of that same page — which
// the page controls anyway — and the history keeps where it was.
import type { Anchor } from '../core/schemas';
import { call } from './api';

export interface AnchorsProps {
  anchors: Anchor[];
  missing: Set<string>;
  tabId: number | undefined;
}

export function Anchors({ anchors, missing, tabId }: AnchorsProps) {
  const lost = anchors.filter((a) => missing.has(a.id));
  return (
    <>
      {anchors
        .filter((a) => a.selectors)
        .map((a) => (
          <blockquote key={a.id} class="quote">
            {a.selectors?.quote.exact}
          </blockquote>
        ))}
      {lost.map((a) => (
        <div key={a.id} class="reattach" role="note">
          <p>
            The quoted text is no longer on this page. Select the text where this decision now lives, then:
          </p>
          <button
            type="button"
            onClick={() => tabId !== undefined && void call('tab:reattach', a.id).catch(() => {})}
          >
            Re-attach
          </button>
        </div>
      ))}
    </>
  );
}
