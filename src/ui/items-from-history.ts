/**
 * A stored history back into transcript items (a conversation opened or reloaded): the answers are
 * shown whole, at once, as they were when they streamed.
 */
import type { ChatMessage } from '../core/index.js';
import { ObjectBody, type ObjectBodyOptions } from './object-body.js';
import { TextBody } from './text-body.js';
import { addSources } from './answer-extras-loader.js';
import { newAnswer, nextKey, type AssistantItem, type Item, type ToolCallState, type UserItem } from './view-model.js';

function parseArgs(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function parseResult(content: string | null): unknown {
  if (content == null) return undefined;
  try {
    return JSON.parse(content);
  } catch {
    return content;
  }
}

/**
 * Groups a stored history into transcript items (system messages are not shown). With `objects` (the
 * element has a schema), an answer whose text is JSON is shown as a value, as it was when it streamed.
 */
export function itemsFromHistory(messages: readonly ChatMessage[], objects?: () => ObjectBodyOptions): Item[] {
  const items: Item[] = [];
  let answer: AssistantItem | undefined;
  const calls = new Map<string, ToolCallState>();
  messages.forEach((message, index) => {
    if (message.role === 'user') {
      answer = undefined;
      const user: UserItem = { kind: 'user', key: nextKey('u'), text: message.content ?? '', index, version: 0 };
      if (message.attachments?.length) user.attachments = message.attachments;
      items.push(user);
      return;
    }
    if (message.role === 'system') return;
    if (!answer) {
      answer = newAnswer(index);
      answer.status = 'done';
      items.push(answer);
    }
    if (message.role === 'assistant') {
      if (message.reasoning) {
        // The steps of an answer each reasoned: one block, a blank line between them.
        const shown = (answer.reasoning ??= { text: '', ms: 0, thinking: false });
        shown.text += (shown.text && '\n\n') + message.reasoning;
        shown.ms += message.reasoningMs ?? 0;
      }
      if (message.sources?.length) answer.sources = addSources(answer.sources, message.sources);
      if (message.feedback) answer.feedback = message.feedback;
      const value = objects && message.content ? parseArgs(message.content) : undefined;
      if (value !== undefined) {
        answer.object = new ObjectBody(objects!);
        answer.object.update({ value, complete: true, issues: [] });
      } else if (message.content) {
        const body = new TextBody();
        body.setText(message.content);
        answer.segments.push({ kind: 'text', key: nextKey('t'), step: answer.segments.length, body });
      }
      for (const toolCall of message.tool_calls ?? []) {
        const call: ToolCallState = {
          id: toolCall.id,
          name: toolCall.function.name,
          argsText: toolCall.function.arguments,
          args: parseArgs(toolCall.function.arguments),
          status: 'done',
        };
        calls.set(call.id, call);
        answer.segments.push({ kind: 'tool', key: nextKey('c'), call });
      }
    } else if (message.role === 'tool') {
      const call = message.tool_call_id ? calls.get(message.tool_call_id) : undefined;
      if (call) call.result = parseResult(message.content);
    }
  });
  return items;
}
