/**
 * Builds an OpenAI SDK client for one request. The SDK is imported lazily so that a page showing
 * the element does not download it before the first message is sent.
 */
import type OpenAI from 'openai';
import type { ProviderRequest } from './provider.js';
import { wrapFetch } from './http-fetch.js';

export async function createClient(request: ProviderRequest): Promise<OpenAI> {
  const { default: OpenAIClient } = await import('openai');
  const options = request.options;
  return new OpenAIClient({
    // The SDK refuses to start without a key; a proxy that holds the key needs none, and
    // wrapFetch drops the placeholder's Authorization header before it leaves.
    apiKey: options.apiKey ?? 'no-key',
    baseURL: options.baseURL,
    dangerouslyAllowBrowser: true,
    // The engine retries itself, with events the UI can show.
    maxRetries: 0,
    defaultHeaders: options.headers,
    fetch: wrapFetch({ fetch: options.fetch, hasKey: !!options.apiKey, onActivity: request.onActivity }),
  });
}
