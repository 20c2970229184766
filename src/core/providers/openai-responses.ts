/**
 * The Responses API (`provider: 'openai-responses'`): the same parts from `response.*` stream
 * events (read by responses-api.ts, shared with background responses).
 */
import { createClient, sdkProvider } from './openai-client.js';
import { streamedJson } from './openai-stream.js';
import type { Provider, ProviderPart, ProviderRequest } from './provider.js';
import { responsesBody, responsesReader, type StreamEvent } from './responses-api.js';

export const openaiResponsesProvider: Provider = sdkProvider(stream);

async function* stream(request: ProviderRequest): AsyncGenerator<ProviderPart> {
  const client = await createClient(request);
  const reader = responsesReader();
  for await (const event of streamedJson(client.responses.create(responsesBody(request) as never, { signal: request.signal })) as AsyncIterable<StreamEvent>) {
    yield* reader.parts(event);
    if (reader.finished) return;
  }
}
