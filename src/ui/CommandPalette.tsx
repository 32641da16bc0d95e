// A keyboard command palette (Ctrl/Cmd+K): type to filter, arrows to move, Enter to run, Esc to
// close. Focus returns to where it was, so the palette never strands a keyboard user.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import './command-palette.css';

export interface Command {
  id: string;
  label: string;
  /** A short group name shown before the label ("Filter", "Go to"). */
  group?: string;
  run: () => void;
}

export interface CommandPaletteProps {
  commands: Command[];
  onClose: () => void;
}

/** Commands whose group and label contain every typed word, in their given order. */
export function matchCommands(commands: Command[], query: string): Command[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  return commands.filter((c) => {
    const text = `${c.group ?? ''} ${c.label}`.toLowerCase();
    return words.every((w) => text.includes(w));
  });
}

export function CommandPalette({ commands, onClose }: CommandPaletteProps) {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const shown = useMemo(() => matchCommands(commands, query), [commands, query]);
  const current = Math.min(active, Math.max(0, shown.length - 1));

  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    input.current?.focus();
    return () => previous?.isConnected && previous.focus();
  }, []);

  const run = (c: Command | undefined) => {
    if (!c) return;
    onClose();
    // After the palette is gone, so a command that moves focus keeps it.
    queueMicrotask(c.run);
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const step = e.key === 'ArrowDown' ? 1 : -1;
      setActive((current + step + shown.length) % Math.max(1, shown.length));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      run(shown[current]);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      onClose();
    }
  };

  return (
    <div class="palette-backdrop">
      <div class="palette" role="dialog" aria-modal="true" aria-label="Command palette">
        <input
          ref={input}
          type="text"
          role="combobox"
          aria-label="Type a command"
          aria-expanded="true"
          aria-controls="palette-list"
          aria-autocomplete="list"
          aria-activedescendant={shown[current] ? `palette-${shown[current].id}` : undefined}
          placeholder="Type a command…"
          value={query}
          onInput={(e) => {
            setQuery(e.currentTarget.value);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
          // A click outside the palette takes the focus away: that closes it, as Esc does.
          onBlur={onClose}
        />
        <div id="palette-list" role="listbox" aria-label="Commands" class="palette-list">
          {shown.map((c, i) => (
            <div
              key={c.id}
              id={`palette-${c.id}`}
              role="option"
              tabIndex={-1}
              aria-selected={i === current}
              class={i === current ? 'active' : undefined}
              onMouseDown={(e) => {
                // Keep the focus in the input (its blur closes the palette) and run the command.
                e.preventDefault();
                run(c);
              }}
            >
              {c.group && <span class="muted">{c.group} · </span>}
              {c.label}
            </div>
          ))}
        </div>
        {!shown.length && <p class="muted">No command matches.</p>}
      </div>
    </div>
  );
}
