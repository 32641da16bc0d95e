// Generic page keys: the normalised URL — what a user would call "the same page" maps to one key.
import { describe, expect, it } from 'vitest';
import { normaliseUrl, pageKeyFor, siteFor } from '../../../src/sites';

describe('generic page keys', () => {
  it.each([
    ['https://Example.COM:443/a/b/?utm_source=x&b=2&a=1#top', 'url:https://example.com/a/b?a=1&b=2'],
    ['http://example.com:80/', 'url:http://example.com/'],
    ['http://example.com', 'url:http://example.com/'],
    ['http://example.com:8080/x/', 'url:http://example.com:8080/x'],
    ['https://user:secret@example.com/a', 'url:https://example.com/a'],
    ['https://example.com./a', 'url:https://example.com/a'],
    ['https://example.com/%7euser/a%2fb', 'url:https://example.com/~user/a%2Fb'],
    ['https://example.com/search?q=a%20b', 'url:https://example.com/search?q=a+b'],
    ['https://example.com/search?q=a+b&', 'url:https://example.com/search?q=a+b'],
    ['https://example.com/a?b=2&a=2&a=1', 'url:https://example.com/a?a=1&a=2&b=2'],
    ['  https://example.com/a  ', 'url:https://example.com/a'],
  ])('%s → %s', (url, key) => {
    expect(pageKeyFor(url)).toBe(key);
  });

  it('removes every known tracking parameter, whatever its case', () => {
    const tracking = [
      'utm_source=a',
      'UTM_Campaign=b',
      'utm_content=c',
      'gclid=1',
      'fbclid=2',
      'mc_cid=3',
      'mc_eid=4',
      'msclkid=5',
      'igshid=6',
      '_hsenc=7',
      '_hsmi=8',
      'ref_src=twsrc%5Etfw',
      'mtm_campaign=9',
    ].join('&');
    expect(pageKeyFor(`https://example.com/post?id=3&${tracking}`)).toBe('url:https://example.com/post?id=3');
  });

  it('keeps parameters that name content, like GitHub’s ?ref= and a search query', () => {
    expect(pageKeyFor('https://example.com/file?ref=main&q=redis')).toBe(
      'url:https://example.com/file?q=redis&ref=main',
    );
  });

  it.each([
    ['not a url', 'url:not a url'],
    ['not a url#with fragment', 'url:not a url'],
    ['', 'url:'],
    ['   ', 'url:'],
    ['http://', 'url:http://'],
    ['https://[::1', 'url:https://[::1'],
  ])('gives the unparsable %j the key %j', (url, key) => {
    expect(pageKeyFor(url)).toBe(key);
    expect(siteFor(url).id).toBe('generic');
  });

  it('keeps very long keys within the 2048 characters an anchor stores, still telling URLs apart', () => {
    const base = `https://example.com/${'a'.repeat(3000)}`;
    const one = pageKeyFor(`${base}?page=1`);
    const two = pageKeyFor(`${base}?page=2`);
    expect(one).toHaveLength(2048);
    expect(two).toHaveLength(2048);
    expect(one).not.toBe(two);
  });

  it('exports the normal form without the url: prefix', () => {
    expect(normaliseUrl('https://Example.com/a/?utm_medium=email')).toBe('https://example.com/a');
  });

  it.each([
    ['https://example.com/a', 'https://example.com/b'],
    ['https://example.com/a', 'https://example.org/a'],
    ['https://example.com/a?id=1', 'https://example.com/a?id=2'],
    ['http://example.com/a', 'https://example.com/a'],
    ['https://example.com/a/b', 'https://example.com/a%2Fb'],
  ])('%s and %s are different pages', (a, b) => {
    expect(pageKeyFor(a)).not.toBe(pageKeyFor(b));
  });
});
