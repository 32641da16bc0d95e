// Builds the extension once before the end-to-end tests (npm test builds it first; a developer
// running `vitest --project e2e` alone gets a fresh build too).
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { CHROMIUM, DIST } from './harness';

export default function setup() {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `No Chromium at ${CHROMIUM}. Install one (apt-get install -y chromium) or set CHROME_PATH.`,
    );
  }
  if (process.env.DECIDEDLY_SKIP_BUILD !== '1') {
    execSync(`npx vite build --logLevel error --outDir "${DIST}"`, { stdio: 'inherit' });
  }
}
