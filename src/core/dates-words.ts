// The vocabulary of due dates (weekday, month, unit and number words) and the lexing of a phrase into
// words with its time of day split off.

// biome-ignore format: a table reads better than one key a line
export const WEEKDAYS: Record<string, number> = {
  sun: 0, sunday: 0, mon: 1, monday: 1, tue: 2, tues: 2, tuesday: 2, wed: 3, weds: 3, wednesday: 3,
  thu: 4, thur: 4, thurs: 4, thursday: 4, fri: 5, friday: 5, sat: 6, saturday: 6,
};

// biome-ignore format: a table reads better than one key a line
export const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10,
  nov: 11, november: 11, dec: 12, december: 12,
};

// biome-ignore format: a table reads better than one key a line
export const AMOUNT_WORDS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
};

export type Unit = 'minute' | 'hour' | 'day' | 'week' | 'month' | 'year';
// biome-ignore format: a table reads better than one key a line
export const UNITS: Record<string, Unit> = {
  min: 'minute', mins: 'minute', minute: 'minute', minutes: 'minute',
  h: 'hour', hr: 'hour', hrs: 'hour', hour: 'hour', hours: 'hour',
  d: 'day', day: 'day', days: 'day',
  w: 'week', wk: 'week', wks: 'week', week: 'week', weeks: 'week',
  mo: 'month', month: 'month', months: 'month',
  y: 'year', yr: 'year', yrs: 'year', year: 'year', years: 'year',
};

export type Time = { hour: number; minute: number; meridiem: boolean };

function readTime(tokens: readonly string[], afterAt: boolean): Time | 'invalid' | null {
  if (tokens.length === 2 && tokens[1] !== 'am' && tokens[1] !== 'pm') return null;
  const s = tokens.join('');
  if (s === 'noon') return { hour: 12, minute: 0, meridiem: true };
  let m = /^(\d{1,2})(?::(\d{2}))?(am|pm)$/.exec(s);
  if (m) {
    const hour = Number(m[1]);
    const minute = Number(m[2] ?? 0);
    if (hour < 1 || hour > 12 || minute > 59) return 'invalid';
    return { hour: (hour % 12) + (m[3] === 'pm' ? 12 : 0), minute, meridiem: true };
  }
  m = /^(\d{1,2}):(\d{2})$/.exec(s) ?? (afterAt ? /^(\d{1,2})()$/.exec(s) : null);
  if (!m) return null;
  const hour = Number(m[1]);
  const minute = Number(m[2] || 0);
  return hour > 23 || minute > 59 ? 'invalid' : { hour, minute, meridiem: false };
}

/** Splits a time off the end ("fri at 3pm") or the start ("3pm tomorrow"). */
export function splitTime(words: string[]): { rest: string[]; time: Time | null } | null {
  for (const len of [2, 1]) {
    const start = words.length - len;
    if (start < 0) continue;
    const afterAt = words[start - 1] === 'at';
    const time = readTime(words.slice(start), afterAt);
    if (time === 'invalid') return null;
    if (time) return { rest: words.slice(0, afterAt ? start - 1 : start), time };
  }
  const from = words[0] === 'at' ? 1 : 0;
  for (const len of [2, 1]) {
    if (from + len >= words.length) continue;
    const time = readTime(words.slice(from, from + len), from === 1);
    if (time === 'invalid') return null;
    if (time) return { rest: words.slice(from + len), time };
  }
  return { rest: words, time: null };
}

/** Lowercase words with commas, sentence dots and marks, ordinals (1st) and a.m./p.m. spelled away. */
export const normalize = (text: string): string[] =>
  text
    .toLowerCase()
    .replace(/\b([ap])\.m\.?/g, '$1m')
    .replace(/(\d{4}-\d{2}-\d{2})t(?=\d)/g, '$1 ')
    .replace(/\b(\d{1,2})(?:st|nd|rd|th)\b/g, '$1')
    .replace(/[,!?]|\.(?=\s|$)/g, ' ')
    .split(/\s+/)
    .filter((w) => w !== '');
