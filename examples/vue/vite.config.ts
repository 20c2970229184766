import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [
    // <stream-chat> is a custom element, not a Vue component: without this Vue warns "Failed to resolve component".
    vue({ template: { compilerOptions: { isCustomElement: (tag) => tag === 'stream-chat' } } }),
  ],
});
