/** Serves the dev model inside the Vite dev server (`npm start`) and `vite preview`. */
import type { Plugin } from 'vite';
import { createDevModel } from './index.js';

export function devModelPlugin(): Plugin {
  const model = createDevModel();
  const install = (server: { middlewares: any; httpServer: any }) => {
    const handle = (req: any, res: any, next: (error?: unknown) => void) => {
      model.handle(req, res).then((handled) => handled || next(), next);
    };
    // First in the stack, ahead of Vite's own CORS middleware, which only allows localhost origins and
    // would answer a preflight from another origin (a CodePen, a page on another port) with a refusal.
    // Only the dev model's paths are taken; everything else goes on to Vite untouched.
    server.middlewares.stack.unshift({ route: '', handle });
    server.httpServer?.prependListener('upgrade', (req: any, socket: any, head: any) => {
      model.handleUpgrade(req, socket, head);
    });
  };
  return {
    name: 'stream-chat-dev-model',
    configureServer: install,
    configurePreviewServer: install,
  };
}
