/**
 * A plain SSE backend (`provider: 'sse'`): POST `{messages, model}` to `endpoint` (or whatever the
 * `request` hook shapes: `?query=`, a GET), then read what the server sends, as plain-events.ts
 * reads it, until `data: [DONE]`, an `event: done`, or the server closes the stream after an answer.
 */
import { failure, streamedError } from '../errors.js';
import { readSse } from '../sse-parser.js';
import { openStream } from './http-request.js';
import { PlainEvents } from './plain-events.js';
import type { Provider, ProviderPart, ProviderRequest } from './provider.js';

export const sseProvider: Provider = async function* (request: ProviderRequest): AsyncGenerator<ProviderPart> {
  const body = await openStream(request, {
    body: { messages: request.messages, model: request.connection.model, ...(request.output ? { response_format: request.output.responseFormat } : {}) },
  });
  const plain = new PlainEvents();
  for await (const message of readSse(body)) {
    if (message.event === 'done') break;
    if (message.event === 'error') throw streamedError(message.data || 'an error');
    const { parts, done } = plain.read(message.data);
    yield* parts;
    if (done) break;
  }
  // Reached on [DONE], on `event: done`, and when the server closed the stream cleanly; a stream that
  // broke (a network error, an incomplete chunked body) threw out of readSse instead.
  if (!plain.answered) throw closedWithoutAnswer();
  yield { type: 'finish', reason: 'stop' };
};

export function closedWithoutAnswer() {
  return failure('protocol', 'The server ended the stream without an answer.', { retryable: true });
}
