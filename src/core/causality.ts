// What a writer had seen, as a version vector: for each writer node, the newest HLC of it that
// was seen. A node's HLCs only grow (every local write is after everything on its row), so a
// vector entry names that version and, implicitly, every earlier one of the same node.
// Encoded as a sorted list of HLCs, at most one per node, so it reads like "the versions it saw".
import type { Hlc } from './hlc';

export type Seen = Hlc[];

/** The node (client id) that issued an HLC: everything after the second dot. */
export function nodeOf(hlc: Hlc): string {
  const first = hlc.indexOf('.');
  return hlc.slice(hlc.indexOf('.', first + 1) + 1);
}

/**
 * A `base` as sent or stored: a list (schema version 2) or one HLC (version 1). A legacy single
 * HLC is read as "saw that version" and nothing else of other nodes: a concurrent edit is then
 * kept as a second version rather than lost.
 */
export function asSeen(base: Hlc | readonly Hlc[] | undefined): Seen {
  if (base === undefined) return [];
  return typeof base === 'string' ? [base] : joinSeen(base);
}

/** The least vector that has seen both (per node, the newer HLC); sorted, so equal sets are equal. */
export function joinSeen(...vectors: readonly (readonly Hlc[])[]): Seen {
  const byNode = new Map<string, Hlc>();
  for (const vector of vectors) {
    for (const hlc of vector) {
      const node = nodeOf(hlc);
      const known = byNode.get(node);
      if (known === undefined || hlc > known) byNode.set(node, hlc);
    }
  }
  return [...byNode.values()].sort();
}

/** True when a writer with this vector had seen the version written at `hlc`. */
export function hasSeen(seen: readonly Hlc[], hlc: Hlc): boolean {
  const node = nodeOf(hlc);
  return seen.some((h) => h >= hlc && nodeOf(h) === node);
}
