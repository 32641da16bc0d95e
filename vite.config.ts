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
  // Only when a page first paints a decision (src/content/sidebar-loader.ts).
  'hover-tip.js': 'src/content/hover-tip.ts',
  // Only when a person posts a decision to the page (src/content/sidebar-loader.ts).
  'page-post.js': 'src/content/page-post.ts',
  // Only when the sidebar's RACI editor asks who the page names (src/content/sidebar-loader.ts).
  'page-people.js': 'src/content/page-people.ts',
};

/** One self-contained file built on its own (no imports of shared chunks), in `outDir`. */
async function buildStandalone(
  entry: string,
  fileName: string,
  format: 'es' | 'iife',
  outDir: string,
  mode: string,
) {
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
      lib: { entry, formats: [format], name: 'decidedlyContent', fileName: () => fileName },
    },
  });
}

/**
 * The content script as one self-contained IIFE at `src/content/main.js`, and each on-demand
 * module as one self-contained ES module, all declared in the built manifest. crx's
 * standaloneFiles did the first, but passed Rollup's `inlineDynamicImports` to Vite 8's IIFE build,
 * which warned on every build that the option is ignored. The on-demand modules must import
 * nothing: with `use_dynamic_url` Chromium gives an imported module its static URL as base, so
 * a shared chunk it imported would be refused as not web-accessible.
 */
function contentScripts(mode: string): Plugin {
  const fileName = CONTENT_SCRIPT.replace(/\.ts$/, '.js');
  return {
    name: 'decidedly-content-scripts',
    apply: 'build',
    writeBundle: {
      sequential: true,
      order: 'post',
      async handler(options) {
        const outDir = options.dir ?? 'dist';
        await buildStandalone(CONTENT_SCRIPT, fileName, 'iife', outDir, mode);
        for (const [file, entry] of Object.entries(ON_DEMAND))
          await buildStandalone(entry, file, 'es', outDir, mode);
        const manifest = join(outDir, 'manifest.json');
        const json = JSON.parse(readFileSync(manifest, 'utf8'));
        json.content_scripts = baseManifest.content_scripts.map((c) => ({ ...c, js: [fileName] }));
        json.web_accessible_resources?.[0]?.resources.push(...Object.keys(ON_DEMAND));
        writeFileSync(manifest, JSON.stringify(json, null, 2));
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
      // Self-contained files: no loader, no shared chunks pulled into every page.
      contentScripts(mode),
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
