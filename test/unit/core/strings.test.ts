// Strings every record field accepts: well-formed UTF-16 without U+0000, because PostgreSQL's
// jsonb refuses both (a 500 that wedged the pushing client), and property names looked up as own
// fields only.
import { describe, expect, it } from 'vitest';
import { HlcClock } from '../../../src/core/hlc';
import { opProblem } from '../../../src/core/protocol';
import { makeRow } from '../../../src/core/records';
import { describeIssues, TABLES } from '../../../src/core/schemas';
import { cleanText, isCleanText } from '../../../src/core/strings';

const clock = new HlcClock('test');
const ctx = () => ({ workspaceId: 'local', hlc: clock.now(), now: new Date('2026-11-21T10:00:00Z') });
const id = '01900000-0000-7000-8000-000000000001';
const LONE_HIGH = 'split \uD83D';
const LONE_LOW = '\uDE00 split';
const NUL = 'a\u0000b';

describe('clean text', () => {
  it('tells well-formed, NUL-free strings from the rest, and mends the rest', () => {
    expect(isCleanText('emoji 😀 and ünïcode')).toBe(true);
    for (const bad of [LONE_HIGH, LONE_LOW, NUL, '\uDE00\uD83D']) {
      expect(isCleanText(bad), JSON.stringify(bad)).toBe(false);
      expect(isCleanText(cleanText(bad))).toBe(true);
    }
    expect(cleanText('ok 😀')).toBe('ok 😀');
    expect(cleanText(LONE_HIGH)).toBe('split \uFFFD');
  });
});

describe('ops with ill-formed strings', () => {
  const cases: [string, Record<string, unknown>, RegExp][] = [
    ['decisions', { title: LONE_HIGH }, /decisions\.title: /],
    ['decisions', { rationale: NUL }, /decisions\.rationale: /],
    ['decisions', { tags: ['ok', LONE_LOW] }, /decisions\.tags\.1: /],
    [
      'decisions',
      { options: [{ id: 'o', title: NUL, pros: '', cons: '', chosen: false }] },
      /options\.0\.title/,
    ],
    ['stakeholders', { name: NUL }, /stakeholders\.name: /],
    ['followUps', { title: LONE_LOW }, /followUps\.title: /],
    [
      'anchors',
      { selectors: { quote: { exact: 'x', prefix: LONE_LOW, suffix: '' }, position: { start: 0, end: 1 } } },
      /anchors\.selectors\.quote\.prefix: /,
    ],
    ['events', { detail: { [`key${NUL}`]: 'v' } }, /events\.detail\.key\uFFFD?a\uFFFDb: /],
    ['events', { detail: { field: LONE_HIGH } }, /events\.detail\.field: /],
    ['events', { detail: { deep: { list: ['ok', NUL] } } }, /events\.detail\.deep\.list\.1: /],
  ];
  it.each(cases)('%s %j is refused, naming the field', (table, set, where) => {
    const problem = opProblem({ table, id, set });
    expect(problem).toMatch(where);
    expect(problem).toMatch(/ill-formed|NUL/);
  });

  it('are refused in stored rows too, so a pulled row is checked like a pushed one', () => {
    const row = { ...makeRow('decisions', { title: 'x' }, ctx()), context: NUL };
    const parsed = TABLES.decisions.safeParse(row);
    expect(parsed.success ? 'ok' : describeIssues(parsed.error)).toMatch(/context: /);
  });

  it('accept emoji and other astral characters', () => {
    expect(opProblem({ table: 'decisions', id, set: { title: 'Ship 🚀', tags: ['🏷️'] } })).toBeNull();
    expect(opProblem({ table: 'events', id, set: { detail: { from: '😀', to: { x: ['ü'] } } } })).toBeNull();
  });
});

describe('field names', () => {
  it.each(['constructor', 'hasOwnProperty', 'toString', '__proto__', 'valueOf'])(
    '%s is an unknown field, not a crash',
    (field) => {
      const set = JSON.parse(`{"${field}": "x"}`) as Record<string, unknown>;
      expect(opProblem({ table: 'decisions', id, set })).toMatch(
        new RegExp(`decisions\\.${field}: unknown field`),
      );
    },
  );
});
