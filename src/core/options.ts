/** What `runChat` takes and gives back. */
import type { ChatError, ChatEvent, FinishReason, Usage } from './events.js';
import type { ContinuationMode } from './continuation.js';
import type { ChatMessage } from './messages.js';

/** A zod schema, typed loosely so the host's own zod build (v4) can be passed in. */
export type Schema<T = unknown> = import('zod').ZodType<T>;

export interface ToolContext<C = unknown> {
  /** Aborted when the turn is stopped or the tool times out. */
  signal: AbortSignal;
  context: C;
  /** The id of this call. */
  callId: string;
}

export interface Tool<A = any, R = unknown, C = any> {
  name: string;
  description?: string;
  parameters: Schema<A>;
  execute(args: A, options: ToolContext<C>): R | Promise<R>;
  /** When it answers true, the run waits for the host to approve or deny (a `tool-approval` event). */
  needsApproval?(args: A, context: C): boolean | Promise<boolean>;
  /** Milliseconds before the call is aborted and reported as an error. Default 60 000. */
  timeoutMs?: number;
  /** The arguments' JSON Schema as sent to the model, when the tool came with one (MCP); else from `parameters`. */
  jsonSchema?: Record<string, unknown>;
  /** Where the tool comes from when it is not the page's own (`mcp:<server>`), shown on its card. */
  source?: string;
}

/** An MCP server reached over Streamable HTTP, whose tools the model may call. */
export interface McpServerOptions {
  /** Its endpoint; relative to the page in a browser. */
  url: string;
  /** Shown on tool cards and notices (default: the URL's host and path). */
  name?: string;
  headers?: Record<string, string>;
  /** Ask the user before each call. Default true: another party's code acts on the user's behalf. */
  needsApproval?: boolean;
}

export type ProviderName = 'openai' | 'openai-responses' | 'ag-ui' | 'ai-sdk' | 'sse' | 'websocket';

/** What a `request` hook is given to shape a backend's request. */
export interface RequestInput<C = any> {
  /** The conversation in the OpenAI chat message shape, the system message first when there is one. */
  messages: ChatMessage[];
  /** The last user message's text. */
  prompt: string;
  model?: string;
  conversationId?: string;
  context: C;
}

/** What a `request` hook returns: each field left out keeps the backend's default. */
export interface RequestShape {
  /** Absolute or relative to the page; for `websocket`, `ws:`/`wss:` or `http(s):` (mapped). */
  url?: string;
  /** `POST` by default; `GET` sends no body. */
  method?: string;
  headers?: Record<string, string>;
  /** Sent as JSON (a string is sent as it is); for `websocket`, the first message. */
  body?: unknown;
}

/** Shapes the request of an `ag-ui`, `ai-sdk`, `sse` or `websocket` backend. */
export type RequestHook<C = any> = (input: RequestInput<C>) => RequestShape | Promise<RequestShape>;

/** Price per million tokens, by model name. */
export interface ModelPrice {
  input: number;
  output: number;
}

export interface RunChatOptions<C = any> {
  provider?: ProviderName;
  /** OpenAI-compatible base URL (a proxy, a local server; relative to the page, e.g. `/v1`). Default: OpenAI's. */
  baseURL?: string;
  /** URL of an AG-UI, AI SDK, SSE or WebSocket backend (relative URLs resolve against the page). */
  endpoint?: string;
  /** Shapes the backend's request (`ag-ui`, `ai-sdk`, `sse`, `websocket`): `?query=`, a GET, `{"query"}`. */
  request?: RequestHook<C>;
  /** The conversation's id: AG-UI's thread id, the AI SDK chat id, and the `request` hook's input. */
  conversationId?: string;
  apiKey?: string;
  model?: string;
  /**
   * Models tried in order when the current one fails for good before answering (not found, the server
   * failing on it after the retries, a refusal of the request's shape). The turn goes on with the one
   * that answered; a `fallback` event says which.
   */
  fallbackModels?: string[];
  headers?: Record<string, string>;
  /** The history, ending with the user's new message (or, with `continueAnswer`, with a cut answer). */
  messages: ChatMessage[];
  /**
   * The history ends with an answer that was cut (stopped, a dropped connection, the token limit):
   * the model writes what follows it, and the partial text and the rest become one message.
   */
  continueAnswer?: boolean;
  /**
   * How a continuation is asked for: `instruction` (default, any server) sends the partial answer and a
   * hidden instruction to go on; `prefix` leaves the partial answer last (`prefix: true`), for servers
   * that continue an assistant message (DeepSeek, Mistral, vLLM, llama.cpp).
   */
  continuationMode?: ContinuationMode;
  system?: string | ((context: C) => string | Promise<string>);
  context?: C;
  tools?: Tool<any, unknown, C>[];
  /** MCP servers whose tools are offered beside `tools` (the MCP SDK is loaded only when this is set). */
  mcpServers?: McpServerOptions[];
  schema?: Schema;
  signal?: AbortSignal;
  /** Model calls in one turn (tool loop). Default 8. */
  maxSteps?: number;
  /** Retries before the first token. Default 2. */
  maxRetries?: number;
  /** Re-asks when the final structured value fails the schema. Default 1. */
  maxValidationRetries?: number;
  /** No byte for this long is a timeout. Default 30 000. */
  idleTimeoutMs?: number;
  temperature?: number;
  /** Upper bound on the answer's tokens per model call; a cut answer ends with finish reason `length`. */
  maxTokens?: number;
  prices?: Record<string, ModelPrice>;
  /**
   * `openai-responses` only: the answer runs as a background response on the server (`background: true,
   * store: true`), which goes on if the page goes away; `checkpoint` events say where it is, and Stop
   * cancels it on the server.
   */
  background?: boolean;
  /**
   * `openai-responses` only: instead of a new request, read on a background response from after
   * sequence number `after`, into an answer whose text so far is `text` (from the last `checkpoint`).
   * `messages` is then the history before that answer. A response that finished meanwhile ends with
   * what the server kept (its whole text, its error, or stopped when it was cancelled).
   */
  resume?: { responseId: string; after: number; text?: string };
  /**
   * `json_schema` (default) sends the schema as `response_format`; `json_object` asks for JSON
   * and puts the schema in the system prompt, for servers without json_schema support.
   */
  structuredMode?: 'json_schema' | 'json_object';
  /**
   * The `fetch` HTTP providers use (default: the global one). For hosts with their own transport
   * (auth refresh, logging) and for tests that replay recorded streams.
   */
  fetch?: (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;
}

export interface ChatResult {
  /** The final assistant message (partial when the turn failed or was stopped). */
  message: ChatMessage;
  /** The history after the turn: input, tool calls, tool results, final answer. */
  messages: ChatMessage[];
  usage: Usage;
  finishReason: FinishReason;
  object?: unknown;
  error?: ChatError;
  /** The model that answered (differs from `options.model` after a fallback). */
  model?: string;
}

export interface ChatRun extends AsyncIterable<ChatEvent> {
  readonly result: Promise<ChatResult>;
  /** Stops the turn; the partial answer is kept, finish reason `aborted`. */
  abort(): void;
}
