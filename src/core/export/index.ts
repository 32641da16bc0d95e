// Exports and imports: pure functions from records to files (MADR, CSV, JSON backup, W3C Web
// Annotations) and from files (backups, ADR Markdown, zips) back to records.
export * from './adr-fields';
export * from './adr-folder';
export * from './adr-records';
export * from './adr-types';
export * from './backup';
export * from './bundle';
export * from './csv';
export * from './import-plan';
export * from './madr';
export * from './madr-folder';
export * from './madr-parse';
export * from './web-annotation';
export * from './zip';
