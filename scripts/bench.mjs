// `npm run bench`: builds, prints the gzip size of each built entry, then runs every
// test/bench/*.bench.ts (each prints its figures and writes bench-results/<name>.json), then a reduced
// run of the shared anchor-bench (real pages, side by side with two peers) and prints its summary line.
import { execSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

execSync('npx vite build --logLevel warn', { stdio: 'inherit' });
const manifest = JSON.parse(readFileSync('dist/manifest.json', 'utf8'));

// An entry's cost is its own file plus the chunks it imports (statically, transitively).
function closure(file, seen = new Set()) {
  if (seen.has(file)) return seen;
  seen.add(file);
  const text = readFileSync(join('dist', file), 'utf8');
  for (const m of text.matchAll(/(?:import|from)\s*["'`](\.{0,2}\/?[^"'`]+\.js)["'`]/g)) {
    const rel = m[1].startsWith('/') ? m[1].slice(1) : join(file, '..', m[1]);
    try {
      statSync(join('dist', rel));
      closure(rel, seen);
    } catch {}
  }
  return seen;
}
const gz = (files) => [...files].reduce((n, f) => n + gzipSync(readFileSync(join('dist', f))).length, 0);
const htmlEntry = (page) => {
  const html = readFileSync(join('dist', page), 'utf8');
  return [...html.matchAll(/src="\/([^"]+\.js)"/g)].map((m) => m[1]);
};
const swLoader = readFileSync(join('dist', manifest.background.service_worker), 'utf8');
const sizes = {
  content: gz(closure(manifest.content_scripts[0].js[0])),
  // Loaded by the content script only on pages with decisions or when capturing.
  'anchoring (on demand)': gz(['anchoring.js']),
  // Loaded by the content script when a person first opens the sidebar.
  'sidebar host (on demand)': gz(closure('sidebar-host.js')),
  // Loaded by the content script when a person posts a decision to the page.
  'page post (on demand)': gz(['page-post.js']),
  background: gz(
    closure(/import\s*['"]\.\/([^'"]+)['"]/.exec(swLoader)?.[1] ?? manifest.background.service_worker),
  ),
};
for (const page of ['popup', 'sidebar', 'options', 'log', 'tooltip']) {
  const files = new Set();
  for (const f of htmlEntry(`src/${page}/index.html`)) closure(f, files);
  sizes[page] = gz(files);
}
console.log('\nBuilt entries (gzip, with the chunks each loads):');
for (const [entry, bytes] of Object.entries(sizes))
  console.log(`  ${entry.padEnd(22)} ${(bytes / 1024).toFixed(1)} KB`);
console.log(`  (budget: content script ≤ 12 KB)`);
mkdirSync('bench-results', { recursive: true });
writeFileSync('bench-results/size.json', JSON.stringify({ gzipBytes: sizes }, null, 2));

const only = process.argv.slice(2);
for (const file of readdirSync('test/bench')
  .filter((f) => f.endsWith('.bench.ts'))
  .sort()) {
  if (only.length && !only.some((o) => file.includes(o))) continue;
  console.log(`\n▶ ${file}`);
  const result = spawnSync('npx', ['tsx', join('test/bench', file)], { stdio: 'inherit' });
  if (result.status !== 0) console.log(`  ${file} failed (exit ${result.status})`);
}

// The shared real-page anchoring benchmark (../shared/anchor-bench, outside this repository). The whole
// corpus takes about 8 minutes on 2 cores, so `npm run bench` runs a reduced, seeded slice of it:
// 30 pages evenly spread, 10 quotes each, all three implementations, the 1 MB big page included.
// ANCHOR_BENCH_ARGS replaces those options (e.g. "" for the whole corpus); docs/benchmarks.md has a full run.
const anchorBench = join('..', 'shared', 'anchor-bench', 'run.sh');
if ((!only.length || only.some((o) => 'anchor-bench'.includes(o))) && existsSync(anchorBench)) {
  const args = (process.env.ANCHOR_BENCH_ARGS ?? '--pages 30 --quotes 10').split(' ').filter(Boolean);
  console.log(
    `\n▶ anchor-bench (${args.join(' ') || 'whole corpus'}; tables in bench-results/anchor-bench.md)`,
  );
  const run = spawnSync(anchorBench, ['.', ...args, '--quiet', '--out', 'bench-results/anchor-bench.json'], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  writeFileSync('bench-results/anchor-bench.md', run.stdout ?? '');
  const lines = (run.stdout ?? '').trim().split('\n');
  if (run.status === 0) console.log(`  ${lines[lines.length - 1]}`);
  else
    console.log(`  anchor-bench failed (exit ${run.status}): ${(run.stderr ?? '').trim().split('\n').pop()}`);
}

// Mutation testing is too slow for a benchmark run; its committed results are read, not rerun.
if (!only.length || only.some((o) => 'mutation'.includes(o))) {
  console.log('\n▶ mutation score (from test/mutation/incremental.json; `npm run test:mutation` updates it)');
  spawnSync('node', ['scripts/mutation-score.mjs'], { stdio: 'inherit' });
}
