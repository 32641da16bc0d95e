// Installs the npm dependencies when they are missing or older than the lock file, so a fresh
// clone needs nothing but `npm start` or `npm test`.
import { execSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';

const lock = 'package-lock.json';
const installed = 'node_modules/.package-lock.json';
const stale =
  !existsSync(installed) || (existsSync(lock) && statSync(lock).mtimeMs > statSync(installed).mtimeMs + 1000);
if (stale) {
  // npm install, not npm ci: see .ci/run (the lock cannot list other platforms' binaries).
  console.log('Installing dependencies (npm install)…');
  execSync('npm install --no-audit --no-fund', { stdio: 'inherit' });
}
