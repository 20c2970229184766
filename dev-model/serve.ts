/**
 * The dev model on its own port, for curl and for Node tests:
 *   node --import tsx dev-model/serve.ts --port 8787
 * `startDevServer()` does the same in-process (port 0 picks a free port).
 */
import { createServer, type Server } from 'node:http';
import { createDevModel } from './index.js';
import { CORS_HEADERS } from './http.js';

export interface RunningDevServer {
  server: Server;
  port: number;
  /** `http://127.0.0.1:<port>` */
  origin: string;
  close(): Promise<void>;
}

export async function startDevServer(port = 0, host = '127.0.0.1'): Promise<RunningDevServer> {
  const model = createDevModel();
  const server = createServer((req, res) => {
    model.handle(req, res).then((handled) => {
      if (handled) return;
      res.writeHead(404, { ...CORS_HEADERS, 'content-type': 'text/plain' });
      res.end('Not found. Try POST /v1/chat/completions, POST /v1/responses, GET /v1/models, POST /sse/chat or /ws/chat.\n');
    });
  });
  server.on('upgrade', (req, socket, head) => {
    if (!model.handleUpgrade(req, socket, head)) socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  const address = server.address();
  const actual = typeof address === 'object' && address ? address.port : port;
  return {
    server,
    port: actual,
    origin: `http://${host}:${actual}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function argument(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

// Run only when executed directly, not when a test imports startDevServer.
if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  const port = Number(argument('--port') ?? process.env.PORT ?? 8787);
  const host = argument('--host') ?? '127.0.0.1';
  startDevServer(port, host).then(({ origin }) => {
    console.log(`dev model listening on ${origin}  (try: curl -N ${origin}/v1/chat/completions -d '{"model":"dev","stream":true,"messages":[{"role":"user","content":"hello"}]}')`);
  });
}
