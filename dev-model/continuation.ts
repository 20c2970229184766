/**
 * Going on with a cut answer, as the widget's Continue asks for it. Two shapes exist in the wild:
 * the conversation ends with the assistant's partial text (an assistant prefix, which DeepSeek, Mistral
 * and vLLM take), or with a user instruction to continue right after it (any other server). Either
 * way the dev model writes what follows the partial text in the answer it would have given, so the
 * joined text is the whole answer, as a real model's continuation would read.
 */
import type { Turn } from './conversation.js';

/** The instruction the engine sends when the server takes no prefix (see src/core/continuation.ts). */
const CONTINUE_INSTRUCTION = /^continue exactly where your previous (message|answer) stopped/i;

export interface Continuation {
  /** The conversation up to the user message the partial answer was answering. */
  before: Turn[];
  partial: string;
}

export function continuationOf(turns: Turn[]): Continuation | undefined {
  const last = turns.at(-1);
  if (last?.role === 'assistant' && !last.toolCalls?.length && last.text) {
    return { before: turns.slice(0, -1), partial: last.text };
  }
  const previous = turns.at(-2);
  if (last?.role === 'user' && CONTINUE_INSTRUCTION.test(last.text.trim()) && previous?.role === 'assistant' && previous.text) {
    return { before: turns.slice(0, -2), partial: previous.text };
  }
  return undefined;
}

/** What follows `partial` in `whole`; a partial that is not a prefix of it gets a short closing line. */
export function remainder(whole: string, partial: string): string {
  if (whole.startsWith(partial)) return whole.slice(partial.length);
  return '\n\nThat is where the answer was cut; the rest of it is above.';
}
