/**
 * Builds an OpenAI SDK client for one request. The SDK is imported here statically: the providers that
 * use it are themselves loaded at the first request (registry.ts), so a page showing the element does
 * not download it before the first message is sent, and the request waits on one download, not two.
 */
import OpenAI from 'openai';
import type { Provider, ProviderPart, ProviderRequest } from './provider.js';
import { fromSdkError, readableErrorBodies } from './openai-errors.js';
import { NO_KEY, wrapFetch } from './http-fetch.js';

export async function createClient(request: ProviderRequest): Promise<OpenAI> {
  const { connection } = request;
  return new OpenAI({
    // The SDK refuses to start without a key; a proxy that holds the key needs none, and
    // wrapFetch drops the placeholder's Authorization header before it leaves.
    apiKey: connection.apiKey || NO_KEY,
    baseURL: connection.baseURL,
    dangerouslyAllowBrowser: true,
    // The engine retries itself, with events the UI can show.
    maxRetries: 0,
    // Failures reach the host as events; the SDK's own console logging would say it twice.
    logLevel: 'off',
    defaultHeaders: connection.headers,
    fetch: readableErrorBodies(wrapFetch({ fetch: connection.fetch, hasKey: !!connection.apiKey, onActivity: request.onActivity })),
  });
}

/** A provider built on the SDK: the SDK's error classes become the engine's errors, whichever API it calls. */
export function sdkProvider(stream: (request: ProviderRequest) => AsyncGenerator<ProviderPart>): Provider {
  return async function* (request: ProviderRequest): AsyncGenerator<ProviderPart> {
    try {
      yield* stream(request);
    } catch (e) {
      throw fromSdkError(e);
    }
  };
}
