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
  /**
   * User messages: files sent with the text. `content` stays the typed text (a string), so a history
   * without files reads as it always did; each provider turns these into its own content parts.
   */
  attachments?: Attachment[];
  /** An assistant message sent last for the model to continue (DeepSeek's and Mistral's `prefix`); never stored. */
  prefix?: boolean;
  /** Assistant messages: the model's visible reasoning (or its summary). Shown and stored, never sent to a model. */
  reasoning?: string;
  /** How long the model reasoned, in milliseconds: from its first reasoning to its first answer (or the step's end). */
  reasoningMs?: number;
  /** Assistant messages: what the answer cites, one per URL, in the order they arrived. Never sent to a model. */
  sources?: ChatSource[];
  /** Assistant messages: the reader's rating of the answer (the element's thumbs); stored, never sent to a model. */
  feedback?: Feedback;
}

/** A reader's rating of an answer, with what they wrote about it. */
export interface Feedback {
  rating: 'up' | 'down';
  comment?: string;
}

/** A citation an answer rests on (a `source` event). `url` is as the backend sent it: check it before linking. */
export interface ChatSource {
  url: string;
  title?: string;
}

/** A message as a model is sent it: what only a reader sees (reasoning, sources, the reader's rating) left out. */
export const forModel = ({ reasoning: _reasoning, reasoningMs: _ms, sources: _sources, feedback: _feedback, ...sent }: ChatMessage): ChatMessage =>
  sent;

/**
 * A file sent with a user message. Stored records keep only the description (id, name, type, size, and
 * the text of a text file); the bytes are kept as a Blob beside the record and put back in `data`
 * before the model is asked.
 */
export interface Attachment {
  id: string;
  name: string;
  /** Media type, e.g. `image/png`, `application/pdf`, `text/plain`. */
  type: string;
  /** Size in bytes of what is sent (an image after it was shrunk). */
  size: number;
  /** Images and PDFs: the bytes as a `data:` URL, present while a turn is sent, never stored. */
  data?: string;
  /** Text files: their text, sent inline with the file's name. */
  text?: string;
}

/** How an attachment is sent: inline text, an image, or a file (PDF). */
export function attachmentKind(a: Attachment): 'text' | 'image' | 'file' {
  if (a.text !== undefined) return 'text';
  return a.type.startsWith('image/') ? 'image' : 'file';
}

/** The inline form of a text file: its name, then its text fenced so markup in it stays text. */
export function inlineText(a: Attachment): string {
  const fence = '`'.repeat(Math.max(3, ...Array.from((a.text ?? '').matchAll(/`+/g), (m) => m[0].length + 1)));
  return `File: ${a.name}\n${fence}\n${a.text ?? ''}\n${fence}`;
}

/** A `data:` URL's media type and base64 body, or undefined for anything else (an https URL, nothing). */
export function dataUrlParts(url: string | undefined): { mediaType: string; base64: string } | undefined {
  const match = /^data:([^;,]*)((?:;[^;,]*)*?);base64,(.*)$/s.exec(url ?? '');
  return match ? { mediaType: match[1], base64: match[3] } : undefined;
}

/** Said in place of a file whose bytes are no longer kept, so the model knows one was sent. */
export function missingFileText(a: Attachment): string {
  return `File: ${a.name} (${a.type || 'unknown type'}; its content is no longer available)`;
}

/** Chat Completions content parts for a user message with attachments (text first, then each file). */
export function chatContentParts(m: ChatMessage): Record<string, unknown>[] {
  const parts: Record<string, unknown>[] = [];
  if (m.content) parts.push({ type: 'text', text: m.content });
  for (const a of m.attachments ?? []) {
    const kind = attachmentKind(a);
    if (kind === 'text') parts.push({ type: 'text', text: inlineText(a) });
    else if (!a.data) parts.push({ type: 'text', text: missingFileText(a) });
    else if (kind === 'image') parts.push({ type: 'image_url', image_url: { url: a.data } });
    else parts.push({ type: 'file', file: { filename: a.name, file_data: a.data } });
  }
  return parts;
}

/** Responses input content for a user message with attachments. */
export function responsesContentParts(m: ChatMessage): Record<string, unknown>[] {
  const parts: Record<string, unknown>[] = [];
  if (m.content) parts.push({ type: 'input_text', text: m.content });
  for (const a of m.attachments ?? []) {
    const kind = attachmentKind(a);
    if (kind === 'text') parts.push({ type: 'input_text', text: inlineText(a) });
    else if (!a.data) parts.push({ type: 'input_text', text: missingFileText(a) });
    else if (kind === 'image') parts.push({ type: 'input_image', image_url: a.data, detail: 'auto' });
    else parts.push({ type: 'input_file', filename: a.name, file_data: a.data });
  }
  return parts;
}
