/**
 * One neutral shape for a conversation, whichever API it came through (Chat Completions messages,
 * Responses input items, the generic SSE / WebSocket `{messages}`), so content and tools are decided once.
 */
import type { JsonSchema } from './json-schema.js';

export interface ToolCall {
  id: string;
  name: string;
  /** The arguments as JSON text, as the APIs carry them. */
  arguments: string;
}

export interface Turn {
  role: 'system' | 'user' | 'assistant' | 'tool';
  text: string;
  toolCalls?: ToolCall[];
  /** For `tool` turns: which call this answers. */
  toolCallId?: string;
  /** Images and files sent with a user turn (text files arrive inline in `text`). */
  files?: FileSeen[];
}

/** What the dev model can tell of a file part: its kind, name when given, media type and decoded size. */
export interface FileSeen {
  kind: 'image' | 'file';
  name: string;
  type: string;
  bytes: number;
}

/** A `data:` URL's media type and decoded byte count (0 for anything else, e.g. an https URL). */
function dataUrl(url: unknown): { type: string; bytes: number } {
  const m = /^data:([^;,]*)(;base64)?,(.*)$/s.exec(typeof url === 'string' ? url : '');
  if (!m) return { type: '', bytes: 0 };
  const body = m[3];
  const bytes = m[2] ? Math.floor((body.length * 3) / 4) - (body.endsWith('==') ? 2 : body.endsWith('=') ? 1 : 0) : body.length;
  return { type: m[1], bytes };
}

/** An AG-UI part's source: base64 bytes with their media type, or a URL. */
function agUiSource(source: any): { type: string; bytes: number } {
  if (source?.type !== 'data') return { type: String(source?.mimeType ?? ''), bytes: 0 };
  return dataUrl(`data:${source.mimeType ?? ''};base64,${source.value ?? ''}`);
}

/**
 * Image and file parts of a message `content` (or an AI SDK UI message's `parts`), in every spelling the
 * dev model speaks: Chat Completions, Responses, AG-UI (`image` / `document` with a source) and the AI SDK
 * (`file` with a media type and a URL).
 */
export function contentFiles(content: unknown): FileSeen[] | undefined {
  if (!Array.isArray(content)) return undefined;
  const files: FileSeen[] = [];
  for (const part of content) {
    if (part?.type === 'image_url' || part?.type === 'input_image') {
      const url = part.type === 'image_url' ? part.image_url?.url : part.image_url;
      files.push({ kind: 'image', name: '', ...dataUrl(url) });
    } else if (part?.type === 'file' && typeof part.url === 'string') {
      const kind = String(part.mediaType ?? '').startsWith('image/') ? 'image' : 'file';
      files.push({ kind, name: String(part.filename ?? ''), ...dataUrl(part.url) });
    } else if (part?.type === 'file' || part?.type === 'input_file') {
      const file = part.type === 'file' ? part.file : part;
      files.push({ kind: 'file', name: String(file?.filename ?? ''), ...dataUrl(file?.file_data) });
    } else if ((part?.type === 'image' || part?.type === 'document') && part.source) {
      files.push({ kind: part.type === 'image' ? 'image' : 'file', name: String(part.metadata?.filename ?? ''), ...agUiSource(part.source) });
    }
  }
  return files.length ? files : undefined;
}

/** True when any message holds an image part (what a model without vision refuses). */
export function hasImages(turns: Turn[]): boolean {
  return turns.some((t) => t.files?.some((f) => f.kind === 'image'));
}

export interface ToolSpec {
  name: string;
  description?: string;
  parameters?: JsonSchema;
}

export type OutputFormat =
  | { type: 'text' }
  | { type: 'json_schema'; name: string; schema: JsonSchema }
  | { type: 'json_object' };

/** Text of a message `content`: a string, or an array of text parts in either API's spelling. */
export function contentText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return content == null ? '' : JSON.stringify(content);
  return content
    .map((part) => (typeof part === 'string' ? part : typeof part?.text === 'string' ? part.text : ''))
    .join('');
}

function role(value: unknown): Turn['role'] {
  if (value === 'assistant' || value === 'tool' || value === 'user') return value;
  // `developer` is the newer name for the system role.
  if (value === 'system' || value === 'developer') return 'system';
  return 'user';
}

/** Chat Completions messages (also the generic backends' `{role, content}` messages). */
export function fromChatMessages(messages: unknown): Turn[] {
  if (!Array.isArray(messages)) return [];
  return messages.map((m: any): Turn => {
    const turn: Turn = { role: role(m?.role), text: contentText(m?.content) };
    const files = contentFiles(m?.content);
    if (files) turn.files = files;
    if (Array.isArray(m?.tool_calls) && m.tool_calls.length) {
      turn.toolCalls = m.tool_calls.map((c: any) => ({
        id: String(c?.id ?? ''),
        name: String(c?.function?.name ?? ''),
        arguments: String(c?.function?.arguments ?? ''),
      }));
    }
    if (m?.tool_call_id) turn.toolCallId = String(m.tool_call_id);
    return turn;
  });
}

/**
 * Responses API `input` (a string or a list of items) plus `instructions`. Consecutive `function_call`
 * items become one turn of the model, as they were one step.
 */
export function fromResponsesInput(input: unknown, instructions?: unknown): Turn[] {
  const turns: Turn[] = [];
  if (typeof instructions === 'string' && instructions) turns.push({ role: 'system', text: instructions });
  if (typeof input === 'string') return [...turns, { role: 'user', text: input }];
  if (!Array.isArray(input)) return turns;
  for (const item of input as any[]) {
    if (item?.type === 'function_call') {
      const call = { id: String(item.call_id ?? item.id ?? ''), name: String(item.name ?? ''), arguments: String(item.arguments ?? '') };
      const last = turns[turns.length - 1];
      if (last?.role === 'assistant' && last.toolCalls && !last.text) last.toolCalls.push(call);
      else turns.push({ role: 'assistant', text: '', toolCalls: [call] });
    } else if (item?.type === 'function_call_output') {
      turns.push({ role: 'tool', text: contentText(item.output), toolCallId: String(item.call_id ?? '') });
    } else if (item?.type === 'message' || item?.role) {
      const files = contentFiles(item.content);
      turns.push({ role: role(item.role), text: contentText(item.content), ...(files ? { files } : {}) });
    }
  }
  return turns;
}

/** Chat Completions `tools` (`{type:'function', function:{…}}`) or Responses `tools` (`{type:'function', name, …}`). */
export function toolSpecs(tools: unknown): ToolSpec[] {
  if (!Array.isArray(tools)) return [];
  return tools
    .map((t: any) => t?.function ?? t)
    .filter((f: any) => typeof f?.name === 'string' && f.name)
    .map((f: any) => ({ name: f.name, description: f.description, parameters: f.parameters }));
}

/** Chat Completions `response_format` or Responses `text.format`. */
export function outputFormat(format: any): OutputFormat {
  if (format?.type === 'json_schema') {
    // Chat Completions nests the schema under `json_schema`; Responses puts it on the format itself.
    const spec = format.json_schema ?? format;
    return { type: 'json_schema', name: String(spec.name ?? 'output'), schema: spec.schema ?? {} };
  }
  if (format?.type === 'json_object') return { type: 'json_object' };
  return { type: 'text' };
}

/** The last user turn's text: what the answer is about. */
export function lastUserText(turns: Turn[]): string {
  for (let i = turns.length - 1; i >= 0; i--) if (turns[i].role === 'user') return turns[i].text;
  return '';
}
