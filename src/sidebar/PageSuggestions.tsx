// "From this page": the people the page names, not yet on the decision, each with the role their
// part suggests. One click (or Enter) accepts one; "Add everyone as suggested" accepts the list.
// Accepting records the person's handle, so the next page recognises them instead of adding a twin.
import { useEffect, useRef, useState } from 'preact/hooks';
import { type PagePerson, suggestedRole } from '../core/page-people';
import { RACI_LABELS } from '../core/raci';
import type { Raci, Role, Stakeholder } from '../core/schemas';
import { act } from '../ui/actions';
import { addRole, createStakeholder, updateStakeholder } from './api';
import { matchPagePerson, newStakeholderFor, type PageMatch, recognitionPatch } from './people-match';

export interface PageSuggestionsProps {
  decisionId: string;
  roles: Role[];
  people: Stakeholder[];
  pagePeople: PagePerson[];
  onError: (message: string) => void;
}

interface Suggestion {
  person: PagePerson;
  match: PageMatch;
  raci: Raci;
}

const PART_WORDS: Record<PagePerson['parts'][number], string> = {
  approver: 'approver',
  assignee: 'assignee',
  author: 'author',
  reviewer: 'reviewer',
  reporter: 'reporter',
  commenter: 'commented',
  mentioned: 'mentioned',
  watcher: 'watcher',
  participant: 'participant',
};

/** The page's people not yet on the decision, matched to the directory. */
export function suggestionsFor(pagePeople: PagePerson[], people: Stakeholder[], roles: Role[]): Suggestion[] {
  const onDecision = new Set(roles.filter((r) => !r.deleted).map((r) => r.stakeholderId));
  return pagePeople
    .map((person) => ({ person, match: matchPagePerson(people, person), raci: suggestedRole(person.parts) }))
    .filter((s) => s.match.kind === 'new' || !onDecision.has(s.match.stakeholder.id));
}

async function accept(decisionId: string, { person, match, raci }: Suggestion, asNew = false) {
  await act(async (ctx) => {
    let id: string;
    if (match.kind === 'new' || asNew) id = await createStakeholder(ctx, newStakeholderFor(person));
    else {
      id = match.stakeholder.id;
      const patch = recognitionPatch(match.stakeholder, person);
      if (patch) await updateStakeholder(ctx, id, patch);
    }
    return addRole(ctx, decisionId, id, raci);
  });
}

const handleText = (handle: string | null) =>
  handle ? `@${handle.slice(handle.indexOf(':') + 1).replace(/@.*$/, '')}` : '';

export function PageSuggestions({ decisionId, roles, people, pagePeople, onError }: PageSuggestionsProps) {
  const [busy, setBusy] = useState(false);
  const list = suggestionsFor(pagePeople, people, roles);
  const listRef = useRef<HTMLUListElement>(null);
  // Where the keyboard goes once an accepted row has left the list: the next suggestion, or the
  // picker when none is left (a focused button that disappears would drop focus to the page).
  const refocus = useRef<{ index: number; length: number } | null>(null);
  useEffect(() => {
    const want = refocus.current;
    if (!want || list.length >= want.length) return;
    refocus.current = null;
    const buttons = listRef.current?.querySelectorAll<HTMLButtonElement>('li > .row > button');
    const next = buttons?.[Math.min(want.index, buttons.length - 1)];
    (next ?? document.getElementById('add-role-person'))?.focus();
  });
  if (!list.length) return null;

  const run = async (work: () => Promise<void>, index: number) => {
    // Not `disabled`: disabling the focused button would throw the keyboard out of the list.
    if (busy) return;
    setBusy(true);
    refocus.current = { index, length: list.length };
    try {
      await work();
    } catch (e) {
      refocus.current = null;
      onError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  const addAll = () =>
    run(async () => {
      // One after another: two suggestions can name one directory entry only once each, and
      // the role writes must see the people created before them.
      for (const s of list) await accept(decisionId, s);
    }, 0);

  return (
    <section class="page-suggestions" aria-labelledby="page-people-heading">
      <div class="row">
        <h4 id="page-people-heading">From this page</h4>
        <span class="spacer" />
        <button type="button" class="small" aria-disabled={busy} onClick={() => void addAll()}>
          Add everyone as suggested
        </button>
      </div>
      <ul class="plain-list" aria-label="People on this page" ref={listRef}>
        {list.map((s, index) => {
          const { person, match, raci } = s;
          const key = person.handle ?? person.email ?? person.name;
          const parts = person.parts.map((p) => PART_WORDS[p]).join(', ');
          return (
            <li key={key} class="item suggestion">
              <div class="row">
                <strong>{person.name}</strong>
                <span class="muted small">
                  {[handleText(person.handle), person.email, parts].filter(Boolean).join(' · ')}
                </span>
                <span class="spacer" />
                <button
                  type="button"
                  class="small"
                  aria-disabled={busy}
                  onClick={() => void run(() => accept(decisionId, s), index)}
                >
                  Add <span class="sr-only">{person.name} </span>as {RACI_LABELS[raci]} ({raci})
                </button>
              </div>
              {match.kind === 'name' && (
                <p class="muted small">
                  Same name as {match.stakeholder.name}
                  {match.stakeholder.function ? ` (${match.stakeholder.function})` : ''} in your directory:
                  adding uses that entry.{' '}
                  <button
                    type="button"
                    class="link small"
                    aria-disabled={busy}
                    onClick={() => void run(() => accept(decisionId, s, true), index)}
                  >
                    Someone else: add as new <span class="sr-only">{person.name}</span>
                  </button>
                </p>
              )}
              {(match.kind === 'email' || match.kind === 'handle') &&
                match.stakeholder.name !== person.name && (
                  <p class="muted small">In your directory as {match.stakeholder.name}.</p>
                )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
