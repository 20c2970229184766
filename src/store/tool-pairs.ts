/**
 * A stored conversation made fit to send again. A turn cut off mid-step (a reload, a failure while the
 * tool calls streamed) can leave an assistant message whose tool calls never got their results, and
 * OpenAI refuses a history where any `tool_calls` message is not followed by one `tool` message per
 * call id. The unanswered calls are dropped (the model is asked again anyway). No message is removed,
 * so positions still match the stored records (a result always comes with its call: a finished step is
 * stored in one write).
 */
import type { ChatMessage } from '../core/index.js';

export function answeredToolCalls<T extends ChatMessage>(messages: readonly T[]): T[] {
  const out: T[] = [];
  for (let i = 0; i < messages.length; i++) {
    const message = messages[i];
    if (message.role !== 'assistant' || !message.tool_calls?.length) {
      out.push(message);
      continue;
    }
    // The results that follow this message, up to the next non-tool message.
    const answered = new Set<string>();
    for (let j = i + 1; j < messages.length && messages[j].role === 'tool'; j++) answered.add(messages[j].tool_call_id ?? '');
    const calls = message.tool_calls.filter((c) => answered.has(c.id));
    if (calls.length === message.tool_calls.length) out.push(message);
    else {
      const { tool_calls: _dropped, ...rest } = message;
      out.push((calls.length ? { ...rest, tool_calls: calls } : { ...rest, content: rest.content ?? '' }) as T);
    }
  }
  return out;
}
