/**
 * `npm start`: the demo page (index.html) with the local dev model on the same origin.
 * `npm run build`, three passes selected by mode:
 *   (default) dist/index.js + dist/core.js   ESM for bundlers, dependencies left as imports
 *   bundle    dist/stream-chat.js            one self-contained ES module
 *   iife      dist/stream-chat.iife.js       one self-contained classic script, window.StreamChat
 */
import { readFileSync } from 'node:fs';
import { defineConfig } from 'vite';
import { devModelPlugin } from './dev-model/vite-plugin.js';

/** The package's own dependencies (and their subpaths, and lit's parts) stay imports in the bundler build. */
const dependencies = Object.keys(JSON.parse(readFileSync('package.json', 'utf8')).dependencies);
const external = (id: string) =>
  id.startsWith('@lit/') || dependencies.some((name) => id === name || id.startsWith(`${name}/`));

export default defineConfig(({ mode }) => {
  const plugins = [devModelPlugin()];
  if (mode === 'bundle') {
    // Not lib mode: Vite keeps whitespace in ES libraries for bundlers, but this file is for a <script>.
    return {
      plugins,
      build: {
        emptyOutDir: false,
        minify: true,
        sourcemap: true,
        rollupOptions: {
          input: 'src/standalone.ts',
          preserveEntrySignatures: 'strict' as const,
          // One file a site owner can copy: the SDK's lazy import is folded in rather than split off.
          output: { format: 'es' as const, entryFileNames: 'stream-chat.js', codeSplitting: false },
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
          entry: 'src/standalone.ts',
          name: 'StreamChat',
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
        rollupOptions: { external },
      },
    };
  }
  return { plugins, server: { port: 5173 } };
});
