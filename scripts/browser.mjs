// Finds a Chromium-family browser on this machine, or says how to get one.
import { existsSync } from 'node:fs';

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

export function findBrowser() {
  if (process.env.CHROME_PATH) return existsSync(process.env.CHROME_PATH) ? process.env.CHROME_PATH : null;
  return CANDIDATES.find((p) => existsSync(p)) ?? null;
}

export const HOW_TO_INSTALL = [
  'No Chromium or Chrome was found.',
  '  Debian/Ubuntu:  sudo apt-get install -y chromium',
  '  macOS:          install Google Chrome, or `brew install --cask chromium`',
  '  Elsewhere:      set CHROME_PATH=/path/to/chrome',
].join('\n');
