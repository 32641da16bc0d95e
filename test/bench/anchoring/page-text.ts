// Seeded randomness and prose for the benchmark page, so every run measures the same page and edits.

const WORDS = (
  'the a we to of and in that is for on it with as be this by are will not from or at our which team ' +
  'decision release customers beta review plan migrate database schema security legal support owner ' +
  'rationale risk tradeoff rollout flag cluster session backup region issuer retry payment invoice ' +
  'pricing annual monthly experiment metric target conversion refund quarter sprint deadline agreed ' +
  'approved blocked follow-up escalate budget vendor contract latency outage incident postmortem ' +
  'should could would because however although meanwhile instead design product engineering finance ' +
  'marketing sales operations leadership accountable consulted informed responsible stakeholder'
).split(' ');

let state = 20240611;

/** Deterministic uniform number in [0, 1). */
export function nextRandom(): number {
  state = (state * 48271) % 2147483647;
  return state / 2147483647;
}

/** About `chars` characters of sentence-like text. */
export function prose(chars: number): string {
  const out: string[] = [];
  let size = 0;
  let sentenceStart = true;
  while (size < chars) {
    let word = WORDS[Math.floor(nextRandom() * WORDS.length)]!;
    if (sentenceStart) word = word[0]!.toUpperCase() + word.slice(1);
    sentenceStart = nextRandom() < 0.09;
    if (sentenceStart) word += nextRandom() < 0.8 ? '.' : ',';
    out.push(word);
    size += word.length + 1;
  }
  return out.join(' ');
}

/** Text nodes under `root` in document order. */
export function textNodesIn(root: Node): Text[] {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
  return nodes;
}
