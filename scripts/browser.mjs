// Finds a Chromium-family browser on this machine, or says how to get one.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

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

/**
 * The id Chromium gives an unpacked extension loaded from `dir`: the first 32 hex digits of the
 * SHA-256 of its absolute path, each digit written as a letter a–p.
 */
export function unpackedExtensionId(dir) {
  const hex = createHash('sha256').update(resolve(dir)).digest('hex').slice(0, 32);
  return [...hex].map((c) => String.fromCharCode(97 + Number.parseInt(c, 16))).join('');
}

/** Pins the extension to the toolbar in a profile (Preferences' extensions.pinned_extensions). */
export function pinInProfile(profileDir, extensionId) {
  const file = join(profileDir, 'Default', 'Preferences');
  mkdirSync(dirname(file), { recursive: true });
  let prefs = {};
  try {
    prefs = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    // A new profile: Chromium fills in the rest on first start.
  }
  const pinned = new Set(prefs.extensions?.pinned_extensions ?? []);
  pinned.add(extensionId);
  prefs.extensions = { ...prefs.extensions, pinned_extensions: [...pinned] };
  writeFileSync(file, JSON.stringify(prefs));
}

/** Chromium refuses to start as root without --no-sandbox, and shows a warning bar with it otherwise. */
export const needsNoSandbox = () => process.platform === 'linux' && process.getuid?.() === 0;
