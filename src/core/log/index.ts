// The decision log's pure derivations: entries, search, filters, URL state, list rows, RACI
// matrix, stakeholder map and timeline. No DOM, no storage.
export * from './entries';
export * from './facets';
export * from './filters';
export * from './gaps';
export * from './map';
export * from './matrix';
export * from './search';
export * from './sort-group';
export * from './timeline';
export * from './url';
