// Builds the extension for Chromium (dist/) or, with `--mode firefox`, for Firefox (dist-firefox/).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import { build, defineConfig, type Plugin } from 'vite';
import baseManifest from './manifest.json' with { type: 'json' };

const CONTENT_SCRIPT = 'src/content/main.ts';

/** The add-on's id in Firefox: fixed, so storage and the moz-extension UUID survive reinstalls. */
export const GECKO_ID = 'decidedly@decidedly.dev';

// Firefox MV3 runs background scripts as an event page, not a service worker, and wants an id.
function firefoxManifest(): ManifestV3Export {
  return {
    ...baseManifest,
    background: { ...baseManifest.background, scripts: [baseManifest.background.service_worker] },
    browser_specific_settings: {
      gecko: {
        id: GECKO_ID,
        // 140 is the first Firefox with the CSS Custom Highlight API (highlights are painted with
        // it) and with data_collection_permissions; Firefox for Android has the latter from 142.
        strict_min_version: '140.0',
        // Nothing leaves the browser except to a sync server the person runs and connects.
        data_collection_permissions: { required: ['none'] },
      },
      gecko_android: { strict_min_version: '142.0' },
    },
  } as ManifestV3Export;
}

/** Modules the content script imports on demand, by their built file names. */
const ON_DEMAND = {
  // Only when a page has decisions or a person captures (src/content/anchoring-loader.ts).
  'anchoring.js': 'src/anchoring/index.ts',
  // Only when a person opens the sidebar (src/content/sidebar-loader.ts).
  'sidebar-host.js': 'src/content/sidebar-host.ts',
};

/**
 * Each on-demand module as its own file, which the content script imports by URL. It and the
 * chunks it imports must be web-accessible for that import; crx checks manifest entries against
 * sources, so they are added to the built manifest after crx wrote it.
 */
function onDemandModules(): Plugin {
  return {
    name: 'decidedly-on-demand-modules',
    enforce: 'post',
    buildStart() {
      for (const [fileName, id] of Object.entries(ON_DEMAND))
        this.emitFile({ type: 'chunk', id, fileName, preserveSignature: 'strict' });
    },
    writeBundle(options, bundle) {
      const needed = new Set<string>();
      const add = (file: string) => {
        const chunk = bundle[file];
        if (needed.has(file) || !chunk || chunk.type !== 'chunk') return;
        needed.add(file);
        for (const imported of chunk.imports) add(imported);
      };
      for (const fileName of Object.keys(ON_DEMAND)) add(fileName);
      const file = join(options.dir ?? 'dist', 'manifest.json');
      const json = JSON.parse(readFileSync(file, 'utf8'));
      json.web_accessible_resources?.[0]?.resources.push(...needed);
      writeFileSync(file, JSON.stringify(json, null, 2));
    },
  };
}

/**
 * The content script as one self-contained IIFE at `src/content/main.js`, declared in the built
 * manifest. crx's standaloneFiles did the same, but passed Rollup's `inlineDynamicImports` to
 * Vite 8's IIFE build, which warned on every build that the option is ignored.
 */
function contentScriptIife(mode: string): Plugin {
  const fileName = CONTENT_SCRIPT.replace(/\.ts$/, '.js');
  return {
    name: 'decidedly-content-iife',
    apply: 'build',
    writeBundle: {
      sequential: true,
      order: 'post',
      async handler(options) {
        const outDir = options.dir ?? 'dist';
        await build({
          configFile: false,
          mode,
          logLevel: 'warn',
          build: {
            outDir,
            emptyOutDir: false,
            copyPublicDir: false,
            target: 'es2022',
            sourcemap: false,
            lib: {
              entry: CONTENT_SCRIPT,
              formats: ['iife'],
              name: 'decidedlyContent',
              fileName: () => fileName,
            },
          },
        });
        const file = join(outDir, 'manifest.json');
        const json = JSON.parse(readFileSync(file, 'utf8'));
        json.content_scripts = baseManifest.content_scripts.map((c) => ({ ...c, js: [fileName] }));
        writeFileSync(file, JSON.stringify(json, null, 2));
      },
    },
  };
}

/** The manifest crx sees: the content script is built and declared by contentScriptIife. */
const withoutContentScripts = (m: ManifestV3Export): ManifestV3Export => {
  const { content_scripts: _, ...rest } = m as ManifestV3Export & { content_scripts?: unknown };
  return rest as ManifestV3Export;
};

export default defineConfig(({ mode }) => {
  const firefox = mode === 'firefox';
  return {
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
    plugins: [
      crx({
        manifest: withoutContentScripts(firefox ? firefoxManifest() : (baseManifest as ManifestV3Export)),
        browser: firefox ? 'firefox' : 'chrome',
      }),
      onDemandModules(),
      // One self-contained file: no loader, no shared chunks pulled into every page.
      contentScriptIife(mode),
    ],
    build: {
      outDir: firefox ? 'dist-firefox' : 'dist',
      emptyOutDir: true,
      target: 'es2022',
      sourcemap: false,
      rollupOptions: {
        // Pages reached only through web_accessible_resources or tabs.create must be listed.
        input: {
          sidebar: 'src/sidebar/index.html',
          tooltip: 'src/tooltip/index.html',
          log: 'src/log/index.html',
        },
      },
    },
    server: { port: 5173, strictPort: true, hmr: { port: 5173 } },
  };
});
