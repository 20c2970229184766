/** The dev model's backends, as runChat options, on the page's own origin (browser tests). */
import type { ChatEvent, ProviderName, RunChatOptions } from '../../src/core/index.js';

export const PROVIDERS: ProviderName[] = ['openai', 'openai-responses', 'sse', 'websocket'];

/** Options that reach the dev model through `provider`, with the dev options in the model name. */
export function devOptions(provider: ProviderName, model: string): Pick<RunChatOptions, 'provider' | 'baseURL' | 'endpoint' | 'model'> {
  const origin = location.origin;
  switch (provider) {
    case 'openai':
    case 'openai-responses':
      return { provider, baseURL: new URL('/v1', origin).href, model };
    case 'sse':
      return { provider, endpoint: new URL('/sse/chat', origin).href, model };
    case 'websocket': {
      const url = new URL('/ws/chat', origin);
      url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
      url.searchParams.set('model', model);
      return { provider, endpoint: url.href, model };
    }
    default:
      throw new Error(`No dev backend for ${provider}`);
  }
}

/** A fresh key, so `failures=N` counts only this test's requests. */
export function uniqueKey(): string {
  return Math.random().toString(36).slice(2, 10);
}

/** Event types with runs of the same type collapsed to one: the shape of a turn. */
export function shape(events: ChatEvent[]): string[] {
  return events.map((e) => e.type).filter((t, i, all) => t !== all[i - 1]);
}

export function textOf(events: ChatEvent[]): string {
  return events.map((e) => (e.type === 'text' ? e.delta : '')).join('');
}
