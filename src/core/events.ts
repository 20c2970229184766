/**
 * The one event vocabulary: what `runChat` yields and what `<stream-chat>` re-dispatches as
 * `stream-chat-<type>` DOM events. A discriminated union on `type`.
 */
import type { ChatMessage } from './messages.js';

export interface Usage {
  promptTokens: number;
  completionTokens: number;
  totalTokens: number;
  /** In the currency of the host's `prices`, when a price is known for the model. */
  cost?: number;
  /**
   * True when part of it is an estimate from characters (about 4 per token): a step stopped or cut before
   * the provider sent its count, which comes at the end of a stream.
   */
  estimated?: boolean;
}

export type ErrorKind =
  | 'network'
  | 'http'
  | 'timeout'
  | 'abort'
  | 'protocol'
  | 'validation'
  | 'tool'
  | 'storage'
  /** `<stream-chat>` only: showing the answer failed (the text that arrived is kept). */
  | 'render'
  /** A mistake in the options (an invalid or missing URL, an unreadable schema) or the page's setup (e.g. its Content-Security-Policy), found before any request or while rendering; never retried. */
  | 'config';

/** A zod-like issue, kept as plain data so it survives structured cloning and storage. */
export interface ValidationIssue {
  path: (string | number)[];
  message: string;
  code?: string;
}

export interface ChatError {
  kind: ErrorKind;
  /** Plain language a user can act on ("The API key was refused (401). Check the key."). */
  message: string;
  retryable: boolean;
  /** HTTP status, where there is one. */
  status?: number;
  /** Validation errors: what the schema rejected. */
  issues?: ValidationIssue[];
  /** Validation / protocol errors: the raw text that was received. */
  raw?: string;
  /**
   * Network errors before any answer: the likely cause, inferred from `navigator.onLine`, the page's
   * scheme and origin and the URL (the browser does not tell). The message says the same in words.
   */
  network?: NetworkCause;
  /** Config errors: the option at fault (`baseURL`, `endpoint`, `tools`, ...). */
  option?: string;
  cause?: unknown;
}

/**
 * `offline`: the browser has no network. `mixed-content`: an https page asked an http URL, which
 * browsers block. `cors`: another origin that did not allow this page (or is down). `unreachable`:
 * the server could not be reached (down, wrong URL, the connection refused).
 */
export type NetworkCause = 'offline' | 'mixed-content' | 'cors' | 'unreachable';

export type FinishReason =
  | 'stop'
  | 'length'
  | 'tool_calls'
  | 'content_filter'
  | 'aborted'
  | 'error';

export interface StartEvent {
  type: 'start';
  runId: string;
  model?: string;
  provider: string;
}

export interface TextEvent {
  type: 'text';
  /** What arrived now. */
  delta: string;
  /** The assistant's text so far in this step. */
  text: string;
  step: number;
}

/** Tool-call arguments streaming in. */
export interface ToolCallEvent {
  type: 'tool-call';
  id: string;
  name: string;
  /** The raw JSON text of the arguments so far. */
  argsText: string;
  /** The arguments parsed so far (a partial value while streaming). */
  args: unknown;
  step: number;
  /** The tool runs on the backend (AG-UI, AI SDK, an agent's `tool_start`): the page never runs it. */
  remote?: true;
}

/** The host must decide whether a tool may run (the tool's `needsApproval` said so). */
export interface ToolApprovalEvent {
  /** Where the tool comes from when it is not the page's own, e.g. `mcp:docs`. */
  source?: string;
  type: 'tool-approval';
  id: string;
  name: string;
  args: unknown;
  step: number;
  approve(): void;
  deny(reason?: string): void;
}

export interface ToolStartEvent {
  /** Where the tool comes from when it is not the page's own, e.g. `mcp:docs`. */
  source?: string;
  type: 'tool-start';
  id: string;
  name: string;
  args: unknown;
  step: number;
  /** The tool runs on the backend: the page never runs it. */
  remote?: true;
}

export interface ToolEndEvent {
  /** Where the tool comes from when it is not the page's own, e.g. `mcp:docs`. */
  source?: string;
  type: 'tool-end';
  id: string;
  name: string;
  args: unknown;
  result?: unknown;
  error?: ChatError;
  durationMs: number;
  step: number;
  /** The tool ran on the backend: the page never ran it. */
  remote?: true;
}

/** The model's visible reasoning (or its summary), streaming in. */
export interface ReasoningEvent {
  type: 'reasoning';
  /** What arrived now. */
  delta: string;
  /** The reasoning text so far in this step. */
  text: string;
  step: number;
}

/** A citation the answer rests on. */
export interface SourceEvent {
  type: 'source';
  url: string;
  title?: string;
  step: number;
}

/** An agent's shared state (AG-UI `STATE_SNAPSHOT`, or the snapshot with a `STATE_DELTA` applied). */
export interface StateEvent {
  type: 'state';
  value: unknown;
}

/** A backend's progress, as far as it tells: each field is present only when the backend sent it. */
export interface ProgressEvent {
  type: 'progress';
  /** The name of the step now running (an AG-UI step, an agent's stage). */
  step?: string;
  iteration?: number;
  totalTokens?: number;
  costUsd?: number;
}

/**
 * A step that ran tools has ended: its assistant message (text and tool calls) and one tool message per
 * call, exactly as they were added to the history. A history store saves them as they are.
 */
export interface StepEndEvent {
  type: 'step-end';
  step: number;
  messages: ChatMessage[];
}

export interface ObjectEvent {
  type: 'object';
  /** The structured value so far: only what is stable (see partial-json). */
  value: unknown;
  /** True once the whole value has arrived and passed the schema. */
  complete: boolean;
  /** Problems found so far (partial validation) or at the end (full validation). */
  issues: ValidationIssue[];
  /**
   * JSON-pointer-like paths of the containers and strings that have closed, down to 64 levels deep
   * (deeper values are reported with their ancestor at that depth).
   */
  completed?: string[];
  /**
   * Path of the value still being written (absent once the root has closed): everything not on it is
   * complete, so a view can leave those parts alone. At most 64 keys: the value there holds the open one.
   */
  openPath?: (string | number)[];
}

export interface UsageEvent {
  type: 'usage';
  /** This step's usage. */
  usage: Usage;
  /** The running total for the turn. */
  total: Usage;
  step: number;
}

export interface RetryEvent {
  type: 'retry';
  attempt: number;
  delayMs: number;
  error: ChatError;
}

export interface ErrorEvent {
  type: 'error';
  error: ChatError;
  /** The assistant text received before the failure: nothing shown is taken back. */
  text: string;
  /**
   * True when the turn goes on after this error: the JSON failed the schema and the model is asked
   * again. The turn's outcome is in `end` / `result.error`.
   */
  retrying?: boolean;
}

/** The model failed for good before answering; the next of `fallbackModels` is asked instead. */
export interface FallbackEvent {
  type: 'fallback';
  /** The model that failed. */
  from?: string;
  /** The model asked now. */
  to?: string;
  error: ChatError;
  step: number;
}

/** Something the user should know that does not stop the turn (an MCP server that could not be reached). */
export interface NoticeEvent {
  type: 'notice';
  message: string;
  /** What it is about, e.g. `mcp:docs`. */
  source: string;
}

/**
 * A background response (`background: true`) moved on: `text` is the answer so far in this step and
 * `sequence` the last server event it includes. Stored together, they resume the answer after a reload
 * (`resume: { responseId, after: sequence, text }`) with nothing repeated or lost.
 */
export interface CheckpointEvent {
  type: 'checkpoint';
  responseId: string;
  sequence: number;
  text: string;
  step: number;
}

export interface EndEvent {
  type: 'end';
  message: ChatMessage;
  finishReason: FinishReason;
  usage: Usage;
  durationMs: number;
  /** The model that answered (differs from the one asked for after a fallback). */
  model?: string;
  /** Structured output: the final, validated value. */
  object?: unknown;
  error?: ChatError;
}

export type ChatEvent =
  | StartEvent
  | TextEvent
  | ToolCallEvent
  | ToolApprovalEvent
  | ToolStartEvent
  | ToolEndEvent
  | StepEndEvent
  | ReasoningEvent
  | SourceEvent
  | StateEvent
  | ProgressEvent
  | ObjectEvent
  | UsageEvent
  | RetryEvent
  | ErrorEvent
  | NoticeEvent
  | FallbackEvent
  | CheckpointEvent
  | EndEvent;

export type ChatEventType = ChatEvent['type'];
