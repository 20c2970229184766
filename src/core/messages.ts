/**
 * Chat history in the OpenAI Chat Completions message shape, so a history can be handed to any
 * OpenAI-compatible server as it is, stored as it is, and exported as it is.
 */

export type Role = 'system' | 'user' | 'assistant' | 'tool';

export interface ToolCall {
  id: string;
  type: 'function';
  function: { name: string; arguments: string };
}

export interface ChatMessage {
  role: Role;
  /** `null` only on an assistant message that holds tool calls and no text. */
  content: string | null;
  /** Assistant messages: the tools the model asked for. */
  tool_calls?: ToolCall[];
  /** Tool messages: which call this result answers. */
  tool_call_id?: string;
  /** Tool messages: the tool's name (kept for readers of stored history). */
  name?: string;
  /** An assistant message sent last for the model to continue (DeepSeek's and Mistral's `prefix`); never stored. */
  prefix?: boolean;
}
