/**
 * An AG-UI agent (`provider: 'ag-ui'`): POST a `RunAgentInput` (thread = the conversation, the page's
 * tools as AG-UI tools, the agent's last state) and read its event stream. A tool call for a page
 * tool ends the run; the engine runs the tool and the next run carries its result. Any other call
 * is the agent's own and shows as remote. Types come from `@ag-ui/core` (types only: the events are
 * read by their `type` string, leniently, rather than through its zod schemas).
 */
import type { ContentPart, Message as AgUiMessage, RunAgentInput, Tool as AgUiTool } from '@ag-ui/core';
import { applyPatch, deepClone, type Operation } from 'fast-json-patch/index.mjs';
import { failure, streamedError } from '../errors.js';
import { attachmentKind, dataUrlParts, inlineText, missingFileText, type ChatMessage } from '../messages.js';
import { readSse } from '../sse-parser.js';
import { openStream } from './http-request.js';
import type { Provider, ProviderPart, ProviderRequest } from './provider.js';
import { parseResult, ToolSlots } from './tool-slots.js';
import { ReasoningBlocks, sourcePart } from './reasoning-sources.js';

/** The agent's shared state by thread, sent back on the next run as AG-UI clients do (bounded). */
const states = new Map<string, unknown>();
const MAX_THREADS = 50;
const MAX_SOURCES_PER_EVENT = 100;

type AgUiEvent = { type?: string; [key: string]: any };

export const agUiProvider: Provider = async function* (request: ProviderRequest): AsyncGenerator<ProviderPart> {
  const threadId = request.connection.conversationId ?? newId();
  const input: RunAgentInput = {
    threadId,
    runId: newId(),
    state: states.get(threadId) ?? {},
    messages: toAgUiMessages(request.messages),
    tools: request.tools.map((t): AgUiTool => ({ name: t.name, description: t.description ?? '', parameters: t.parameters })),
    context: [],
    // RunAgentInput has no model field; what the client passes on to the agent rides in forwardedProps.
    forwardedProps: request.connection.model ? { model: request.connection.model } : {},
  };
  const body = await openStream(request, { body: input });
  const tools = new ToolSlots(request.tools);
  let state: unknown = input.state;
  /** The call a `TOOL_CALL_CHUNK` without an id continues. */
  let currentCall: string | undefined;
  const reasoning = new ReasoningBlocks();
  const setState = (value: unknown): ProviderPart => {
    state = value;
    states.delete(threadId);
    states.set(threadId, value);
    if (states.size > MAX_THREADS) states.delete(states.keys().next().value!);
    return { type: 'state', value };
  };
  for await (const message of readSse(body)) {
    if (message.data === '[DONE]') break;
    let event: AgUiEvent;
    try {
      event = JSON.parse(message.data);
    } catch {
      throw failure('protocol', 'The agent sent an event that is not valid JSON.', { retryable: true, raw: message.data });
    }
    switch (event.type) {
      case 'TEXT_MESSAGE_CONTENT':
      case 'TEXT_MESSAGE_CHUNK':
        if (typeof event.delta === 'string' && event.delta) yield { type: 'text', delta: event.delta };
        break;
      case 'REASONING_MESSAGE_CONTENT':
      case 'REASONING_MESSAGE_CHUNK':
      // The names before AG-UI 1.0, still sent by older agents.
      case 'THINKING_TEXT_MESSAGE_CONTENT': {
        const part = reasoning.part(event.delta, event.messageId);
        if (part) yield part;
        break;
      }
      case 'CUSTOM':
        // AG-UI has no citation event: a `source` custom event carries { url, title } (or a list of them).
        if (event.name === 'source' || event.name === 'sources') {
          for (const value of [event.value].flat().slice(0, MAX_SOURCES_PER_EVENT)) {
            const source = sourcePart(value);
            if (source) yield source;
          }
        }
        break;
      case 'TOOL_CALL_START':
        currentCall = event.toolCallId;
        tools.open(event.toolCallId, event.toolCallName);
        yield tools.args(event.toolCallId, event.toolCallName, '');
        break;
      case 'TOOL_CALL_CHUNK': {
        const id: string | undefined = event.toolCallId ?? currentCall;
        if (!id) break;
        currentCall = id;
        if (!tools.known(id)) tools.open(id, event.toolCallName ?? '');
        yield tools.args(id, event.toolCallName, event.delta ?? '');
        break;
      }
      case 'TOOL_CALL_ARGS':
        if (tools.known(event.toolCallId)) yield tools.args(event.toolCallId, undefined, event.delta ?? '');
        break;
      case 'TOOL_CALL_END':
        // The arguments are complete; an agent's own tool runs now, on the server.
        if (tools.isRemote(event.toolCallId)) yield { type: 'remote-tool', phase: 'start', id: event.toolCallId };
        break;
      case 'TOOL_CALL_RESULT':
        if (!tools.known(event.toolCallId)) {
          tools.open(event.toolCallId, '', true);
          yield { type: 'remote-tool', phase: 'start', id: event.toolCallId };
        }
        if (tools.isRemote(event.toolCallId)) yield { type: 'remote-tool', phase: 'end', id: event.toolCallId, result: parseResult(event.content) };
        break;
      case 'STEP_STARTED':
        if (typeof event.stepName === 'string') yield { type: 'progress', step: event.stepName };
        break;
      case 'STATE_SNAPSHOT':
        yield setState(event.snapshot);
        break;
      case 'STATE_DELTA':
        if (Array.isArray(event.delta)) yield setState(patched(state, event.delta));
        break;
      case 'RUN_ERROR':
        throw streamedError(event.message ?? event.code ?? 'the run failed');
      case 'RUN_FINISHED':
        yield { type: 'finish', reason: 'stop' };
        return;
    }
  }
  // No RUN_FINISHED: the engine reports the stream as cut short.
};

/** A state delta (JSON Patch, RFC 6902) applied to a copy; a patch that does not apply leaves the state. */
function patched(state: unknown, delta: Operation[]): unknown {
  try {
    return applyPatch(deepClone(state ?? {}), delta, false, true).newDocument;
  } catch {
    return state;
  }
}

/** The history as AG-UI messages: ids by position, assistant tool calls as `toolCalls`. */
export function toAgUiMessages(messages: ChatMessage[]): AgUiMessage[] {
  return messages.map((m, i): AgUiMessage => {
    const id = `m${i}`;
    const content = m.content ?? '';
    switch (m.role) {
      case 'system':
        return { id, role: 'system', content };
      case 'user':
        return { id, role: 'user', content: m.attachments?.length ? userParts(m) : content };
      case 'tool':
        return { id, role: 'tool', content, toolCallId: m.tool_call_id ?? '' };
      case 'assistant':
        return {
          id,
          role: 'assistant',
          ...(m.content ? { content: m.content } : {}),
          ...(m.tool_calls?.length ? { toolCalls: m.tool_calls.map((c) => ({ id: c.id, type: 'function' as const, function: { ...c.function } })) } : {}),
        };
    }
  });
}

/**
 * A user message with files as AG-UI content parts: its text, each text file inline with its name, images
 * as `image` and other files (PDFs) as `document` parts whose bytes travel inline (base64, with their media
 * type); the file's name rides in the part's metadata, where AG-UI puts what it does not model.
 */
function userParts(m: ChatMessage): ContentPart[] {
  const parts: ContentPart[] = [];
  if (m.content) parts.push({ type: 'text', text: m.content });
  for (const a of m.attachments ?? []) {
    const kind = attachmentKind(a);
    const data = dataUrlParts(a.data);
    if (kind === 'text') parts.push({ type: 'text', text: inlineText(a) });
    else if (!data) parts.push({ type: 'text', text: missingFileText(a) });
    else {
      const source = { type: 'data' as const, value: data.base64, mimeType: a.type || data.mediaType };
      parts.push({ type: kind === 'image' ? 'image' : 'document', source, metadata: { filename: a.name } });
    }
  }
  return parts;
}

function newId(): string {
  return globalThis.crypto?.randomUUID?.() ?? `id-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}
