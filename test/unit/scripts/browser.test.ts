// `npm start`'s profile: the extension pinned to the toolbar (the popup one click away), without
// losing what the profile already holds.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { pinInProfile } from '../../../scripts/browser.mjs';

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));
const prefs = () => JSON.parse(readFileSync(join(dir, 'Default', 'Preferences'), 'utf8'));

describe('pinInProfile', () => {
  it('pins the extension in a new profile', () => {
    dir = mkdtempSync(join(tmpdir(), 'pin-'));
    pinInProfile(dir, 'abcdefghijklmnopabcdefghijklmnop');
    expect(prefs().extensions.pinned_extensions).toEqual(['abcdefghijklmnopabcdefghijklmnop']);
  });

  it('keeps the profile’s other preferences and pins, once each', () => {
    dir = mkdtempSync(join(tmpdir(), 'pin-'));
    mkdirSync(join(dir, 'Default'));
    writeFileSync(
      join(dir, 'Default', 'Preferences'),
      JSON.stringify({
        browser: { theme: 'dark' },
        extensions: { pinned_extensions: ['other'], ui: { x: 1 } },
      }),
    );
    pinInProfile(dir, 'ours');
    pinInProfile(dir, 'ours');
    expect(prefs()).toEqual({
      browser: { theme: 'dark' },
      extensions: { pinned_extensions: ['other', 'ours'], ui: { x: 1 } },
    });
  });
});
