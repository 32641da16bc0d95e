// Prints the mutation score recorded in Stryker's committed incremental file (test/mutation/
// incremental.json, written by `npm run test:mutation`): per file and over all files it holds.
// Score = killed (or timed out) / (killed + timed out + survived + no coverage); mutants marked
// equivalent in the source (`Stryker disable … : reason`) are left out, as Stryker does.
import { existsSync, readFileSync } from 'node:fs';

const FILE = 'test/mutation/incremental.json';

function mutationScores(file = FILE) {
  if (!existsSync(file)) return null;
  const report = JSON.parse(readFileSync(file, 'utf8'));
  const rows = [];
  const total = { detected: 0, valid: 0, ignored: 0 };
  for (const [name, { mutants }] of Object.entries(report.files ?? {}).sort(([a], [b]) => (a < b ? -1 : 1))) {
    const count = (...statuses) => mutants.filter((m) => statuses.includes(m.status)).length;
    const detected = count('Killed', 'Timeout');
    const valid = detected + count('Survived', 'NoCoverage');
    const ignored = count('Ignored');
    rows.push({ file: name, detected, valid, ignored, score: valid ? (100 * detected) / valid : 100 });
    total.detected += detected;
    total.valid += valid;
    total.ignored += ignored;
  }
  return { rows, total: { ...total, score: total.valid ? (100 * total.detected) / total.valid : 100 } };
}

const scores = mutationScores();
if (!scores) {
  console.log(`  no ${FILE}: run \`npm run test:mutation\` first`);
} else {
  for (const r of scores.rows) {
    console.log(
      `  ${r.file.padEnd(36)} ${r.score.toFixed(1).padStart(5)} %  (${r.detected}/${r.valid}, ${r.ignored} equivalent)`,
    );
  }
  const t = scores.total;
  console.log(`  ${'all files'.padEnd(36)} ${t.score.toFixed(1).padStart(5)} %  (${t.detected}/${t.valid})`);
}
