/**
 * Provider by name. Each provider is a lazily loaded part: its code (and the OpenAI SDK, for the two
 * OpenAI APIs) is downloaded at the first request that needs it, never at page load. A new provider is
 * one line here: its name and the `import()` of its file.
 */
import type { ProviderName } from '../options.js';
import { configError } from '../errors.js';
import { lazyPart, type LazyPart } from '../lazy-part.js';
import type { Provider } from './provider.js';

const PROVIDERS: Partial<Record<ProviderName, LazyPart<Provider>>> = {
  openai: lazyPart('openai', () => import('./openai.js').then((m) => m.openaiProvider)),
  'openai-responses': lazyPart('openai-responses', () => import('./openai-responses.js').then((m) => m.openaiResponsesProvider)),
  'ag-ui': lazyPart('ag-ui', () => import('./ag-ui.js').then((m) => m.agUiProvider)),
  'ai-sdk': lazyPart('ai-sdk', () => import('./ai-sdk.js').then((m) => m.aiSdkProvider)),
  sse: lazyPart('sse', () => import('./sse.js').then((m) => m.sseProvider)),
  websocket: lazyPart('websocket', () => import('./websocket.js').then((m) => m.websocketProvider)),
};

/** The provider's lazily loaded part (to load or prefetch it); throws for an unknown name. */
export function providerPart(name: ProviderName): LazyPart<Provider> {
  const part = PROVIDERS[name];
  if (!part) {
    const known = Object.keys(PROVIDERS).join(', ');
    throw configError('provider', `Unknown provider "${name}". Use one of: ${known}.`);
  }
  return part;
}

/** The provider, loaded on first use; rejects with a PartLoadError when its code cannot be downloaded. */
export function loadProvider(name: ProviderName): Promise<Provider> {
  return providerPart(name).load();
}
