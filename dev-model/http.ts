/** Small HTTP pieces shared by every route: CORS, JSON bodies, JSON answers, OpenAI-shaped errors. */
import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * A page on another origin (the demo on a different port, a CodePen) may call the dev model, so every
 * answer allows any origin and the headers an SDK sends (including `x-stainless-*` and `authorization`).
 */
export const CORS_HEADERS: Record<string, string> = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, POST, OPTIONS',
  'access-control-allow-headers': '*, authorization, content-type, x-dev-model',
  'access-control-expose-headers': 'retry-after, x-request-id, x-dev-model-scenario',
  'access-control-max-age': '86400',
};

/** Answers a CORS preflight, echoing the requested headers (a `*` is ignored when credentials are sent). */
export function preflight(req: IncomingMessage, res: ServerResponse): void {
  const asked = req.headers['access-control-request-headers'];
  res.writeHead(204, { ...CORS_HEADERS, ...(asked ? { 'access-control-allow-headers': String(asked) } : {}) });
  res.end();
}

/**
 * The same response with every `access-control-*` header dropped: a server that does not allow other
 * origins. A page on its own origin is answered normally; one on another origin is blocked by the
 * browser at the preflight, and its `fetch` fails with nothing to say why.
 */
export function withoutCors(res: ServerResponse): void {
  const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => ServerResponse;
  res.writeHead = ((status: number, ...rest: unknown[]) => {
    const args = rest.map((arg) =>
      arg && typeof arg === 'object' && !Array.isArray(arg)
        ? Object.fromEntries(Object.entries(arg).filter(([name]) => !name.toLowerCase().startsWith('access-control-')))
        : arg,
    );
    return writeHead(status, ...args);
  }) as typeof res.writeHead;
}

export async function readJson(req: IncomingMessage): Promise<any> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text.trim()) return {};
  return JSON.parse(text);
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...CORS_HEADERS,
    'content-type': 'application/json',
    'content-length': String(Buffer.byteLength(text)),
    ...headers,
  });
  res.end(text);
}

/** The error body OpenAI sends: `{ error: { message, type, param, code } }`. */
export function openAiError(message: string, type: string, code: string | null = null, param: string | null = null) {
  return { error: { message, type, param, code } };
}

/** Fires when the client goes away before the answer ends, so waits (a long stall) stop at once. */
export function closeSignal(res: ServerResponse): AbortSignal {
  const controller = new AbortController();
  res.on('close', () => controller.abort());
  return controller.signal;
}
