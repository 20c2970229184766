/** Serves the dev model inside the Vite dev server (`npm start`) and `vite preview`. */
import type { Plugin } from 'vite';
import { createDevModel } from './index.js';

export function devModelPlugin(): Plugin {
  const model = createDevModel();
  const install = (server: { middlewares: any; httpServer: any }) => {
    server.middlewares.use((req: any, res: any, next: () => void) => {
      model.handle(req, res).then((handled) => handled || next(), next);
    });
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
