/** Provider by name. Each provider loads its heavy parts (the OpenAI SDK) only when first used. */
import type { ProviderName } from '../options.js';
import { failure } from '../errors.js';
import { openaiProvider } from './openai.js';
import { openaiResponsesProvider } from './openai-responses.js';
import type { Provider } from './provider.js';
import { sseProvider } from './sse.js';
import { websocketProvider } from './websocket.js';

const PROVIDERS: Partial<Record<ProviderName, Provider>> = {
  openai: openaiProvider,
  'openai-responses': openaiResponsesProvider,
  sse: sseProvider,
  websocket: websocketProvider,
};

export function providerFor(name: ProviderName): Provider {
  const provider = PROVIDERS[name];
  if (!provider) throw failure('protocol', `Unknown provider "${name}". Use openai, openai-responses, sse or websocket.`);
  return provider;
}
