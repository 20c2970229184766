/**
 * A plain SSE backend (`provider: 'sse'`): POST `{messages, model}` to `endpoint`, read
 * `data: {"delta": "..."}` until `data: [DONE]` or an `event: done`; `{"error": ...}` is a failure.
 */
import { failure, streamedError } from '../errors.js';
import { readSse } from '../sse-parser.js';
import { wrapFetch } from './http-fetch.js';
import { responseError } from './http-status.js';
import type { Provider, ProviderPart, ProviderRequest } from './provider.js';

export const sseProvider: Provider = async function* (request: ProviderRequest): AsyncGenerator<ProviderPart> {
  const { options } = request;
  if (!options.endpoint) throw failure('protocol', 'The SSE backend needs an endpoint URL (the endpoint attribute).');
  const fetch = wrapFetch({ fetch: options.fetch, hasKey: true, onActivity: request.onActivity });
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'text/event-stream', ...options.headers };
  if (options.apiKey) headers.authorization = `Bearer ${options.apiKey}`;
  const response = await fetch(options.endpoint, {
    method: 'POST',
    headers,
    body: JSON.stringify({ messages: request.messages, model: options.model, ...(request.output ? { response_format: request.output.responseFormat } : {}) }),
    signal: request.signal,
  });
  if (!response.ok) throw await responseError(response);
  if (!response.body) throw failure('protocol', 'The server answered without a body.', { retryable: true });
  for await (const message of readSse(response.body)) {
    if (message.event === 'done' || message.data === '[DONE]') {
      yield { type: 'finish', reason: 'stop' };
      return;
    }
    if (message.event === 'error') throw streamedError(parseOr(message.data));
    const data = parseOr(message.data);
    if (typeof data === 'string' && /^\s*[{[]/.test(data)) {
      throw failure('protocol', 'The server sent data that is not valid JSON. The answer may be incomplete; try again.', { retryable: true, raw: data });
    }
    if (data && typeof data === 'object') {
      const d = data as { delta?: unknown; error?: unknown; text?: unknown };
      if (d.error) throw streamedError(d.error);
      const delta = typeof d.delta === 'string' ? d.delta : typeof d.text === 'string' ? d.text : '';
      if (delta) yield { type: 'text', delta };
    } else if (typeof data === 'string' && data) {
      // A backend that sends bare text lines instead of JSON.
      yield { type: 'text', delta: data };
    }
  }
};

function parseOr(data: string): unknown {
  try {
    return JSON.parse(data);
  } catch {
    return data;
  }
}
