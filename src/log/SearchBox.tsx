// The search box: results follow every keystroke; "/" anywhere on the page comes back here.
import { useEffect, useRef } from 'preact/hooks';

export interface SearchBoxProps {
  value: string;
  onChange: (value: string) => void;
}

export function SearchBox({ value, onChange }: SearchBoxProps) {
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement;
      const typing = target.closest('input, textarea, select, [contenteditable]');
      if (e.key === '/' && !typing && !e.ctrlKey && !e.metaKey && !e.altKey) {
        e.preventDefault();
        input.current?.focus();
        input.current?.select();
      }
    };
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  }, []);
  return (
    <span class="search">
      <input
        ref={input}
        type="search"
        aria-label="Search decisions"
        aria-keyshortcuts="/"
        placeholder="Search titles, quotes, rationale, tags, people…  ( / )"
        value={value}
        onInput={(e) => onChange((e.currentTarget as HTMLInputElement).value)}
      />
    </span>
  );
}
