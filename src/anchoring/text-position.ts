// Converts between DOM boundary points (node, offset) and offsets in a TextIndex's normalised text.
import { collapseWhitespace, firstNonWhitespace, isWhitespace, needsCollapse } from './normalise';
import type { Segment, TextIndex } from './text-index';

/** Normalised offset of a boundary point; points between indexed text resolve to the next indexed
 * character, points before or after the root clamp to 0 or the text length. */
export function offsetAt(index: TextIndex, container: Node, offset: number): number {
  const { segments } = index;
  const atOrAfter = pointTest(container, offset);
  // Binary search on document order for the first segment at or after the point.
  let low = 0;
  let high = segments.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (atOrAfter(segments[mid]!.node)) high = mid;
    else low = mid + 1;
  }
  // A point inside an indexed text node lands just after that node's own segment.
  const previous = segments[low - 1];
  if (previous && previous.node === container) return previous.start + offsetInSegment(previous, offset);
  return low < segments.length ? segments[low]!.start : index.text.length;
}

const FOLLOWING = 4;
const CONTAINED_BY = 16;

/**
 * Whether a text node lies at or after the boundary point (container, offset), by tree order alone
 * (compareDocumentPosition), so element boundary points (between children) resolve the same in every DOM.
 */
function pointTest(container: Node, offset: number): (node: Text) => boolean {
  if (container.nodeType !== 1 && container.nodeType !== 9 && container.nodeType !== 11) {
    // Inside a character node: its own text is before the point (handled by the caller), what follows is after.
    return (node) => node !== container && (container.compareDocumentPosition(node) & FOLLOWING) !== 0;
  }
  const child = container.childNodes[offset];
  if (child) return (node) => node === child || (child.compareDocumentPosition(node) & FOLLOWING) !== 0;
  // After the container's last child: only what follows the container's whole subtree.
  return (node) => {
    const position = container.compareDocumentPosition(node);
    return (position & FOLLOWING) !== 0 && (position & CONTAINED_BY) === 0;
  };
}

function offsetInSegment(segment: Segment, rawOffset: number): number {
  const data = segment.node.data;
  const first = firstNonWhitespace(data);
  if (first < 0 || rawOffset <= first) return 0;
  const counted = segment.lead + collapseWhitespace(data.slice(first, rawOffset)).length;
  // Trailing whitespace of a node is not in the segment (it became the next segment's lead).
  return Math.min(counted, segment.end - segment.start);
}

/** Raw offset in the segment's node where normalised character `k` of the segment starts
 * (or, for k equal to the segment length, just after its last character). */
function rawOffsetIn(segment: Segment, k: number): number {
  const data = segment.node.data;
  let i = Math.max(0, firstNonWhitespace(data));
  // Most text has only single spaces: then characters map one to one after the leading space.
  if (!needsCollapse(data)) return Math.min(data.length, i + Math.max(0, k - segment.lead));
  let counted = segment.lead;
  while (counted < k && i < data.length) {
    if (isWhitespace(data[i]!)) {
      while (i < data.length && isWhitespace(data[i]!)) i++;
    } else {
      i++;
    }
    counted++;
  }
  return i;
}

/** Index of the last segment starting at or before `offset`. */
function segmentAt(index: TextIndex, offset: number): Segment | undefined {
  const { segments } = index;
  let low = 0;
  let high = segments.length - 1;
  if (high < 0 || segments[0]!.start > offset) return undefined;
  while (low < high) {
    const mid = (low + high + 1) >>> 1;
    if (segments[mid]!.start <= offset) low = mid;
    else high = mid - 1;
  }
  return segments[low];
}

/** A DOM range over normalised text [start, end), with both ends inside text nodes. */
export function rangeAt(index: TextIndex, start: number, end: number): Range | null {
  const first = segmentAt(index, start);
  const last = segmentAt(index, end - 1);
  if (!first || !last || end <= start) return null;
  const range = index.root.ownerDocument.createRange();
  range.setStart(first.node, rawOffsetIn(first, start - first.start));
  range.setEnd(last.node, rawOffsetIn(last, end - last.start));
  return range;
}
