// The stored shape of an anchor's selectors (W3C TextQuote + TextPosition) and what anchoring returns.

/** Where a highlight was made: the quote with up to 32 characters of context, and its offsets, all in normalised text. */
export type Selectors = {
  quote: { exact: string; prefix: string; suffix: string };
  position: { start: number; end: number };
};

/** A live DOM range over the anchored text; `score` is the match confidence (0..1), `exact` is true when the quote matched character for character. */
export type AnchorResult = { range: Range; score: number; exact: boolean };
