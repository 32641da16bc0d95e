// The export formats and scopes, apart from the code that builds the files: the sidebar's menu
// lists them without loading the exporters and the database (the background builds its files).
export const EXPORT_FORMATS = [
  { value: 'madr', label: 'Markdown (MADR)', hint: 'ADR files for a repository' },
  { value: 'csv', label: 'CSV', hint: 'for Excel and Sheets' },
  { value: 'json', label: 'JSON backup', hint: 'everything, restorable' },
  { value: 'annotations', label: 'Web Annotations', hint: 'W3C JSON-LD of the highlights' },
] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number]['value'];

/** Which decisions: some by id, or the whole log (a JSON export then holds every table). */
export type ExportScope = readonly string[] | 'all';
