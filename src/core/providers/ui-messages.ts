/**
 * The history as the AI SDK's UI messages, the shape `useChat` keeps and posts: one assistant message
 * per answer, its steps as parts (`step-start`, `text`, `tool-<name>` with the call's state, input and
 * output), so a route's `convertToModelMessages()` reads it as it reads useChat's.
 */
import { attachmentKind, inlineText, missingFileText, type ChatMessage } from '../messages.js';
import { parseResult } from './tool-slots.js';

export type UiPart =
  | { type: 'text'; text: string }
  | { type: 'file'; mediaType: string; filename?: string; url: string }
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
      out.push({ id, role: m.role, parts: m.attachments?.length ? userParts(m) : [{ type: 'text', text: m.content ?? '' }] });
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

/**
 * A user message with files as useChat sends it: its text, then a `file` part per image or PDF (the bytes
 * as a `data:` URL, which `convertToModelMessages()` hands to the model as a file part) and each text
 * file inline with its name.
 */
function userParts(m: ChatMessage): UiPart[] {
  const parts: UiPart[] = m.content ? [{ type: 'text', text: m.content }] : [];
  for (const a of m.attachments ?? []) {
    if (attachmentKind(a) === 'text') parts.push({ type: 'text', text: inlineText(a) });
    else if (!a.data) parts.push({ type: 'text', text: missingFileText(a) });
    else parts.push({ type: 'file', mediaType: a.type || 'application/octet-stream', filename: a.name, url: a.data });
  }
  return parts;
}
