// Builds the extension for Chromium (dist/) or, with `--mode firefox`, for Firefox (dist-firefox/).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import { defineConfig, type Plugin } from 'vite';
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

export default defineConfig(({ mode }) => {
  const firefox = mode === 'firefox';
  return {
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
    plugins: [
      crx({
        manifest: firefox ? firefoxManifest() : (baseManifest as ManifestV3Export),
        browser: firefox ? 'firefox' : 'chrome',
        // One self-contained file: no loader, no shared chunks pulled into every page.
        contentScripts: { standaloneFiles: [CONTENT_SCRIPT] },
      }),
      lazyAnchoring(),
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
