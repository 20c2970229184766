/** Results of turns that did not go through the engine normally, in the engine's own shape. */
import type { ChatError } from '../core/index.js';
import type { ChatMessage } from '../core/index.js';
import type { ChatResult } from '../core/index.js';

const NO_USAGE = { promptTokens: 0, completionTokens: 0, totalTokens: 0 };

/** A send that never started (empty text, cancelled `stream-chat-send`). */
export function refusedResult(messages: ChatMessage[], message: string): ChatResult {
  return {
    message: { role: 'assistant', content: '' },
    messages,
    usage: NO_USAGE,
    finishReason: 'aborted',
    error: { kind: 'abort', message, retryable: false },
  };
}

/** The engine threw (it promises not to): the turn still ends with what arrived. */
export function crashedResult(history: ChatMessage[], text: string, cause: unknown): ChatResult {
  const error: ChatError = {
    kind: 'protocol',
    message: cause instanceof Error ? cause.message : String(cause),
    retryable: true,
    cause,
  };
  const message: ChatMessage = { role: 'assistant', content: text };
  return { message, messages: [...history, message], usage: NO_USAGE, finishReason: 'error', error };
}
