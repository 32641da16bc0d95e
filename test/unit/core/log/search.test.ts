import { describe, expect, it } from 'vitest';
import {
  buildEntries,
  filterEntries,
  highlightParts,
  matchSnippet,
  NO_FILTERS,
  narrows,
  searchTerms,
} from '../../../../src/core/log';
import { sample } from './sample-log';

const { data, ids } = sample();
const entries = buildEntries(data);
const search = (q: string) =>
  filterEntries(entries, { ...NO_FILTERS, q }, 0, 'UTC')
    .map((e) => e.decision.title)
    .sort();
const entry = (id: string) => entries.find((e) => e.decision.id === id)!;

describe('log search', () => {
  it('splits a query into lowercase words and quoted phrases', () => {
    expect(searchTerms('  Redis  "boring   Technology" redis ')).toEqual(['redis', 'boring technology']);
    expect(searchTerms('"unclosed phrase')).toEqual(['unclosed phrase']);
    expect(searchTerms('   ')).toEqual([]);
  });

  it('finds decisions by every searched field', () => {
    expect(search('ReDiS')).toEqual(['Move sessions to Redis']);
    expect(search('boring')).toEqual(['Move sessions to Redis']); // rationale
    expect(search('agreed')).toEqual(['Move sessions to Redis']); // quote
    expect(search('every team')).toEqual(['Use Postgres for sync']); // context, two words
    expect(search('legacy')).toEqual(['Drop IE11']); // consequences
    expect(search('process')).toEqual(['Weekly release train']); // tag
    expect(search('ortiz')).toEqual(['Use Postgres for sync', 'Weekly release train']); // names
    expect(search('acme-7')).toEqual(['Move sessions to Redis']); // page title
  });

  it('needs every term, and a phrase in one piece within one field', () => {
    expect(search('redis postgres')).toEqual([]);
    expect(search('storage sync')).toEqual(['Use Postgres for sync']);
    expect(search('"technology we"')).toEqual(['Move sessions to Redis']);
    expect(search('"we technology"')).toEqual([]);
    // The title ends and the context starts here; a phrase must not bridge them.
    expect(search('"sync sync"')).toEqual([]);
  });

  it('knows when a new query can only narrow the last results', () => {
    expect(narrows([], ['red'])).toBe(true);
    expect(narrows(['red'], ['redis'])).toBe(true);
    expect(narrows(['red'], ['redis', 'cache'])).toBe(true);
    expect(narrows(['redis'], ['red'])).toBe(false);
    expect(narrows(['red', 'cache'], ['redis'])).toBe(false);
    expect(narrows(['red'], [])).toBe(false);
  });

  it('marks matches case-insensitively, longest term first', () => {
    expect(highlightParts('Move sessions to Redis', ['redis', 'sess'])).toEqual([
      { text: 'Move ', match: false },
      { text: 'sess', match: true },
      { text: 'ions to ', match: false },
      { text: 'Redis', match: true },
    ]);
    expect(highlightParts('Redis', ['re', 'redis'])).toEqual([{ text: 'Redis', match: true }]);
    expect(highlightParts('a (b) c', ['(b)'])).toEqual([
      { text: 'a ', match: false },
      { text: '(b)', match: true },
      { text: ' c', match: false },
    ]);
    expect(highlightParts('plain', [])).toEqual([{ text: 'plain', match: false }]);
  });

  it('explains a match outside the title with a marked excerpt of its field', () => {
    const snippet = matchSnippet(entry(ids.redis), ['boring']);
    expect(snippet?.field).toBe('rationale');
    expect(snippet?.parts.filter((p) => p.match).map((p) => p.text)).toEqual(['boring']);
    expect(matchSnippet(entry(ids.redis), ['redis'])).toBeNull();
    expect(matchSnippet(entry(ids.postgres), ['kim'])?.field).toBe('people');
  });
});
