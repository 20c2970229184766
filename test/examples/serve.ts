/**
 * Serves a built example (its static files, index.html for any other path) with the dev model on the same
 * origin, and keeps the body of every model request so a test can see what the element sent.
 */
import { createServer, type IncomingMessage } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { PassThrough } from 'node:stream';
import { createDevModel } from '../../dev-model/index.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain',
};

export interface ExampleServer {
  origin: string;
  /** Bodies of the requests to /v1/chat/completions, parsed. */
  modelRequests: any[];
  close(): Promise<void>;
}

/** The request again, with its body already read (the dev model reads it once more). */
function replay(req: IncomingMessage, body: Buffer): IncomingMessage {
  const copy = new PassThrough() as unknown as IncomingMessage;
  Object.assign(copy, { headers: req.headers, method: req.method, url: req.url, socket: req.socket });
  (copy as unknown as PassThrough).end(body);
  return copy;
}

export async function serveExample(root: string, headers: Record<string, string> = {}): Promise<ExampleServer> {
  const model = createDevModel();
  const modelRequests: any[] = [];
  const server = createServer(async (req, res) => {
    if (req.method === 'POST' && req.url?.startsWith('/v1/chat/completions')) {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const body = Buffer.concat(chunks);
      modelRequests.push(JSON.parse(body.toString('utf8')));
      await model.handle(replay(req, body), res);
      return;
    }
    if (await model.handle(req, res)) return;
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    let file = join(root, path);
    const found = await stat(file).catch(() => undefined);
    if (!found) file = join(root, 'index.html');
    else if (found.isDirectory()) file = join(file, 'index.html');
    const text = await readFile(file).catch(() => undefined);
    if (!text) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', ...headers });
    res.end(text);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    origin: `http://127.0.0.1:${port}`,
    modelRequests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
