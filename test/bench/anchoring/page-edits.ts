// The edits a page sees between two visits: new comments, deleted comments, rewritten paragraphs,
// words changed inside and right next to quotes. Done with DOM calls that keep live ranges updated.
import { comment } from './page-comment';
import { nextRandom, prose, textNodesIn } from './page-text';

function pick<T>(items: ArrayLike<T>): T {
  return items[Math.floor(nextRandom() * items.length)]!;
}

/** A text node inside `range` with a whole word strictly inside the range, and that word's offset. */
function wordInside(range: Range): [Text, number, number] | null {
  const common = range.commonAncestorContainer;
  const nodes =
    common.nodeType === 3 ? [common as Text] : textNodesIn(common).filter((t) => range.intersectsNode(t));
  for (const node of nodes) {
    const from = node === range.startContainer ? range.startOffset : 0;
    const to = node === range.endContainer ? range.endOffset : node.data.length;
    const words = [...node.data.slice(from, to).matchAll(/(?<=\s)\S+(?=\s)/g)];
    if (words.length > 0) {
      const word = pick(words);
      return [node, from + word.index, word[0].length];
    }
  }
  return null;
}

export type EditCounts = {
  inserted: number;
  deleted: number;
  rewritten: number;
  inside: number;
  beside: number;
};

/** Applies a fixed recipe of random edits; `truths` are the quotes' live ranges. */
export function editPage(root: HTMLElement, truths: Range[]): EditCounts {
  const counts: EditCounts = { inserted: 0, deleted: 0, rewritten: 0, inside: 0, beside: 0 };
  for (let i = 0; i < 40; i++, counts.inserted++) {
    const comments = root.querySelectorAll('.comment');
    root.insertBefore(comment(100_000 + i), pick(comments));
  }
  for (let i = 0; i < 20; i++, counts.deleted++) pick(root.querySelectorAll('.comment')).remove();
  for (let i = 0; i < 10; i++, counts.rewritten++) {
    const p = pick(truths).startContainer.parentElement?.closest('p');
    if (p) p.textContent = prose(200);
  }
  for (let i = 0; i < 30; i++) {
    const found = wordInside(pick(truths));
    if (!found) continue;
    const [node, offset, length] = found;
    node.replaceData(offset, length, nextRandom() < 0.5 ? 'reconsidered' : 'no');
    counts.inside++;
  }
  for (let i = 0; i < 30; i++) {
    const truth = pick(truths);
    if (truth.collapsed || truth.startContainer.nodeType !== 3) continue;
    const node = truth.startContainer as Text;
    const at = Math.max(0, truth.startOffset - 1 - Math.floor(nextRandom() * 20));
    node.insertData(at, 'actually ');
    counts.beside++;
  }
  return counts;
}
