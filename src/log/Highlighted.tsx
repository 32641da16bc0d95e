// Text with the searched words marked (<mark>), built from text nodes only — never HTML.
import { highlightParts } from '../core/log';

export interface HighlightedProps {
  text: string;
  terms: readonly string[];
}

export function Highlighted({ text, terms }: HighlightedProps) {
  if (!terms.length) return <>{text}</>;
  return (
    <>
      {highlightParts(text, terms).map((part, i) =>
        part.match ? <mark key={i}>{part.text}</mark> : part.text,
      )}
    </>
  );
}
