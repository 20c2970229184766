/**
 * `runChat`: one turn of a conversation, as an async iterable of events plus a result promise.
 * The turn runs whether or not anyone reads the events; nothing it does throws.
 */
import { toChatError } from './errors.js';
import { EventBuffer } from './event-buffer.js';
import type { ChatEvent } from './events.js';
import type { ChatMessage } from './messages.js';
import type { ChatResult, ChatRun, RunChatOptions } from './options.js';
import { runTurn } from './turn.js';

// For the element's prefetch on intent: the provider table comes with the engine, not in the first load
// (its unknown-name error is one of the engine's error texts).
export { providerPart } from './providers/registry.js';

export function runChat<C = any>(options: RunChatOptions<C>): ChatRun {
  const buffer = new EventBuffer<ChatEvent>();
  const controller = new AbortController();
  const onHostAbort = () => controller.abort(options?.signal?.reason);
  if (options?.signal?.aborted) onHostAbort();
  else options?.signal?.addEventListener('abort', onHostAbort, { once: true });

  const emit = (e: ChatEvent) => buffer.push(e);
  const result: Promise<ChatResult> = runTurn(options as RunChatOptions, controller.signal, emit)
    // runTurn catches everything it calls; this is the last net, so no rejection ever reaches the host.
    .catch((e: unknown) => lastResort(options, e, emit))
    .finally(() => {
      options?.signal?.removeEventListener('abort', onHostAbort);
      buffer.close();
    });

  return {
    result,
    abort: () => controller.abort(new DOMException('The turn was stopped.', 'AbortError')),
    [Symbol.asyncIterator]: () => buffer[Symbol.asyncIterator](),
  };
}

function lastResort(options: RunChatOptions | undefined, e: unknown, emit: (e: ChatEvent) => void): ChatResult {
  const error = toChatError(e);
  const message: ChatMessage = { role: 'assistant', content: '' };
  const usage = { promptTokens: 0, completionTokens: 0, totalTokens: 0 };
  emit({ type: 'error', error, text: '' });
  emit({ type: 'end', message, finishReason: 'error', usage, durationMs: 0, error });
  return { message, messages: [...(options?.messages ?? []), message], usage, finishReason: 'error', error };
}
