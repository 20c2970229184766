/**
 * The local development model: an OpenAI-compatible endpoint served on the page's own origin by the
 * Vite dev server and by the test runner. (Placeholder answer until the full model lands.)
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';

export interface DevModel {
  /** Answers the request when it is for the dev model; returns false to let the server go on. */
  handle(req: IncomingMessage, res: ServerResponse): Promise<boolean>;
  /** Takes a WebSocket upgrade for the WebSocket backend; returns false when the path is not ours. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean;
}

export function createDevModel(): DevModel {
  return {
    async handle(req, res) {
      if (!req.url?.startsWith('/v1/chat/completions')) return false;
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      const words = 'Hello from the local development model.'.split(' ');
      for (const [i, word] of words.entries()) {
        const chunk = { id: 'c', object: 'chat.completion.chunk', created: 0, model: 'dev', choices: [{ index: 0, delta: { content: (i ? ' ' : '') + word }, finish_reason: null }] };
        res.write(`data: ${JSON.stringify(chunk)}\n\n`);
        await new Promise((r) => setTimeout(r, 30));
      }
      res.write(`data: ${JSON.stringify({ id: 'c', object: 'chat.completion.chunk', created: 0, model: 'dev', choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] })}\n\n`);
      res.end('data: [DONE]\n\n');
      return true;
    },
    handleUpgrade() {
      return false;
    },
  };
}
