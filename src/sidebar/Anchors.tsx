// Where the decision was made on this page: its quotes, and for a quote no longer found, the
// "Re-attach" flow (select the text where it lives now, then press the button). Re-attaching
// rewrites the anchor with whatever the page has selected, so it goes through the click-jacking
// guard: a page could select text of its choosing and lure the click.
import type { Anchor } from '../core/schemas';
import { GuardedButton } from '../ui/GuardedButton';
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
          <GuardedButton
            confirmLabel="Confirm re-attach"
            onRun={() => tabId !== undefined && void call('tab:reattach', a.id).catch(() => {})}
          >
            Re-attach
          </GuardedButton>
        </div>
      ))}
    </>
  );
}
