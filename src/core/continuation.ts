/**
 * Continuing a cut answer in place: the history ends with the assistant's partial text, and the
 * model is asked to write what follows it. The partial answer and its continuation become one
 * message, so the transcript, the store and the next request read one answer, not two.
 *
 * Servers differ in how they take that request. Some continue an assistant message left last
 * ("prefix": DeepSeek and Mistral with `prefix: true`, vLLM, llama.cpp); the rest need an instruction
 * after it. The instruction is sent, never stored.
 */
import type { ChatMessage } from './messages.js';

export type ContinuationMode = 'instruction' | 'prefix';

export const CONTINUE_INSTRUCTION =
  'Continue exactly where your previous message stopped. Do not repeat anything already written; start with the next character.';

/** The partial answer at the end of `messages`, when there is one to continue (text, no tool calls). */
export function partialAnswer(messages: ChatMessage[]): string | undefined {
  const last = messages.at(-1);
  if (last?.role !== 'assistant' || last.tool_calls?.length) return undefined;
  return typeof last.content === 'string' && last.content ? last.content : undefined;
}

/** What is sent after the history (which no longer holds the partial answer) to ask for the rest. */
export function continuationMessages(partial: string, mode: ContinuationMode = 'instruction'): ChatMessage[] {
  if (mode === 'prefix') return [{ role: 'assistant', content: partial, prefix: true }];
  return [
    { role: 'assistant', content: partial },
    { role: 'user', content: CONTINUE_INSTRUCTION },
  ];
}
