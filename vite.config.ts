/**
 * `npm start`: the demo page (index.html) with the local dev model on the same origin.
 * `npm run build`, four passes selected by mode:
 *   (default) dist/index.js + dist/core.js   ESM for bundlers, dependencies left as imports; the lazy
 *                                            parts are chunks in dist/lib/ the host's bundler splits off
 *   dropin    dist/stream-chat.js            the drop-in ES module: what the first paint needs, and its
 *             dist/parts/*.js                lazy parts beside it (markdown, SDK and providers,
 *                                            highlight.js core and grammars, zod's JSON Schema export)
 *   iife      dist/stream-chat.iife.js       the classic-script drop-in: loads stream-chat.js from its own URL
 *   bundle    dist/stream-chat.bundle.js     everything in one self-contained ES module
 * Every lazy part is a dynamic import() in the source (see src/core/lazy-part.ts); the builds decide
 * whether it becomes a file beside the script, a chunk for the host's bundler, or is folded in.
 * `node scripts/size.mjs` reports the sizes and enforces the budgets.
 */
import { readFileSync } from 'node:fs';
import { defineConfig } from 'vite';
import { devModelPlugin } from './dev-model/vite-plugin.js';
import { openaiUsedResources } from './scripts/openai-used-resources.js';
import { compactCss } from './scripts/compact-css.js';
import { compactHtml } from './scripts/compact-html.js';

/** The package's own dependencies (and their subpaths, and lit's parts) stay imports in the bundler build. */
const dependencies = Object.keys(JSON.parse(readFileSync('package.json', 'utf8')).dependencies);
const external = (id: string) =>
  id.startsWith('@lit/') || dependencies.some((name) => id === name || id.startsWith(`${name}/`));

export default defineConfig(({ mode }) => {
  const plugins = [devModelPlugin()];
  if (mode === 'dropin' || mode === 'bundle') {
    const single = mode === 'bundle';
    // The SDK's client with the resources the providers call only (see the plugin).
    plugins.push(openaiUsedResources());
    // The CSS in template literals without comments and layout whitespace (see the plugin).
    plugins.push(compactCss());
    // Lit's templates without their layout indentation (see the plugin).
    plugins.push(compactHtml());
    // Not lib mode: Vite keeps whitespace in ES libraries for bundlers, but these files are for a <script>.
    return {
      plugins,
      // Files the parts use (KaTeX's fonts) are found from the part's own URL, beside it in parts/.
      base: './',
      build: {
        emptyOutDir: false,
        minify: true,
        // Maps beside the files, not named in them: each file a visitor loads is a comment shorter (0.3 KB over a
        // first answer); DevTools takes a map added by hand, and error trackers take them on upload.
        sourcemap: 'hidden' as const,
        assetsDir: 'parts',
        // Parts are found by the browser's own module resolution (relative to stream-chat.js), without
        // Vite's preload helper: nothing injected, nothing to trust under Trusted Types.
        modulePreload: false,
        // Which file holds which module, for scripts/size.mjs (the budgets follow the real chunk graph).
        manifest: single ? false : 'parts/manifest.json',
        rollupOptions: {
          input: 'src/standalone.ts',
          // The entry may export internals to its parts, so the first load is one file, not a few shared chunks.
          preserveEntrySignatures: 'allow-extension' as const,
          output: single
            ? { format: 'es' as const, entryFileNames: 'stream-chat.bundle.js', codeSplitting: false }
            : { format: 'es' as const, entryFileNames: 'stream-chat.js', chunkFileNames: 'parts/[name]-[hash].js' },
        },
      },
    };
  }
  if (mode === 'iife') {
    return {
      plugins,
      build: {
        emptyOutDir: false,
        minify: true,
        sourcemap: true,
        lib: {
          entry: 'src/iife.ts',
          name: 'StreamChatLoader',
          formats: ['iife' as const],
          fileName: () => 'stream-chat.iife.js',
        },
      },
    };
  }
  if (mode === 'production') {
    return {
      plugins,
      build: {
        emptyOutDir: true,
        minify: false,
        sourcemap: true,
        lib: {
          entry: { index: 'src/index.ts', core: 'src/core/index.ts' },
          formats: ['es'],
        },
        rollupOptions: { external, output: { chunkFileNames: 'lib/[name]-[hash].js' } },
      },
    };
  }
  return { plugins, server: { port: 5173 } };
});
