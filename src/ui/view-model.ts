/**
 * What the transcript shows, as plain data. The history (`ChatMessage[]`, the shape the model and the
 * store use) is the source of truth; these items are a view of it grouped the way a reader sees a chat:
 * one bubble per user message, one per answer (an answer spans every step of a tool loop).
 */
import type { ChatError, Usage, ValidationIssue } from '../core/events.js';
import type { ChatMessage } from '../core/messages.js';
import { ObjectBody, type ObjectBodyOptions } from './object-body.js';
import { TextBody } from './text-body.js';

export type ToolStatus = 'streaming' | 'approval' | 'running' | 'done' | 'error' | 'denied';

export interface ToolCallState {
  id: string;
  name: string;
  argsText: string;
  args: unknown;
  status: ToolStatus;
  /** performance.now() when the tool started running. */
  startedAt?: number;
  durationMs?: number;
  result?: unknown;
  error?: ChatError;
  approve?: () => void;
  deny?: (reason?: string) => void;
}

export interface TextSegment {
  kind: 'text';
  key: string;
  step: number;
  body: TextBody;
}

export interface ToolSegment {
  kind: 'tool';
  key: string;
  call: ToolCallState;
}

export type Segment = TextSegment | ToolSegment;

export interface ObjectState {
  value: unknown;
  complete: boolean;
  issues: ValidationIssue[];
  completed?: string[];
  /** The value still being written (everything off this path is complete): the view skips the rest. */
  openPath?: (string | number)[];
  /** Nothing more will arrive: fields still absent show as missing rather than pending. */
  ended?: boolean;
}

export type AnswerStatus = 'waiting' | 'streaming' | 'done' | 'stopped' | 'error';

export interface UserItem {
  kind: 'user';
  key: string;
  text: string;
  /** Index of this message in the history. */
  index: number;
  /** Bumped on every change, so the list re-renders only the items that changed. */
  version: number;
}

export interface AssistantItem {
  kind: 'assistant';
  key: string;
  segments: Segment[];
  status: AnswerStatus;
  /** Set when the element has a `schema`: the live structured value. */
  object?: ObjectBody;
  usage?: Usage;
  error?: ChatError;
  /** Index in the history of the first message of this answer. */
  index: number;
  version: number;
}

export type Item = UserItem | AssistantItem;

let counter = 0;
/** Keys for `repeat`: unique within the page, stable for the life of an item. */
export function nextKey(prefix: string): string {
  counter += 1;
  return `${prefix}${counter}`;
}

export function newAnswer(index: number): AssistantItem {
  return { kind: 'assistant', key: nextKey('a'), segments: [], status: 'waiting', index, version: 0 };
}

/** The text of an answer as the user would copy it: every text segment, in order. */
export function answerText(item: AssistantItem): string {
  return item.segments
    .filter((segment): segment is TextSegment => segment.kind === 'text')
    .map((segment) => segment.body.text)
    .filter((text) => text.length > 0)
    .join('\n\n');
}

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
      items.push({ kind: 'user', key: nextKey('u'), text: message.content ?? '', index, version: 0 });
      return;
    }
    if (message.role === 'system') return;
    if (!answer) {
      answer = newAnswer(index);
      answer.status = 'done';
      items.push(answer);
    }
    if (message.role === 'assistant') {
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
