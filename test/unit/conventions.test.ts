// Conventions the compiler cannot check: the server stays out of the extension, user text never
// reaches HTML strings, Node-only modules stay out of code that ships to the browser, and the
// browser API (webextension-polyfill) is reached through one module.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
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

/** Every module `entry` loads through value imports (type-only imports load nothing), packages by name. */
function valueImports(entry: string, seen = new Set<string>()): Set<string> {
  if (seen.has(entry) || !existsSync(entry)) return seen;
  seen.add(entry);
  for (const m of source(entry).matchAll(
    /^(import|export)\s+(?!type\b)(?:[^'";]*?\sfrom\s*)?['"]([^'"]+)['"]/gm,
  )) {
    const spec = m[2] as string;
    if (!spec.startsWith('.')) {
      seen.add(spec);
      continue;
    }
    const base = resolve(dirname(entry), spec);
    const file = [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')].find(
      (c) => existsSync(c) && /\.tsx?$/.test(c),
    );
    if (file) valueImports(file, seen);
  }
  return seen;
}

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

  it('the frames in a web page do not load the database at all, not even through a shared module', () => {
    // Dexie and the exporters were a third of the sidebar's start-up (docs/benchmarks.md), loaded
    // through ui/data-source.ts's default and ui/save-errors.ts though never used there.
    for (const entry of ['src/sidebar/main.tsx', 'src/tooltip/main.tsx']) {
      const reached = valueImports(join(ROOT, entry));
      const offenders = [...reached].filter((f) =>
        /^dexie$|storage[/\\]db\.ts$|core[/\\]export[/\\]/.test(f),
      );
      expect(
        offenders.map((f) => (f.startsWith(ROOT) ? relative(ROOT, f) : f)),
        entry,
      ).toEqual([]);
    }
  });
});
