/**
 * The history as the AI SDK's UI messages, the shape `useChat` keeps and posts: one assistant message
 * per answer, its steps as parts (`step-start`, `text`, `tool-<name>` with the call's state, input and
 * output), so a route's `convertToModelMessages()` reads it as it reads useChat's.
 */
import type { ChatMessage } from '../messages.js';
import { parseResult } from './tool-slots.js';

export type UiPart =
  | { type: 'text'; text: string }
  | { type: 'step-start' }
  | {
      type: `tool-${string}`;
      toolCallId: string;
      state: 'input-available' | 'output-available' | 'output-error';
      input: unknown;
      output?: unknown;
      errorText?: string;
    };

export interface UiMessage {
  id: string;
  role: 'system' | 'user' | 'assistant';
  parts: UiPart[];
}

export function toUiMessages(messages: ChatMessage[]): UiMessage[] {
  const out: UiMessage[] = [];
  let answer: UiMessage | undefined;
  messages.forEach((m, i) => {
    const id = `m${i}`;
    if (m.role === 'system' || m.role === 'user') {
      answer = undefined;
      out.push({ id, role: m.role, parts: [{ type: 'text', text: m.content ?? '' }] });
      return;
    }
    if (m.role === 'assistant') {
      if (!answer) out.push((answer = { id, role: 'assistant', parts: [] }));
      answer.parts.push({ type: 'step-start' });
      if (m.content) answer.parts.push({ type: 'text', text: m.content });
      for (const call of m.tool_calls ?? []) {
        answer.parts.push({ type: `tool-${call.function.name}`, toolCallId: call.id, state: 'input-available', input: parseResult(call.function.arguments || '{}') });
      }
      return;
    }
    // A tool result completes its call's part in the answer.
    const part = answer?.parts.find((p) => 'toolCallId' in p && p.toolCallId === m.tool_call_id);
    if (!part || !('toolCallId' in part)) return;
    const output = parseResult(m.content ?? '');
    const failed = output && typeof output === 'object' && Object.keys(output).length === 1 && typeof (output as { error?: unknown }).error === 'string';
    if (failed) Object.assign(part, { state: 'output-error', errorText: (output as { error: string }).error });
    else Object.assign(part, { state: 'output-available', output });
  });
  return out;
}
