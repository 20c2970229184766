/** Serves the dev model on a random local port for Node tests. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createDevModel } from '../../dev-model/index.js';

export async function startDevModel(): Promise<{ baseURL: string; origin: string; close(): Promise<void>; server: Server }> {
  const model = createDevModel();
  const server = createServer((req, res) => {
    model.handle(req, res).then((handled) => {
      if (!handled) {
        res.statusCode = 404;
        res.end();
      }
    });
  });
  server.on('upgrade', (req, socket, head) => {
    if (!model.handleUpgrade(req, socket, head)) socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    server,
    origin,
    baseURL: `${origin}/v1`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
