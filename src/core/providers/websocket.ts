/**
 * A WebSocket backend (`provider: 'websocket'`): once open, send `{messages, model}` (or the body the
 * `request` hook shapes, such as `{"query": …}`), then read messages as plain-events.ts reads them
 * until `{"type": "done"}`, `[DONE]`, an `agent_end`, or a clean close after an answer; `{"error": …}`
 * is a failure. The socket is closed when the answer is done, on stop, and on failure.
 */
import { failure, httpError, networkError, truncatedError } from '../errors.js';
import { shapeRequest } from './http-request.js';
import { PlainEvents } from './plain-events.js';
import type { Provider, ProviderPart, ProviderRequest } from './provider.js';
import { closedWithoutAnswer } from './sse.js';

type Item = { part: ProviderPart } | { error: unknown } | { end: true };

export const websocketProvider: Provider = async function* (request: ProviderRequest): AsyncGenerator<ProviderPart> {
  const { connection, signal } = request;
  if (typeof WebSocket === 'undefined') throw failure('config', 'This environment has no WebSocket.', { option: 'provider' });
  const { url, body } = await shapeRequest(request, {
    body: { messages: request.messages, model: connection.model, ...(request.output ? { response_format: request.output.responseFormat } : {}) },
  });
  // Read by index: a burst of messages can be long, and shift() would move the rest each time.
  let queue: Item[] = [];
  let next = 0;
  let wake: (() => void) | undefined;
  const put = (item: Item) => {
    queue.push(item);
    wake?.();
  };
  const plain = new PlainEvents();
  let opened = false;
  let finished = false;
  const finish = () => {
    if (finished) return;
    finished = true;
    put({ part: { type: 'finish', reason: 'stop' } });
    put({ end: true });
  };
  const socket = new WebSocket(url);
  socket.onopen = () => {
    opened = true;
    request.onActivity();
    if (body !== undefined) socket.send(typeof body === 'string' ? body : JSON.stringify(body));
  };
  socket.onmessage = (event) => {
    request.onActivity();
    if (finished) return;
    const raw = typeof event.data === 'string' ? event.data : '';
    try {
      const refusal = statusError(raw);
      if (refusal) return put({ error: refusal });
      const { parts, done } = plain.read(raw);
      for (const part of parts) put({ part });
      if (done) finish();
    } catch (e) {
      put({ error: e });
    }
  };
  socket.onerror = () => {
    if (!opened) put({ error: networkError(undefined) });
  };
  socket.onclose = (event) => {
    if (finished) return put({ end: true });
    // Application close codes 4000–4999 carry an HTTP status as 4000 + status (4401, 4429, 4503).
    if (event.code >= 4100 && event.code < 4600) put({ error: httpError(event.code - 4000, event.reason || undefined) });
    else if (!opened) put({ error: networkError(undefined) });
    // A clean close (1000, or 1005 without a code) after an answer is how many servers say "done".
    else if ((event.code === 1000 || event.code === 1005) && plain.answered) return finish();
    else if (event.code === 1000 || event.code === 1005) put({ error: closedWithoutAnswer() });
    else put({ error: truncatedError() });
    put({ end: true });
  };
  const onAbort = () => put({ end: true });
  signal.addEventListener('abort', onAbort, { once: true });
  try {
    for (;;) {
      if (signal.aborted) return;
      const item = queue[next];
      if (item) next++;
      if (next === queue.length) {
        queue = [];
        next = 0;
      }
      if (!item) {
        await new Promise<void>((resolve) => (wake = resolve));
        wake = undefined;
        continue;
      }
      if ('part' in item) yield item.part;
      else if ('error' in item) throw item.error;
      else return;
    }
  } finally {
    signal.removeEventListener('abort', onAbort);
    if (socket.readyState === WebSocket.CONNECTING || socket.readyState === WebSocket.OPEN) socket.close(1000);
  }
};

/** A backend that refuses the request says so with the HTTP status it would have used: `{error, status}`. */
function statusError(raw: string) {
  if (!raw.startsWith('{')) return undefined;
  try {
    const d = JSON.parse(raw) as { error?: unknown; status?: unknown; code?: unknown };
    if (d.error && typeof d.status === 'number') return httpError(d.status, { message: d.error, code: d.code });
  } catch {
    // not JSON: plain-events decides
  }
  return undefined;
}
