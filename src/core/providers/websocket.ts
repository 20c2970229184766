/**
 * A WebSocket backend (`provider: 'websocket'`): send `{messages, model}` once open, then read
 * `{"delta": "..."}` messages until `{"type": "done"}`; `{"error": ...}` is a failure. The socket
 * is closed when the answer is done, on stop, and on failure.
 */
import { failure, httpError, networkError, streamedError, truncatedError } from '../errors.js';
import type { Provider, ProviderPart, ProviderRequest } from './provider.js';

type Item = { part: ProviderPart } | { error: unknown } | { end: true };

export const websocketProvider: Provider = async function* (request: ProviderRequest): AsyncGenerator<ProviderPart> {
  const { options, signal } = request;
  if (!options.endpoint) throw failure('protocol', 'The WebSocket backend needs an endpoint URL (the endpoint attribute).');
  if (typeof WebSocket === 'undefined') throw failure('protocol', 'This environment has no WebSocket.');
  // Read by index: a burst of messages can be long, and shift() would move the rest each time.
  let queue: Item[] = [];
  let next = 0;
  let wake: (() => void) | undefined;
  const put = (item: Item) => {
    queue.push(item);
    wake?.();
  };
  let opened = false;
  let finished = false;
  const socket = new WebSocket(options.endpoint);
  socket.onopen = () => {
    opened = true;
    request.onActivity();
    socket.send(JSON.stringify({ messages: request.messages, model: options.model, ...(request.output ? { response_format: request.output.responseFormat } : {}) }));
  };
  socket.onmessage = (event) => {
    request.onActivity();
    let data: unknown;
    try {
      data = JSON.parse(typeof event.data === 'string' ? event.data : '');
    } catch {
      return put({ error: failure('protocol', 'The server sent a message that is not valid JSON.', { retryable: true, raw: String(event.data) }) });
    }
    const d = (data ?? {}) as { delta?: unknown; type?: unknown; error?: unknown; status?: unknown; code?: unknown };
    // A backend that refuses the request says so with the HTTP status it would have used.
    if (d.error && typeof d.status === 'number') return put({ error: httpError(d.status, { message: d.error, code: d.code }) });
    if (d.error) return put({ error: streamedError(d.error) });
    if (typeof d.delta === 'string' && d.delta) put({ part: { type: 'text', delta: d.delta } });
    if (d.type === 'done') {
      finished = true;
      put({ part: { type: 'finish', reason: 'stop' } });
      put({ end: true });
    }
  };
  socket.onerror = () => {
    if (!opened) put({ error: networkError(undefined) });
  };
  socket.onclose = (event) => {
    // Application close codes 4000–4999 carry an HTTP status as 4000 + status (4401, 4429, 4503).
    if (!finished && event.code >= 4100 && event.code < 4600) put({ error: httpError(event.code - 4000, event.reason || undefined) });
    else if (!finished) put({ error: opened ? truncatedError() : networkError(undefined) });
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
