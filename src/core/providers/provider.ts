/**
 * The contract between the engine and a backend. A provider turns one model call into a stream of
 * `ProviderPart`s; it knows nothing about tools running, retries, events or history.
 */
import type { FinishReason, Usage } from '../events.js';
import type { ChatMessage } from '../messages.js';
import type { Connection, Sampling } from './connection.js';

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
  /** Where and how to reach the backend, resolved once per turn (see connection.ts). */
  connection: Connection;
  sampling: Sampling;
  /** The full conversation to send, the system message first when there is one. */
  messages: ChatMessage[];
  /** The page's tools, as the model sees them. */
  tools: ToolSpec[];
  output?: OutputFormat;
  /** Aborted on stop, on an idle timeout, or when the attempt is given up. */
  signal: AbortSignal;
  /** Called whenever bytes arrive, so the idle watchdog knows the server is alive. */
  onActivity(): void;
  /**
   * A background response (`openai-responses` only, see resume.ts): created with `background: true`,
   * or, with `resume`, an existing one read on from after a sequence number.
   */
  background?: { resume?: ResumePoint };
}

/** Where a background response is read on from: its id, the last sequence number seen, the text so far. */
export interface ResumePoint {
  responseId: string;
  after: number;
  text?: string;
}

export type ProviderPart =
  | { type: 'text'; delta: string }
  /** A fragment of one tool call; `slot` is stable for the call within the step (0, 1, ...). */
  | { type: 'tool-call'; slot: number; id?: string; name?: string; argsDelta: string }
  | { type: 'usage'; usage: Usage }
  | { type: 'reasoning'; delta: string }
  | { type: 'source'; url: string; title?: string }
  | { type: 'state'; value: unknown }
  | { type: 'progress'; step?: string; iteration?: number; totalTokens?: number; costUsd?: number }
  /**
   * A tool that runs on the backend (the page never runs it): its arguments streaming (`call`), its
   * start, its end with a result or an error. `id` ties the phases together.
   */
  | { type: 'remote-tool'; phase: 'call' | 'start' | 'end'; id: string; name?: string; argsDelta?: string; args?: unknown; result?: unknown; error?: string }
  /** A background response's event was read: `sequence` is where to read on from after a reload. */
  | { type: 'checkpoint'; responseId: string; sequence: number }
  | { type: 'finish'; reason: FinishReason };

export type Provider = (request: ProviderRequest) => AsyncIterable<ProviderPart>;
