/**
 * `vite build -c vite.frameworks.config.ts`: dist/react.js, the React wrapper. It imports the element from
 * the package entry (dist/index.js) rather than carrying a second copy of it; React and @lit/react stay imports.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const packageEntry = fileURLToPath(new URL('./src/index.ts', import.meta.url));

export default defineConfig({
  build: {
    emptyOutDir: false,
    minify: false,
    sourcemap: true,
    lib: { entry: { react: 'src/react.ts' }, formats: ['es'] },
    rollupOptions: {
      external: (id) => id === packageEntry || id === 'react' || id.startsWith('react/') || id.startsWith('@lit/react'),
      output: { paths: { [packageEntry]: './index.js' } },
    },
  },
});
