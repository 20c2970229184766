// Browser tests: real Chromium (the system's), real IndexedDB, and the project's own dev model
// served on the same origin, so tests need no key and no network.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { build } from 'esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { CHROME_ARGS, findOrInstallChrome } from './scripts/find-chrome.mjs';
import { devModelMiddleware, devModelPlugin } from './dev-model/wtr-plugin.ts';
import { dropInMiddleware, dropInServerPlugin } from './test/build/drop-in-server.ts';

const executablePath = findOrInstallChrome();

// highlight.js ships its core only as CommonJS (es/core.js re-exports lib/core.js, which has no require()):
// Vite converts it, this server does not, so wrap it as an ES module here.
const highlightCoreAsEsm = {
  name: 'highlight-core-esm',
  transform(context) {
    if (context.path.endsWith('/highlight.js/lib/core.js')) {
      return { body: `const module = { exports: {} };\n${context.body}\nexport default module.exports;` };
    }
  },
};

// The MCP SDK's client validates tool output with ajv and reads media types with content-type, which
// ship only as CommonJS: Vite converts them for the builds; here esbuild bundles each such package into
// one ES module with a default export.
const COMMONJS_ONLY = ['ajv', 'ajv-formats', 'content-type'];
const commonJsAsEsm = {
  name: 'commonjs-as-esm',
  resolveImport({ source }) {
    if (COMMONJS_ONLY.includes(source)) return `/__commonjs__/${source}.js`;
  },
  async serve(context) {
    const name = context.path.match(/^\/__commonjs__\/(.+)\.js$/)?.[1];
    if (!name || !COMMONJS_ONLY.includes(name)) return undefined;
    const out = await build({
      stdin: { contents: `export { default } from '${name}';`, resolveDir: process.cwd() },
      bundle: true,
      format: 'esm',
      platform: 'browser',
      write: false,
    });
    return { body: out.outputFiles[0].text, type: 'js' };
  },
};

/**
 * `executeServerCommand('while-offline', { run })`: puts the browser in its own offline mode (DevTools'
 * "Offline": `navigator.onLine` false, every request fails), calls `window[run]()` in the page, goes
 * back online and returns what it returned. The call goes through DevTools, not the runner's socket,
 * which carries nothing while the browser is offline.
 */
const whileOfflineCommand = {
  name: 'while-offline',
  async executeCommand({ command, payload, session }) {
    if (command !== 'while-offline') return undefined;
    const page = session.browser.getPage(session.id);
    await page.setOfflineMode(true);
    try {
      return await page.evaluate((name) => window[name](), String(payload.run));
    } finally {
      await page.setOfflineMode(false);
    }
  },
};

export default {
  files: ['test/**/*.test.ts', '!test/**/*.node.test.ts'],
  // The browser build of packages that ship one (the MCP SDK's pkce-challenge has only browser and node ones).
  nodeResolve: { exportConditions: ['browser'] },
  middleware: [devModelMiddleware(), dropInMiddleware()],
  // One test file at a time: a page the runner puts in the background gets no animation frames and no
  // resize observations, which is not what a user looking at the widget sees.
  concurrency: 1,
  concurrentBrowsers: 1,
  testsFinishTimeout: 240_000,
  browserStartTimeout: 60_000,
  testFramework: { config: { timeout: 20_000 } },
  plugins: [
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: './tsconfig.json' }),
    devModelPlugin(),
    highlightCoreAsEsm,
    commonJsAsEsm,
    dropInServerPlugin(),
    whileOfflineCommand,
  ],
  browsers: [chromeLauncher({ launchOptions: { executablePath, headless: true, args: CHROME_ARGS } })],
};
