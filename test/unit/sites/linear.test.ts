// Linear page keys: the team key and number; slugs change with the title and do not matter.
import { describe, expect, it } from 'vitest';
import { pageKeyFor } from '../../../src/sites';

describe('Linear page keys', () => {
  it.each([
    'https://linear.app/acme/issue/ENG-123/move-session-storage-to-redis',
    'https://linear.app/acme/issue/ENG-123',
    'https://linear.app/acme/issue/ENG-123/',
    'https://linear.app/acme/issue/eng-123/move-session-storage-to-redis',
    'https://linear.app/acme/issue/ENG-123/redis-sessions-renamed',
    'https://linear.app/acme/issue/ENG-123/move-session-storage-to-redis#comment-4f2a9c1e',
    'https://linear.app/acme/issue/ENG-123/move-session-storage-to-redis?noRedirect=1',
  ])('%s → linear:ENG-123', (url) => {
    expect(pageKeyFor(url)).toBe('linear:ENG-123');
  });

  it.each([
    'https://linear.app/acme/team/ENG/active',
    'https://linear.app/acme/project/reliable-checkout-8c1d2e3f4a5b',
    'https://linear.app/acme/inbox',
  ])('%s names no issue and falls back to its URL', (url) => {
    expect(pageKeyFor(url)).toMatch(/^url:https:\/\/linear\.app\//);
  });

  it.each([
    ['https://linear.app/acme/issue/ENG-123', 'https://linear.app/acme/issue/ENG-124'],
    ['https://linear.app/acme/issue/ENG-123', 'https://linear.app/acme/issue/OPS-123'],
    ['https://linear.app/acme/issue/ENG-12', 'https://linear.app/acme/issue/ENG-123'],
  ])('%s and %s are different issues', (a, b) => {
    expect(pageKeyFor(a)).not.toBe(pageKeyFor(b));
  });
});
