// A free-text field of the record: Markdown shown rendered (safely) and edited in place, saved as
// you type. A locked field is read-only and says why. Once open, the box stays open when focus
// leaves it: swapping it for the (shorter) rendered text on blur moved everything below it under
// the pointer, so the click that caused the blur landed on something else. Escape closes it.
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { Markdown } from '../ui/markdown';
import { useAutosave } from './use-autosave';

export interface MarkdownFieldProps {
  id: string;
  label: string;
  /** A prompt shown in the empty box ("Imagine this failed — why?"). */
  prompt?: string;
  value: string;
  save: (value: string) => Promise<void>;
  /** When set, the field cannot be edited and this explains why (with a way out). */
  locked?: ComponentChildren;
  /** Shown under the field whatever its mode (the "2 versions" of a concurrent edit). */
  after?: ComponentChildren;
}

export function MarkdownField({ id, label, prompt, value, save, locked, after }: MarkdownFieldProps) {
  const draft = useAutosave(value, save);
  const [editing, setEditing] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const area = useRef<HTMLTextAreaElement>(null);
  const refocus = useRef<'area' | 'button' | null>(null);
  const showEditor = !locked && (editing || !draft.value.trim());

  useEffect(() => {
    if (refocus.current === 'area') area.current?.focus();
    if (refocus.current === 'button') editButton.current?.focus();
    refocus.current = null;
  }, [showEditor]);

  const stop = () => {
    void draft.flush();
    if (!draft.value.trim()) return;
    refocus.current = 'button';
    setEditing(false);
  };

  return (
    <div class="field">
      {showEditor ? (
        <>
          <label for={id}>{label}</label>
          <textarea
            id={id}
            ref={area}
            value={draft.value}
            placeholder={prompt}
            maxLength={20_000}
            onInput={(e) => draft.set(e.currentTarget.value)}
            // An empty field shows its box without "Edit": typing in it must not swap it for the view.
            onFocus={() => setEditing(true)}
            onBlur={() => void draft.flush()}
            onKeyDown={(e) => {
              if (e.key === 'Escape') {
                e.preventDefault();
                e.stopPropagation();
                stop();
              }
            }}
            aria-describedby={draft.error ? `${id}-error` : undefined}
          />
        </>
      ) : (
        <>
          <div class="row field-head">
            <h4 class="field-label" id={`${id}-label`}>
              {label}
            </h4>
            {!locked && (
              <button
                type="button"
                class="link small"
                ref={editButton}
                aria-label={`Edit ${label}`}
                onClick={() => {
                  refocus.current = 'area';
                  setEditing(true);
                }}
              >
                Edit
              </button>
            )}
          </div>
          {draft.value.trim() ? (
            <Markdown text={draft.value} class="markdown md-view" headingLevel={5} />
          ) : (
            <p class="muted small">Not written yet.</p>
          )}
          {locked}
        </>
      )}
      {draft.error && (
        <p id={`${id}-error`} class="error small" role="alert">
          {draft.error}
        </p>
      )}
      {after}
    </div>
  );
}
