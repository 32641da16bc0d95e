// Builds the Firefox add-on before its end-to-end tests (npm test builds it in an earlier step
// and sets DECIDEDLY_SKIP_BUILD=1), after checking that Firefox is there.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { DIST_FIREFOX, FIREFOX, HOW_TO_INSTALL_FIREFOX } from './harness';

export default function setup() {
  if (!existsSync(FIREFOX)) throw new Error(HOW_TO_INSTALL_FIREFOX);
  if (process.env.DECIDEDLY_SKIP_BUILD !== '1') {
    execSync(`npx vite build --mode firefox --logLevel error --outDir "${DIST_FIREFOX}"`, {
      stdio: 'inherit',
    });
  }
}
