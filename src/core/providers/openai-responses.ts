/**
 * The Responses API (`provider: 'openai-responses'`): the same parts from `response.*` stream
 * events. History is sent as Responses input items: messages, function calls, their outputs.
 * Reasoning summaries (and the raw reasoning text some servers stream) become reasoning parts,
 * `url_citation` annotations sources (as they are added, and in the finished message item).
 */
import { toUsage } from '../chat-accumulator.js';
import { streamedError } from '../errors.js';
import { responsesContentParts, type ChatMessage } from '../messages.js';
import { createClient, sdkProvider } from './openai-client.js';
import { streamedJson } from './openai-stream.js';
import type { Provider, ProviderPart, ProviderRequest } from './provider.js';
import { ReasoningBlocks, sourcePart } from './reasoning-sources.js';

interface StreamEvent {
  type: string;
  [key: string]: any;
}

export const openaiResponsesProvider: Provider = sdkProvider(stream);

async function* stream(request: ProviderRequest): AsyncGenerator<ProviderPart> {
  const client = await createClient(request);
  const { connection, sampling, tools, output } = request;
  const instructions = request.messages.filter((m) => m.role === 'system').map((m) => m.content ?? '').join('\n\n');
  const body: Record<string, unknown> = {
    model: connection.model ?? 'gpt-4o-mini',
    input: request.messages.filter((m) => m.role !== 'system').flatMap(toInput),
    stream: true,
  };
  if (instructions) body.instructions = instructions;
  if (sampling.temperature !== undefined) body.temperature = sampling.temperature;
  if (sampling.maxTokens !== undefined) body.max_output_tokens = sampling.maxTokens;
  if (tools.length) {
    body.tools = tools.map((t) => ({ type: 'function', name: t.name, description: t.description, parameters: t.parameters, strict: false }));
  }
  if (output) body.text = output.responsesText;
  const slots = new Map<string, number>();
  let calls = 0;
  const slotOf = (e: StreamEvent): number => {
    const key = String(e.item_id ?? e.item?.id ?? e.output_index);
    let slot = slots.get(key);
    if (slot === undefined) slots.set(key, (slot = calls++));
    if (e.output_index !== undefined) slots.set(String(e.output_index), slot);
    return slot;
  };
  const reasoning = new ReasoningBlocks();
  for await (const event of streamedJson(client.responses.create(body as never, { signal: request.signal })) as AsyncIterable<StreamEvent>) {
    switch (event.type) {
      case 'response.output_text.delta':
        if (event.delta) yield { type: 'text', delta: event.delta };
        break;
      case 'response.reasoning_summary_text.delta':
      case 'response.reasoning_text.delta': {
        const part = reasoning.part(event.delta, `${event.item_id}:${event.summary_index ?? event.content_index}`);
        if (part) yield part;
        break;
      }
      case 'response.output_text.annotation.added': {
        const source = sourcePart(event.annotation);
        if (source) yield source;
        break;
      }
      case 'response.output_item.done':
        if (event.item?.type === 'message' && Array.isArray(event.item.content)) {
          for (const content of event.item.content) {
            for (const annotation of Array.isArray(content?.annotations) ? content.annotations : []) {
              const source = sourcePart(annotation);
              if (source) yield source;
            }
          }
        }
        break;
      case 'response.output_item.added':
        if (event.item?.type === 'function_call') {
          yield { type: 'tool-call', slot: slotOf(event), id: event.item.call_id, name: event.item.name, argsDelta: event.item.arguments ?? '' };
        }
        break;
      case 'response.function_call_arguments.delta':
        yield { type: 'tool-call', slot: slotOf(event), argsDelta: event.delta ?? '' };
        break;
      case 'response.completed':
      case 'response.incomplete': {
        const usage = toUsage(event.response?.usage);
        if (usage) yield { type: 'usage', usage };
        const reason = event.response?.incomplete_details?.reason;
        if (event.type === 'response.incomplete') yield { type: 'finish', reason: reason === 'content_filter' ? 'content_filter' : 'length' };
        else yield { type: 'finish', reason: calls > 0 ? 'tool_calls' : 'stop' };
        return;
      }
      case 'response.failed':
        throw streamedError(event.response?.error ?? 'the response failed');
      case 'error':
        throw streamedError(event);
    }
  }
}

/** A chat message as Responses input items (an assistant turn with tools becomes several items). */
function toInput(m: ChatMessage): Record<string, unknown>[] {
  if (m.role === 'tool') return [{ type: 'function_call_output', call_id: m.tool_call_id, output: m.content ?? '' }];
  const items: Record<string, unknown>[] = [];
  if (m.attachments?.length) items.push({ role: m.role, content: responsesContentParts(m) });
  else if (m.content) items.push({ role: m.role, content: m.content });
  for (const call of m.tool_calls ?? []) {
    items.push({ type: 'function_call', call_id: call.id, name: call.function.name, arguments: call.function.arguments });
  }
  return items;
}
