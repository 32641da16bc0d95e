// Tags of a decision: typed (Enter or comma adds, a leading # is fine), removed one by one (through
// the click-jacking guard). Nothing moves under the pointer: the chips share one box with the input (a new chip takes the place of
// its text, so leaving the field with a click elsewhere does not push the record down), and a chip
// removed with the pointer leaves an invisible stand-in until the pointer leaves the box, so the
// next chip's × does not slide under a second click.
import { useRef, useState } from 'preact/hooks';
import { GuardedButton } from '../ui/GuardedButton';

export interface TagsFieldProps {
  tags: string[];
  save: (tags: string[]) => Promise<void>;
}

const MAX_TAG = 60;

/** "#Backend, api" → ["backend", "api"]: lowercase, no #, no blanks. */
export function parseTags(text: string): string[] {
  return text
    .split(/[,\s]+/)
    .map((t) => t.replace(/^#+/, '').trim().toLowerCase().slice(0, MAX_TAG))
    .filter(Boolean);
}

/** The tags as shown: the stored ones, with a removed one's stand-in kept at its old place. */
function withStandIn(tags: string[], standIn: { tag: string; at: number } | null) {
  const shown = tags.map((tag) => ({ tag, ghost: false }));
  if (standIn && !tags.includes(standIn.tag))
    shown.splice(Math.min(standIn.at, shown.length), 0, { tag: standIn.tag, ghost: true });
  return shown;
}

export function TagsField({ tags, save }: TagsFieldProps) {
  const [text, setText] = useState('');
  const [error, setError] = useState('');
  const [standIn, setStandIn] = useState<{ tag: string; at: number } | null>(null);
  const input = useRef<HTMLInputElement>(null);
  // Whether the last act in the box was the pointer's (a removal then leaves its stand-in) or the keyboard's.
  const byPointer = useRef(false);
  const run = async (next: string[]) => {
    try {
      await save(next);
      setError('');
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  const commit = async () => {
    const added = parseTags(text).filter((t) => !tags.includes(t));
    setText('');
    if (added.length) await run([...tags, ...added]);
  };
  const remove = (tag: string) => {
    if (byPointer.current) setStandIn({ tag, at: tags.indexOf(tag) });
    // The button goes away with its chip; the keyboard goes on in the input.
    input.current?.focus();
    void run(tags.filter((x) => x !== tag));
  };
  return (
    <div class="field">
      <label for="tags-input">Tags</label>
      {/* biome-ignore lint/a11y/noStaticElementInteractions: a click on the box's padding focuses its input, which the keyboard reaches directly */}
      {/* biome-ignore lint/a11y/useKeyWithClickEvents: as above */}
      <div
        class="tags-box"
        onPointerLeave={() => setStandIn(null)}
        onPointerDownCapture={() => {
          byPointer.current = true;
        }}
        onKeyDownCapture={() => {
          byPointer.current = false;
        }}
        onClick={(e) => {
          if (e.target === e.currentTarget) input.current?.focus();
        }}
      >
        <ul class="tags" aria-label="Tags">
          {withStandIn(tags, standIn).map(({ tag, ghost }) =>
            ghost ? (
              <li key={`ghost:${tag}`} class="badge tag ghost" aria-hidden="true">
                #{tag} <span class="chip-x">×</span>
              </li>
            ) : (
              <li key={tag} class="badge tag">
                #{tag}{' '}
                <GuardedButton
                  class="chip-x"
                  label={`Remove tag ${tag}`}
                  confirmLabel={`Confirm removing #${tag}`}
                  onRun={() => remove(tag)}
                >
                  ×
                </GuardedButton>
              </li>
            ),
          )}
        </ul>
        <input
          id="tags-input"
          ref={input}
          value={text}
          placeholder={tags.length ? 'add a tag' : 'backend, security'}
          onInput={(e) => {
            const value = e.currentTarget.value;
            if (value.endsWith(',')) {
              setText(value.slice(0, -1));
              queueMicrotask(() => void commit());
            } else setText(value);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              void commit();
            }
          }}
          onBlur={() => void commit()}
        />
      </div>
      {error && (
        <p class="error small" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
