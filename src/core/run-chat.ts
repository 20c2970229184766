/**
 * `runChat`: one turn of a conversation, as an async iterable of events plus a result promise.
 * The turn runs whether or not anyone reads the events; nothing it does throws.
 */
import { EventBuffer } from './event-buffer.js';
import type { ChatEvent } from './events.js';
import type { ChatResult, ChatRun, RunChatOptions } from './options.js';
import { runTurn } from './turn.js';

export function runChat<C = any>(options: RunChatOptions<C>): ChatRun {
  const buffer = new EventBuffer<ChatEvent>();
  const controller = new AbortController();
  const onHostAbort = () => controller.abort(options.signal?.reason);
  if (options.signal?.aborted) onHostAbort();
  else options.signal?.addEventListener('abort', onHostAbort, { once: true });

  const result: Promise<ChatResult> = runTurn(options as RunChatOptions, controller.signal, (e) => buffer.push(e)).finally(() => {
    options.signal?.removeEventListener('abort', onHostAbort);
    buffer.close();
  });

  return {
    result,
    abort: () => controller.abort(new DOMException('The turn was stopped.', 'AbortError')),
    [Symbol.asyncIterator]: () => buffer[Symbol.asyncIterator](),
  };
}
