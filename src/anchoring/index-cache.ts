// One text index per root and DOM version (DESIGN §3): calls of `describeRange` and `anchor` in one
// run of script share it, instead of each walking and style-checking the whole page again (hundreds
// of milliseconds on a 1 MB page). A DOM change under the root, seen by a MutationObserver, makes it
// stale at once. It is dropped when the current run of script ends (at its microtask checkpoint):
// what is visible can change without any DOM mutation (a media query, `:hover`, a stylesheet outside
// the root), and the next task may be the user's, so no index outlives the script that built it.
import { buildGramIndex, type GramIndex } from './gram-index';
import { watchText } from './schedule';
import { buildTextIndex, type TextIndex } from './text-index';

type Entry = { index: TextIndex; grams: GramIndex | null; watch: ReturnType<typeof watchText> };

const cache = new Map<Element, Entry>();

/** The text index of `root` as the DOM stands now, built at most once per run of script and DOM version. */
export function currentIndex(root: Element): TextIndex {
  return entryFor(root).index;
}

/** The gram index of `currentIndex(root)`, likewise shared. */
export function currentGrams(root: Element): GramIndex {
  const entry = entryFor(root);
  entry.grams ??= buildGramIndex(entry.index.text);
  return entry.grams;
}

function entryFor(root: Element): Entry {
  const entry = cache.get(root);
  if (entry && !entry.watch.changed()) return entry;
  if (cache.size === 0) queueMicrotask(dropAll);
  // A stale entry's observer has just reported the change and goes on watching for the next one.
  const fresh: Entry = { index: buildTextIndex(root), grams: null, watch: entry?.watch ?? watchText(root) };
  cache.set(root, fresh);
  return fresh;
}

function dropAll(): void {
  for (const entry of cache.values()) entry.watch.stop();
  cache.clear();
}
