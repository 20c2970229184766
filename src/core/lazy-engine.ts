/**
 * `runChat` with the engine as a lazily loaded part: the same `ChatRun`, returned at once, while the
 * engine's code (turn loop, tools, structured output, retries) downloads with the first request. The
 * element and the drop-in's `StreamChat.runChat` use this, so a page showing the element does not pay for
 * the engine until someone sends. Should the download fail, the run ends like any failed turn: an
 * `error` event (kind `network`, retryable) and a result carrying it; nothing throws. The error texts and
 * their classification (errors.ts) are the engine's: this file does not import them, so they load with it.
 */
import type { ChatError, ChatEvent } from './events.js';
import { lazyPart, PartLoadError } from './lazy-part.js';
import type { ChatMessage } from './messages.js';
import type { ChatResult, ChatRun, RunChatOptions } from './options.js';

export const enginePart = lazyPart('engine', () => import('./run-chat.js'));

export function runChatLazy<C = any>(options: RunChatOptions<C>): ChatRun {
  const loaded = enginePart.load().then(
    ({ runChat }) => runChat(options),
    (cause: unknown) => failedRun(options as RunChatOptions, cause),
  );
  return {
    result: loaded.then((run) => run.result),
    abort: () => void loaded.then((run) => run.abort()),
    async *[Symbol.asyncIterator]() {
      yield* await loaded;
    },
  };
}

/** The run of a turn whose engine could not be loaded: the error, then the end, as the engine reports. */
function failedRun(options: RunChatOptions, cause: unknown): ChatRun {
  const error: ChatError = {
    kind: 'network',
    message: cause instanceof PartLoadError ? cause.message : new PartLoadError('engine', cause).message,
    retryable: true,
    cause,
  };
  const message: ChatMessage = { role: 'assistant', content: '' };
  const usage = { promptTokens: 0, completionTokens: 0, totalTokens: 0 };
  const events: ChatEvent[] = [
    { type: 'error', error, text: '' },
    { type: 'end', message, finishReason: 'error', usage, durationMs: 0, error },
  ];
  const result: ChatResult = { message, messages: [...(options?.messages ?? []), message], usage, finishReason: 'error', error };
  return {
    result: Promise.resolve(result),
    abort: () => {},
    async *[Symbol.asyncIterator]() {
      yield* events;
    },
  };
}
