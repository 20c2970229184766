/**
 * What the transcript shows. The history (`ChatMessage[]`, the shape the model and the store use) is
 * the source of truth; these items are a view of it grouped the way a reader sees a chat: one bubble
 * per user message, one per answer (an answer spans every step of a tool loop). An answer's text and
 * value live in bodies (text-body.ts, object-body.ts) that own their DOM; the rest is plain data.
 */
import type { Attachment, ChatError, ChatSource, Feedback, FinishReason, ProgressEvent, Usage, ValidationIssue } from '../core/index.js';
import type { ObjectBody } from './object-body.js';
import type { TextBody } from './text-body.js';

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
  /** Where the tool lives when it is not the page's own (`mcp:<server>`). */
  source?: string;
  approve?: () => void;
  deny?: (reason?: string) => void;
  /** The backend runs this tool (AG-UI, the AI SDK, an agent's events): the page never does. */
  remote?: boolean;
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

/** The model's reasoning on an answer: its text, the time spent on it, and whether it is still going. */
export interface ReasoningState {
  text: string;
  /** Milliseconds of reasoning: while thinking, up to the last time it stopped. */
  ms: number;
  thinking: boolean;
  /** performance.now() when the current stretch of thinking began. */
  since?: number;
  /** Set by the view that shows the text: each delta goes straight to its DOM. */
  onText?(delta: string): void;
}

export type { ObjectState } from './object-body.js';

export type AnswerStatus = 'waiting' | 'streaming' | 'done' | 'stopped' | 'error';

export interface UserItem {
  kind: 'user';
  key: string;
  text: string;
  /** Files sent with it (shared with the history message, so their bytes show once loaded). */
  attachments?: Attachment[];
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
  /** What the backend said of its progress (steps, iterations, tokens, cost), merged as it arrives. */
  progress?: Omit<ProgressEvent, 'type'>;
  error?: ChatError;
  /** Things the user should know that did not stop the answer (an MCP server that is down). */
  notices?: string[];
  /** How the turn ended, once it has: `length` and `content_filter` are said under the answer. */
  finishReason?: FinishReason;
  /** Index in the history of the first message of this answer. */
  index: number;
  version: number;
  /** The model's reasoning, shown above the answer (reasoning-view.ts). */
  reasoning?: ReasoningState;
  /** What the answer cites, one per URL, shown under it (sources-view.ts). */
  sources?: ChatSource[];
  /** The reader's rating (answer-actions.ts), kept with the answer's last message. */
  feedback?: Feedback;
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
