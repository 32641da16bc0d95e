// Conventions the compiler cannot check: the server stays out of the extension, user text never
// reaches HTML strings, Node-only modules stay out of code that ships to the browser, and the
// browser API (webextension-polyfill) is reached through one module.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}
const extension = files(join(ROOT, 'src')).filter((f) => !relative(ROOT, f).startsWith('src/server/'));
const source = (f: string) => readFileSync(f, 'utf8');

describe('conventions', () => {
  it('extension code never imports the server', () => {
    const offenders = extension.filter(
      (f) => /from\s+['"][./]*(\.\.\/)+server\//.test(source(f)) || /src\/server/.test(source(f)),
    );
    expect(offenders.map((f) => relative(ROOT, f))).toEqual([]);
  });

  it('extension code builds no HTML from strings', () => {
    const offenders = extension.filter((f) =>
      /\.innerHTML\s*=|outerHTML\s*=|insertAdjacentHTML|dangerouslySetInnerHTML/.test(source(f)),
    );
    expect(offenders.map((f) => relative(ROOT, f))).toEqual([]);
  });

  it('extension code uses no Node built-ins', () => {
    const offenders = extension.filter((f) => /from\s+['"]node:/.test(source(f)));
    expect(offenders.map((f) => relative(ROOT, f))).toEqual([]);
  });

  it('every context reaches the browser API through src/messaging/browser-api.ts', () => {
    const offenders = extension.filter(
      (f) =>
        !f.endsWith(join('messaging', 'browser-api.ts')) &&
        (/\bchrome\.[a-z]+\.|globalThis\.(browser|chrome)\b/.test(source(f)) ||
          /^import\s+(?!type\b)[^;]*from\s+['"]webextension-polyfill['"]/m.test(source(f))),
    );
    expect(offenders.map((f) => relative(ROOT, f))).toEqual([]);
  });

  it('the content script reaches neither IndexedDB nor Zod', () => {
    const content = files(join(ROOT, 'src/content'));
    const offenders = content.filter((f) =>
      /storage\/(db|context|write)|from ['"]zod|from ['"]dexie/.test(source(f)),
    );
    expect(offenders.map((f) => relative(ROOT, f))).toEqual([]);
  });

  it('frames inside a web page (sidebar, tooltip) touch no storage: they talk to the background', () => {
    // DESIGN §5: an extension frame in a page is third-party to the browser (its IndexedDB may be
    // blocked) and in Firefox has content-script APIs only. Reads and writes go over the port.
    const frames = [...files(join(ROOT, 'src/sidebar')), ...files(join(ROOT, 'src/tooltip'))];
    const offenders = frames.filter((f) =>
      /from\s+['"][./]*\/storage\/|from\s+['"]dexie|ui\/use-live['"]|storage\.(session|local|sync)|indexedDB/.test(
        source(f),
      ),
    );
    expect(offenders.map((f) => relative(ROOT, f))).toEqual([]);
  });
});
