/**
 * A Vercel AI SDK route (`provider: 'ai-sdk'`): POST `{ id, messages, trigger }` with the history as
 * the SDK's UI messages, and read the UI message stream that `toUIMessageStreamResponse()` writes.
 * A tool input for a page tool ends the step; the engine runs the tool and the conversation is sent
 * again with its output, as `useChat` does with client-side tools. Tools the route runs itself
 * (`tool-output-*` in the same stream, or `providerExecuted`) show as remote.
 */
import { failure, streamedError } from '../errors.js';
import type { FinishReason } from '../events.js';
import { readSse } from '../sse-parser.js';
import { openStream } from './http-request.js';
import type { Provider, ProviderPart, ProviderRequest } from './provider.js';
import { ToolSlots } from './tool-slots.js';
import { ReasoningBlocks } from './reasoning-sources.js';
import { toUiMessages } from './ui-messages.js';

type Chunk = { type?: string; [key: string]: any };

export const aiSdkProvider: Provider = async function* (request: ProviderRequest): AsyncGenerator<ProviderPart> {
  const { connection } = request;
  const body = await openStream(request, {
    body: {
      id: connection.conversationId ?? 'chat',
      messages: toUiMessages(request.messages),
      // After a page tool's output, useChat sends the conversation again with the same trigger.
      trigger: 'submit-message',
      ...(connection.model ? { model: connection.model } : {}),
    },
  });
  const tools = new ToolSlots(request.tools);
  const streamed = new Set<string>();
  let finish: FinishReason | undefined;
  const reasoning = new ReasoningBlocks();
  for await (const message of readSse(body)) {
    if (message.data === '[DONE]') break;
    let chunk: Chunk;
    try {
      chunk = JSON.parse(message.data);
    } catch {
      throw failure('protocol', 'The server sent a stream part that is not valid JSON.', { retryable: true, raw: message.data });
    }
    switch (chunk.type) {
      case 'text-delta':
        if (typeof chunk.delta === 'string' && chunk.delta) yield { type: 'text', delta: chunk.delta };
        break;
      case 'reasoning-delta': {
        const part = reasoning.part(chunk.delta, chunk.id);
        if (part) yield part;
        break;
      }
      case 'source-url':
        if (typeof chunk.url === 'string' && chunk.url) yield { type: 'source', url: chunk.url, ...(typeof chunk.title === 'string' && chunk.title ? { title: chunk.title } : {}) };
        break;
      case 'tool-input-start':
        tools.open(chunk.toolCallId, chunk.toolName, chunk.providerExecuted === true);
        yield tools.args(chunk.toolCallId, chunk.toolName, '');
        break;
      case 'tool-input-delta':
        if (!tools.known(chunk.toolCallId)) break;
        streamed.add(chunk.toolCallId);
        yield tools.args(chunk.toolCallId, undefined, chunk.inputTextDelta ?? '');
        break;
      case 'tool-input-available': {
        const id: string = chunk.toolCallId;
        tools.open(id, chunk.toolName, chunk.providerExecuted === true);
        // Arguments that did not stream arrive whole here.
        if (!streamed.has(id)) yield tools.args(id, chunk.toolName, JSON.stringify(chunk.input ?? {}));
        if (tools.isRemote(id)) yield { type: 'remote-tool', phase: 'start', id, args: chunk.input };
        break;
      }
      case 'tool-input-error':
        tools.open(chunk.toolCallId, chunk.toolName, true);
        yield { type: 'remote-tool', phase: 'end', id: chunk.toolCallId, name: chunk.toolName, error: String(chunk.errorText ?? 'invalid input') };
        break;
      case 'tool-output-available':
      case 'tool-output-error':
      case 'tool-output-denied': {
        const id: string = chunk.toolCallId;
        if (!tools.known(id)) tools.open(id, '', true);
        if (!tools.isRemote(id)) break;
        const error = chunk.type === 'tool-output-error' ? String(chunk.errorText ?? 'the tool failed') : chunk.type === 'tool-output-denied' ? 'The call was denied.' : undefined;
        yield { type: 'remote-tool', phase: 'end', id, ...(error ? { error } : { result: chunk.output }) };
        break;
      }
      case 'message-metadata':
      case 'finish': {
        const usage = usageOf(chunk.messageMetadata);
        if (usage) yield usage;
        if (chunk.type === 'finish') finish = chunk.finishReason === 'length' ? 'length' : chunk.finishReason === 'content-filter' ? 'content_filter' : 'stop';
        break;
      }
      case 'abort':
        finish = 'aborted';
        break;
      case 'error':
        throw streamedError(chunk.errorText ?? 'unknown error');
    }
  }
  // A stream without `finish` is cut short: the engine says so.
  if (finish) yield { type: 'finish', reason: finish };
};

/** Token counts a route put in its message metadata (`messageMetadata: ({ part }) => part.totalUsage`). */
function usageOf(metadata: unknown): ProviderPart | undefined {
  if (!metadata || typeof metadata !== 'object') return undefined;
  const m = metadata as Record<string, any>;
  const usage = m.totalUsage ?? m.usage ?? m;
  const total = usage?.totalTokens;
  if (typeof total !== 'number') return undefined;
  return { type: 'progress', totalTokens: total, ...(typeof m.costUsd === 'number' ? { costUsd: m.costUsd } : {}) };
}
