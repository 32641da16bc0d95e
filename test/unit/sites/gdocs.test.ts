// Google Docs page keys: the document id (case-sensitive), across editor modes, tabs and accounts.
import { describe, expect, it } from 'vitest';
import { pageKeyFor, siteFor } from '../../../src/sites';

const ID = '1aBcD3fGhIjKlMnOpQrStUvWxYz0123456789AbCdEf';
const DOC = `https://docs.google.com/document/d/${ID}`;

describe('Google Docs page keys', () => {
  it.each([
    `${DOC}/edit`,
    `${DOC}/edit?tab=t.0`,
    `${DOC}/edit#heading=h.3fk2b8x`,
    `${DOC}/edit?usp=sharing`,
    `${DOC}/view`,
    `${DOC}/`,
    DOC,
    `https://docs.google.com/document/u/1/d/${ID}/edit`,
  ])('%s → gdocs:<id>', (url) => {
    expect(pageKeyFor(url)).toBe(`gdocs:${ID}`);
  });

  it('marks Google Docs as not highlightable (canvas rendering)', () => {
    expect(siteFor(`${DOC}/edit`).canHighlight).toBe(false);
  });

  it('leaves published copies, which are plain HTML, to the generic adapter', () => {
    const published = 'https://docs.google.com/document/d/e/2PACX-1vR0aBcDeFgHiJkLmNoPqRsTuVwXyZ/pub';
    expect(siteFor(published).id).toBe('generic');
    expect(pageKeyFor(published)).toBe(`url:${published}`);
  });

  it.each([
    [`${DOC}/edit`, `https://docs.google.com/document/d/${ID.replace('aBc', 'abc')}/edit`],
    [`${DOC}/edit`, 'https://docs.google.com/document/d/9zYxW8vUtSrQpOnMlKjIhGfEdCbA9876543210zYxWv/edit'],
  ])('%s and %s are different documents', (a, b) => {
    expect(pageKeyFor(a)).not.toBe(pageKeyFor(b));
  });
});
