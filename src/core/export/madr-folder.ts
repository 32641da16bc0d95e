// A set of decisions as an ADR folder: numbered MADR files in decision order plus a README index,
// zipped for download.
import { zipSync } from 'fflate';
import { tableCell } from '../md-text';
import { type DecisionBundle, inCreationOrder, isoDay, namesWith } from './bundle';
import { MADR_STATUS, type MadrLinks, madrFileName, toMadr } from './madr';

export const ADR_FOLDER = 'docs/decisions';

export interface MadrFile {
  name: string;
  text: string;
  /** The decision's last change, used as the file's time in the zip (keeps the zip reproducible). */
  modified: string;
}

/**
 * One MADR file per decision, numbered from 1 in creation order, plus `README.md` (the index).
 * Days are named in `timeZone` (the person's; UTC by default).
 */
export function madrFiles(
  bundles: readonly DecisionBundle[],
  exportedAt?: string,
  timeZone = 'UTC',
): MadrFile[] {
  const ordered = inCreationOrder(
    bundles.map((b) => ({ ...b, id: b.decision.id, createdAt: b.decision.createdAt })),
  );
  const numbers = new Map(
    ordered.map((b, i) => [b.id, { number: i + 1, fileName: madrFileName(i + 1, b.decision.title) }]),
  );
  const links: MadrLinks = { fileOf: (id) => numbers.get(id) };
  const files = ordered.map((b) => ({
    name: numbers.get(b.id)?.fileName as string,
    text: toMadr(b, links, timeZone),
    modified: b.decision.updatedAt,
  }));
  const latest =
    exportedAt ??
    files
      .map((f) => f.modified)
      .sort()
      .at(-1) ??
    '1980-01-01T00:00:00.000Z';
  const rows = ordered.map((b, i) => {
    const d = b.decision;
    const file = files[i] as MadrFile;
    return `| ${String(i + 1).padStart(4, '0')} | [${tableCell(d.title).replace(/[[\]]/g, '\\$&')}](${file.name}) | ${MADR_STATUS[d.status]} | ${isoDay(d.decidedAt ?? d.updatedAt, timeZone)} | ${tableCell(namesWith(b, 'A').join(', '))} |`;
  });
  const readme = [
    '# Architecture Decision Records',
    '',
    `Exported from Decidedly${exportedAt ? ` on ${isoDay(exportedAt, timeZone)}` : ''}. Each file follows [MADR 4.0](https://adr.github.io/madr/).`,
    '',
    '| # | Decision | Status | Date | Decision-makers |',
    '| --- | --- | --- | --- | --- |',
    ...rows,
    '',
  ].join('\n');
  return [...files, { name: 'README.md', text: readme, modified: latest }];
}

/** A zip of `docs/decisions/NNNN-slug.md` files and their README, ready to drop into a repository. */
export function toMadrZip(
  bundles: readonly DecisionBundle[],
  options: { folder?: string; exportedAt?: string; timeZone?: string } = {},
): Uint8Array {
  const folder = (options.folder ?? ADR_FOLDER).replace(/^\/+|\/+$/g, '');
  const encoder = new TextEncoder();
  const entries: Record<string, [Uint8Array, { mtime: Date }]> = {};
  for (const f of madrFiles(bundles, options.exportedAt, options.timeZone)) {
    // DOS timestamps start in 1980; anything earlier would not encode.
    const mtime = new Date(Math.max(Date.parse(f.modified) || 0, Date.UTC(1980, 0, 2)));
    entries[folder ? `${folder}/${f.name}` : f.name] = [encoder.encode(f.text), { mtime }];
  }
  return zipSync(entries, { level: 6 });
}
