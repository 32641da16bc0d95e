// Runs inside the benchmark page (bundled by anchoring.bench.ts): builds a ~1 MB-text conversation
// page with DOM APIs, picks quotes, edits the page, and classifies anchoring results against live
// "truth" ranges, which the DOM itself keeps pointing at each quote through every edit.
import type * as Anchoring from '../../../src/anchoring/index';
import type { AnchorResult } from '../../../src/anchoring/index';
import { comment, element } from './page-comment';
import { editPage } from './page-edits';
import { classify, type Quote } from './page-score';
import { nextRandom, textNodesIn } from './page-text';

declare global {
  interface Window {
    DecidedlyAnchoring: typeof Anchoring;
    bench: typeof bench;
  }
}

const quotes: Quote[] = [];
let root: HTMLElement;
let last: (AnchorResult | null)[] = [];

/** Builds the page until its text reaches `chars`; returns counts that describe it. */
function build(chars: number): { textChars: number; elements: number; textNodes: number } {
  root = element('main');
  const nav = element('nav');
  nav.append(element('a', 'Your work'), element('a', 'Projects'), element('button', 'Create'));
  document.body.append(nav, root);
  let n = 0;
  while ((root.textContent?.length ?? 0) < chars) {
    const batch = document.createDocumentFragment();
    for (let i = 0; i < 200; i++) batch.append(comment(n++));
    root.append(batch);
    const script = element('script', JSON.stringify({ page: n, flags: { a: true } }));
    script.type = 'application/json';
    root.append(script);
  }
  return {
    textChars: root.textContent?.length ?? 0,
    elements: root.getElementsByTagName('*').length,
    textNodes: textNodesIn(root).length,
  };
}

/** Picks `count` quotes of 3 to 30 words inside comment bodies, some spanning two blocks. */
function pickQuotes(count: number): number {
  const bodies = root.querySelectorAll('.comment-body');
  const started = performance.now();
  while (quotes.length < count) {
    const body = bodies[Math.floor(nextRandom() * bodies.length)]!;
    const nodes = textNodesIn(body).filter((t) => t.parentElement?.closest('[style]') === null);
    const joined = nodes.map((t) => t.data).join('');
    const words = [...joined.matchAll(/\S+/g)];
    if (words.length < 40) continue;
    const first = Math.floor(nextRandom() * (words.length - 35));
    const last = first + 2 + Math.floor(nextRandom() * 28);
    const from = words[first]!.index;
    const to = words[last]!.index + words[last]![0].length;
    const range = document.createRange();
    let offset = 0;
    for (const node of nodes) {
      const end = offset + node.data.length;
      if (from >= offset && from < end) range.setStart(node, from - offset);
      if (to > offset && to <= end) range.setEnd(node, to - offset);
      offset = end;
    }
    const selectors = window.DecidedlyAnchoring.describeRange(root, range);
    quotes.push({ selectors, truth: range, length: selectors.quote.exact.length });
  }
  return performance.now() - started;
}

/** Times one `anchorAll` over every quote and collects the long tasks the browser reports meanwhile. */
async function anchorPass(): Promise<{ ms: number; longTasks: number[]; results: (AnchorResult | null)[] }> {
  const longTasks: number[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) longTasks.push(entry.duration);
  });
  observer.observe({ type: 'longtask', buffered: false });
  const started = performance.now();
  const results = await window.DecidedlyAnchoring.anchorAll(
    root,
    quotes.map((q) => q.selectors),
  );
  const ms = performance.now() - started;
  // Long-task entries are delivered after the task ends: give the observer one more turn.
  await new Promise((resolve) => setTimeout(resolve, 50));
  observer.disconnect();
  return { ms, longTasks, results };
}

export const bench = {
  build,
  pickQuotes,
  /** Times a pass; its results are judged by `judgeLast`, outside the traced stretch. */
  anchorPass: async () => {
    const { results, ...timing } = await anchorPass();
    last = results;
    return timing;
  },
  judgeLast: () => classify(quotes, last),
  /** A fixed pure-JS workload (no DOM), so runs on different machines can be put side by side. */
  calibrate: () => {
    let hash = 0;
    for (let i = 0; i < 20_000_000; i++) hash = (Math.imul(hash, 31) + i) | 0;
    return hash;
  },
  describeOnce: () => {
    const started = performance.now();
    window.DecidedlyAnchoring.describeRange(root, quotes[0]!.truth);
    return performance.now() - started;
  },
  edit: () =>
    editPage(
      root,
      quotes.map((q) => q.truth),
    ),
};
window.bench = bench;
