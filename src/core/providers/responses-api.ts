/**
 * The Responses API's request body and stream events, shared by the plain provider
 * (openai-responses.ts) and background responses (openai-background.ts): history as Responses input
 * items (messages, function calls, their outputs), `response.*` events as provider parts. Reasoning
 * summaries (and the raw reasoning text some servers stream) become reasoning parts, `url_citation`
 * annotations sources (as they are added, and in the finished message item).
 */
import { toUsage } from '../chat-accumulator.js';
import { streamedError } from '../errors.js';
import { responsesContentParts, type ChatMessage } from '../messages.js';
import type { ProviderPart, ProviderRequest } from './provider.js';
import { ReasoningBlocks, sourcePart } from './reasoning-sources.js';

export interface StreamEvent {
  type: string;
  [key: string]: any;
}

/** The `POST /responses` body of a streamed request. */
export function responsesBody(request: ProviderRequest): Record<string, unknown> {
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
  return body;
}

/**
 * Reads `response.*` stream events one at a time into provider parts; `finished` turns true at the
 * event that ends the response (`response.completed` / `response.incomplete`).
 */
export function responsesReader(): { parts(event: StreamEvent): ProviderPart[]; readonly finished: boolean } {
  const slots = new Map<string, number>();
  let calls = 0;
  let finished = false;
  const reasoning = new ReasoningBlocks();
  const slotOf = (e: StreamEvent): number => {
    const key = String(e.item_id ?? e.item?.id ?? e.output_index);
    let slot = slots.get(key);
    if (slot === undefined) slots.set(key, (slot = calls++));
    if (e.output_index !== undefined) slots.set(String(e.output_index), slot);
    return slot;
  };
  return {
    get finished() {
      return finished;
    },
    parts(event) {
      switch (event.type) {
        case 'response.output_text.delta':
          return event.delta ? [{ type: 'text', delta: event.delta }] : [];
        case 'response.reasoning_summary_text.delta':
        case 'response.reasoning_text.delta': {
          const part = reasoning.part(event.delta, `${event.item_id}:${event.summary_index ?? event.content_index}`);
          return part ? [part] : [];
        }
        case 'response.output_text.annotation.added': {
          const source = sourcePart(event.annotation);
          return source ? [source] : [];
        }
        case 'response.output_item.done': {
          if (event.item?.type !== 'message' || !Array.isArray(event.item.content)) return [];
          const sources: ProviderPart[] = [];
          for (const content of event.item.content) {
            for (const annotation of Array.isArray(content?.annotations) ? content.annotations : []) {
              const source = sourcePart(annotation);
              if (source) sources.push(source);
            }
          }
          return sources;
        }
        case 'response.output_item.added':
          if (event.item?.type !== 'function_call') return [];
          return [{ type: 'tool-call', slot: slotOf(event), id: event.item.call_id, name: event.item.name, argsDelta: event.item.arguments ?? '' }];
        case 'response.function_call_arguments.delta':
          return [{ type: 'tool-call', slot: slotOf(event), argsDelta: event.delta ?? '' }];
        case 'response.completed':
        case 'response.incomplete': {
          finished = true;
          const parts: ProviderPart[] = [];
          const usage = toUsage(event.response?.usage);
          if (usage) parts.push({ type: 'usage', usage });
          const reason = event.response?.incomplete_details?.reason;
          if (event.type === 'response.incomplete') parts.push({ type: 'finish', reason: reason === 'content_filter' ? 'content_filter' : 'length' });
          else parts.push({ type: 'finish', reason: calls > 0 ? 'tool_calls' : 'stop' });
          return parts;
        }
        case 'response.failed':
          throw streamedError(event.response?.error ?? 'the response failed');
        case 'error':
          throw streamedError(event);
      }
      return [];
    },
  };
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
