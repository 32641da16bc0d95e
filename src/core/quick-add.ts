// Parses the one-line quick add ("Use Postgres for sync @Dana #backend due:fri !decided") into a draft
// decision. Bad parts become error messages for the UI; nothing here throws.
import { type DueDate, type ParseDueOptions, parseDueDate } from './dates-parse';

export type QuickAddStatus = 'proposed' | 'decided' | 'revisiting' | 'rejected';

export type QuickAdd = {
  title: string;
  /** Names as typed, first spelling kept, deduplicated ignoring case: `@Dana` → `Dana`. */
  mentions: string[];
  /** Lowercase, deduplicated. */
  tags: string[];
  due: DueDate | null;
  /** The text after `due:` that was read as the date (or could not be). */
  dueText?: string;
  status?: QuickAddStatus;
  /** One human-readable message per problem; empty when the line can be saved. */
  errors: string[];
};

export const QUICK_ADD_HINT =
  'What was decided, then @owner #tag due:fri !decided — quote names with spaces: @"Dana Scully"';

/**
 * The title of the follow-up a quick add's `due:` creates: what the next step is for a decision
 * in that status, so the card reads "Next: Put the decision into effect", not "Next: Next step".
 */
export function nextStepTitle(status: QuickAddStatus | undefined): string {
  if (status === 'decided') return 'Put the decision into effect';
  if (status === 'rejected') return 'Tell those affected it was rejected';
  return 'Reach a decision';
}

export const TITLE_MAX = 300;
export const TAG_MAX = 60;
// The longest date phrase ("on fri 27 nov 2026 at 3 pm") is 8 words.
const DUE_MAX_WORDS = 8;

const STATUSES: readonly QuickAddStatus[] = ['proposed', 'decided', 'revisiting', 'rejected'];

type Token =
  | { kind: 'word'; text: string }
  | { kind: 'mention'; text: string; name: string }
  | { kind: 'tag'; text: string; tag: string }
  | { kind: 'status'; word: string }
  | { kind: 'due'; first: string };

const TRAILING_PUNCTUATION = /[.,;:!?)\]}'"’”]+$/u;
const CLOSING_QUOTE: Record<string, string> = { '"': '"', '“': '”' };

/**
 * Splits the line into words and markers. A marker counts only at the start of a word, so the `@` of
 * `a@b.com` and the `#` of `C#` stay text; `#123` (an issue number) and a lone `@` or `!` stay text too.
 */
function tokenize(line: string, errors: string[]): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < line.length) {
    if (/\s/u.test(line[i] ?? '')) {
      i++;
      continue;
    }
    const close = line[i] === '@' ? CLOSING_QUOTE[line[i + 1] ?? ''] : undefined;
    if (close) {
      let j = line.indexOf(close, i + 2);
      if (j < 0 && close === '”') j = line.indexOf('"', i + 2);
      if (j >= 0) {
        const name = line
          .slice(i + 2, j)
          .trim()
          .replace(/\s+/gu, ' ');
        let end = j + 1;
        while (end < line.length && !/\s/u.test(line[end] ?? '')) end++;
        if (name) tokens.push({ kind: 'mention', text: name + line.slice(j + 1, end), name });
        else errors.push('Empty name in @"" — write @"Full Name".');
        i = end;
        continue;
      }
      errors.push(`Missing closing quote after ${line.slice(i, i + 20)}…`);
    }
    let end = i;
    while (end < line.length && !/\s/u.test(line[end] ?? '')) end++;
    tokens.push(classify(line.slice(i, end)));
    i = end;
  }
  return tokens;
}

function classify(word: string): Token {
  const body = word.slice(1);
  const bare = body.replace(TRAILING_PUNCTUATION, '');
  if (word[0] === '@' && /^\p{L}[\p{L}\p{N}_.'’-]*$/u.test(bare))
    return { kind: 'mention', text: body, name: bare };
  if (word[0] === '#' && /^[\p{L}\p{N}_][\p{L}\p{N}_/-]*$/u.test(bare) && /\p{L}/u.test(bare))
    return { kind: 'tag', text: body, tag: bare.toLowerCase() };
  if (word[0] === '!' && /^\p{L}+$/u.test(body)) return { kind: 'status', word: body.toLowerCase() };
  if (word.slice(0, 4).toLowerCase() === 'due:') return { kind: 'due', first: body.slice(3) };
  return { kind: 'word', text: word };
}

/** Exact status names, or an unambiguous prefix of three letters or more (`!dec`). */
function statusFor(word: string): QuickAddStatus | undefined {
  const matches = word.length >= 3 ? STATUSES.filter((s) => s.startsWith(word)) : [];
  return matches.length === 1 ? matches[0] : undefined;
}

/**
 * Reads the date after `due:`: the longest run of the following words (up to the next marker) that
 * parses, so `due:next friday at 3pm` works and `due:fri Ship it` leaves "Ship it" in the title.
 * Returns how many of `words` it consumed.
 */
function readDue(
  words: string[],
  now: Date,
  timeZone: string,
  opts: ParseDueOptions,
): { due: DueDate | null; dueText: string; used: number } {
  for (let n = Math.min(words.length, DUE_MAX_WORDS); n >= 1; n--) {
    const dueText = words.slice(0, n).join(' ');
    const due = parseDueDate(dueText, now, timeZone, opts);
    if (due) return { due, dueText, used: n };
  }
  return { due: null, dueText: words.join(' '), used: words.length };
}

/**
 * Parses one quick-add line relative to `now` in `timeZone`. Markers after the last title word are
 * removed from the title; a mention or tag inside it keeps its text ("Ask @Dana about #pricing" →
 * "Ask Dana about pricing"), so the title still reads as a sentence. `due:` and `!status` never stay.
 */
export function parseQuickAdd(
  line: string,
  now: Date,
  timeZone: string,
  opts: ParseDueOptions = {},
): QuickAdd {
  const errors: string[] = [];
  const tokens = tokenize(typeof line === 'string' ? line : '', errors);
  const result: QuickAdd = { title: '', mentions: [], tags: [], due: null, errors };
  const kept: (Token | null)[] = [...tokens];
  for (let k = 0; k < tokens.length; k++) {
    const token = tokens[k];
    if (token?.kind !== 'due') continue;
    kept[k] = null;
    let next = k + 1;
    while (tokens[next]?.kind === 'word') next++;
    const after = tokens.slice(k + 1, next).map((t) => (t.kind === 'word' ? t.text : ''));
    const words = token.first ? [token.first, ...after] : after;
    if (words.length === 0) {
      errors.push('"due:" needs a date, e.g. due:fri or due:2026-12-01.');
      continue;
    }
    const read = readDue(words, now, timeZone, opts);
    for (let w = 0; w < read.used - (token.first ? 1 : 0); w++) kept[k + 1 + w] = null;
    if (result.dueText !== undefined) {
      errors.push(`Two due dates: "${result.dueText}" and "${read.dueText}". Keep one.`);
      continue;
    }
    result.dueText = read.dueText;
    result.due = read.due;
    if (!read.due)
      errors.push(`Can't read the due date "${read.dueText}". Try due:fri, due:next week or due:2026-12-01.`);
  }

  const lastWord = kept.findLastIndex((t) => t?.kind === 'word');
  const titleWords: string[] = [];
  const seenMentions = new Set<string>();
  kept.forEach((token, k) => {
    if (!token) return;
    if (token.kind === 'word') titleWords.push(token.text);
    else if (token.kind === 'mention' || token.kind === 'tag') {
      if (k < lastWord) titleWords.push(token.text);
      if (token.kind === 'tag') {
        if (token.tag.length > TAG_MAX)
          errors.push(`Tag #${token.tag.slice(0, 20)}… is longer than ${TAG_MAX} characters.`);
        else if (!result.tags.includes(token.tag)) result.tags.push(token.tag);
      } else if (!seenMentions.has(token.name.toLowerCase())) {
        seenMentions.add(token.name.toLowerCase());
        result.mentions.push(token.name);
      }
    } else if (token.kind === 'status') {
      const status = statusFor(token.word);
      if (token.word === 'superseded')
        errors.push('"!superseded" is set by linking the decision that replaces it.');
      else if (!status)
        errors.push(`Unknown status "!${token.word}": use !proposed, !decided, !revisiting or !rejected.`);
      else if (result.status && result.status !== status)
        errors.push(`Two statuses: !${result.status} and !${status}. Keep one.`);
      else result.status = status;
    }
  });

  result.title = titleWords.join(' ').replace(/\s+/gu, ' ').trim();
  if (!result.title) errors.push('Add a title: what was decided.');
  else if (result.title.length > TITLE_MAX)
    errors.push(`The title is ${result.title.length} characters; the limit is ${TITLE_MAX}.`);
  return result;
}
