/**
 * The contract between the engine and a backend. A provider turns one model call into a stream of
 * `ProviderPart`s; it knows nothing about tools running, retries, events or history.
 */
import type { FinishReason, Usage } from '../events.js';
import type { ChatMessage } from '../messages.js';
import type { RunChatOptions } from '../options.js';

/** A tool as the model sees it: name, description, JSON Schema of the arguments. */
export interface ToolSpec {
  name: string;
  description?: string;
  parameters: Record<string, unknown>;
}

/** How structured output is asked for; built from the run's zod schema (see object-stream.ts). */
export interface OutputFormat {
  /** Chat Completions `response_format`. */
  responseFormat: Record<string, unknown>;
  /** Responses API `text` (`{ format }`). */
  responsesText: Record<string, unknown>;
}

export interface ProviderRequest {
  options: RunChatOptions;
  /** The full conversation to send, the system message first when there is one. */
  messages: ChatMessage[];
  tools: ToolSpec[];
  output?: OutputFormat;
  /** Aborted on stop, on an idle timeout, or when the attempt is given up. */
  signal: AbortSignal;
  /** Called whenever bytes arrive, so the idle watchdog knows the server is alive. */
  onActivity(): void;
}

export type ProviderPart =
  | { type: 'text'; delta: string }
  /** A fragment of one tool call; `slot` is stable for the call within the step (0, 1, ...). */
  | { type: 'tool-call'; slot: number; id?: string; name?: string; argsDelta: string }
  | { type: 'usage'; usage: Usage }
  | { type: 'finish'; reason: FinishReason };

export type Provider = (request: ProviderRequest) => AsyncIterable<ProviderPart>;
