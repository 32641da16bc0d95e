// Builds the extension for Chromium (dist/) or, with `--mode firefox`, for Firefox (dist-firefox/).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import { build, defineConfig, type Plugin } from 'vite';
import baseManifest from './manifest.json' with { type: 'json' };

const CONTENT_SCRIPT = 'src/content/main.ts';

// Firefox MV3 runs background scripts as an event page, not a service worker, and wants an id.
function firefoxManifest(): ManifestV3Export {
  return {
    ...baseManifest,
    background: { ...baseManifest.background, scripts: [baseManifest.background.service_worker] },
    browser_specific_settings: {
      // Nothing leaves the browser except to a sync server the person runs and connects.
      gecko: {
        id: 'decidedly@decidedly.dev',
        strict_min_version: '128.0',
        data_collection_permissions: { required: ['none'] },
      },
    },
  } as ManifestV3Export;
}

/**
 * The anchoring module as its own file, `anchoring.js`, which the content script imports only
 * when a page has decisions or a person captures (src/content/anchoring-loader.ts). It must be
 * web-accessible for that import; crx checks manifest entries against sources, so the entry is
 * added to the built manifest after crx wrote it.
 */
function lazyAnchoring(): Plugin {
  return {
    name: 'decidedly-lazy-anchoring',
    enforce: 'post',
    buildStart() {
      this.emitFile({
        type: 'chunk',
        id: 'src/anchoring/index.ts',
        fileName: 'anchoring.js',
        preserveSignature: 'strict',
      });
    },
    writeBundle(options) {
      const file = join(options.dir ?? 'dist', 'manifest.json');
      const json = JSON.parse(readFileSync(file, 'utf8'));
      json.web_accessible_resources?.[0]?.resources.push('anchoring.js');
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
      lazyAnchoring(),
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
