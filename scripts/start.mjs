// `npm start`: builds the extension and opens Chromium with it loaded on a demo ticket page
// (a realistic Jira issue, served locally at its real-looking URL — nothing goes online).
import { execSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { findBrowser, HOW_TO_INSTALL } from './browser.mjs';

const DIST = resolve('dist');
const PAGES = resolve('test/fixtures/pages');
const DEMO = {
  'https://acme.atlassian.net/browse/ACME-7': 'jira-issue.html',
  'https://github.com/acme/checkout/pull/42': 'github-pr.html',
  'https://github.com/acme/checkout/pull/42/files': 'github-pr.html',
  'https://www.notion.so/acme/Session-storage-decision-0f3c2b7a9d4e4c1b8a6f5e2d1c0b9a87': 'notion-page.html',
};

console.log('Building the extension…');
execSync('npx vite build --logLevel warn', { stdio: 'inherit' });

const manual = `Load it by hand: open chrome://extensions, turn on Developer mode, "Load unpacked" and pick ${DIST}
(Firefox: npm run build:firefox, then about:debugging → Load Temporary Add-on → dist-firefox/manifest.json).`;

const browser = findBrowser();
const hasDisplay = process.platform !== 'linux' || !!process.env.DISPLAY || !!process.env.WAYLAND_DISPLAY;
if (!browser || !hasDisplay) {
  console.log(browser ? 'No display found to open a browser window.' : HOW_TO_INSTALL);
  console.log(manual);
  process.exit(0);
}

const profile = resolve('.data/start-profile');
mkdirSync(profile, { recursive: true });
const context = await chromium.launchPersistentContext(profile, {
  executablePath: browser,
  headless: false,
  viewport: null,
  args: [
    `--disable-extensions-except=${DIST}`,
    `--load-extension=${DIST}`,
    '--no-first-run',
    '--disable-background-networking',
  ],
});
// The demo pages answer at their real URLs; other requests of theirs go nowhere.
await context.route(/^https:\/\/(acme\.atlassian\.net|github\.com|www\.notion\.so)\//, (route) => {
  const file = DEMO[route.request().url().split('#')[0]];
  if (file && route.request().resourceType() === 'document') {
    return route.fulfill({
      status: 200,
      contentType: 'text/html',
      body: readFileSync(join(PAGES, file), 'utf8'),
    });
  }
  return route.fulfill({ status: 404, body: '' });
});
const page = context.pages()[0] ?? (await context.newPage());
await page.goto(Object.keys(DEMO)[0]);
console.log(`Decidedly is running on a demo Jira issue. Select text and press "Log decision" (Alt+Shift+D);
Alt+Shift+S toggles the sidebar. Other demo pages: ${Object.keys(DEMO).slice(1).join(', ')}
Close the browser window to stop.`);
context.on('close', () => process.exit(0));
