// Notion page keys: the 32-hex id at the end of the slug, dashed or not, any case; a peeked page wins.
import { describe, expect, it } from 'vitest';
import { pageKeyFor } from '../../../src/sites';

const ID = '0f3c2b7a9d4e4c1b8a6f5e2d1c0b9a87';
const KEY = `notion:${ID}`;

describe('Notion page keys', () => {
  it.each([
    [`https://www.notion.so/acme/Session-storage-decision-${ID}`, KEY],
    [`https://www.notion.so/${ID}`, KEY],
    [`https://www.notion.so/acme/${ID}?pvs=4`, KEY],
    ['https://www.notion.so/Session-storage-decision-0f3c2b7a-9d4e-4c1b-8a6f-5e2d1c0b9a87', KEY],
    [`https://www.notion.so/acme/Renamed-${ID.toUpperCase()}`, KEY],
    [`https://acme.notion.site/Session-storage-decision-${ID}`, KEY],
    [`https://notion.so/acme/Session-storage-decision-${ID}#a1b2c3d4e5f6`, KEY],
    [
      'https://www.notion.so/acme/11112222333344445555666677778888?v=99990000aaaabbbbccccddddeeeeffff',
      'notion:11112222333344445555666677778888',
    ],
    [
      `https://www.notion.so/acme/Decision-log-11112222333344445555666677778888?v=99990000aaaabbbbccccddddeeeeffff&p=${ID}&pm=s`,
      KEY,
    ],
    [
      `https://www.notion.so/acme/Decision-log-11112222333344445555666677778888?p=0f3c2b7a-9d4e-4c1b-8a6f-5e2d1c0b9a87&pm=c`,
      KEY,
    ],
  ])('%s → %s', (url, key) => {
    expect(pageKeyFor(url)).toBe(key);
  });

  it.each([
    'https://www.notion.so/acme',
    'https://www.notion.so/',
    'https://www.notion.so/acme/Decision-log',
  ])('%s names no page and falls back to its URL', (url) => {
    expect(pageKeyFor(url)).toMatch(/^url:/);
  });

  it.each([
    [
      `https://www.notion.so/acme/Page-${ID}`,
      'https://www.notion.so/acme/Page-0f3c2b7a9d4e4c1b8a6f5e2d1c0b9a88',
    ],
    [
      'https://www.notion.so/acme/Decision-log-11112222333344445555666677778888',
      `https://www.notion.so/acme/Decision-log-11112222333344445555666677778888?p=${ID}&pm=s`,
    ],
  ])('%s and %s are different pages', (a, b) => {
    expect(pageKeyFor(a)).not.toBe(pageKeyFor(b));
  });
});
