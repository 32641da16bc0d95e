import { describe, expect, it } from 'vitest';
import { bundleDecisions, toWebAnnotations } from '../../../../src/core/export';
import { recordMaker, sampleTables } from './records';

describe('toWebAnnotations', () => {
  it('builds a W3C AnnotationCollection with quote and position selectors', () => {
    const tables = sampleTables();
    const anchor = tables.anchors[0] as (typeof tables.anchors)[0];
    const collection = toWebAnnotations(bundleDecisions(tables), {
      id: 'urn:uuid:00000000-0000-7000-8000-000000000000',
    });
    expect(collection).toMatchObject({
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id: 'urn:uuid:00000000-0000-7000-8000-000000000000',
      type: 'AnnotationCollection',
      total: 1,
      first: { type: 'AnnotationPage', startIndex: 0 },
    });
    const [item] = collection.first.items;
    expect(item).toEqual({
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id: `urn:uuid:${anchor.id}`,
      type: 'Annotation',
      motivation: 'commenting',
      created: anchor.createdAt,
      modified:
        anchor.updatedAt > (tables.decisions[0]?.updatedAt ?? '')
          ? anchor.updatedAt
          : tables.decisions[0]?.updatedAt,
      generator: { type: 'Software', name: 'Decidedly' },
      body: [
        {
          type: 'TextualBody',
          purpose: 'commenting',
          format: 'text/plain',
          value:
            'Decision: Use Postgres for sync\nStatus: decided\nWhy: it is boring technology we already operate\nAccountable: Dana Lee',
        },
        { type: 'TextualBody', purpose: 'tagging', format: 'text/plain', value: 'sync' },
        { type: 'TextualBody', purpose: 'tagging', format: 'text/plain', value: 'storage' },
      ],
      target: {
        source: 'https://github.com/acme/app/pull/12',
        selector: [
          {
            type: 'TextQuoteSelector',
            exact: "Let's go with Postgres",
            prefix: 'After the spike, ',
            suffix: ' for sync.',
          },
          { type: 'TextPositionSelector', start: 120, end: 142 },
        ],
      },
    });
    // Serialisable as JSON-LD as is.
    expect(JSON.parse(JSON.stringify(collection))).toEqual(collection);
  });

  it('targets the whole page for page decisions and skips decisions without a page', () => {
    const { make } = recordMaker();
    const onPage = make('decisions', { title: 'Page-level' });
    const byHand = make('decisions', { title: 'Logged by hand' });
    const anchor = make('anchors', {
      decisionId: onPage.id,
      pageKey: 'gdocs:abc',
      url: 'https://docs.google.com/document/d/abc',
    });
    const collection = toWebAnnotations(bundleDecisions({ decisions: [onPage, byHand], anchors: [anchor] }));
    expect(collection.total).toBe(1);
    expect(collection.first.items[0]?.target).toEqual({ source: 'https://docs.google.com/document/d/abc' });
    expect(collection.id).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
  });
});
