/**
 * `POST /v1/responses`: the Responses API. Streaming sends the event sequence OpenAI sends
 * (`response.created`, `response.in_progress`, per output item `output_item.added`, content part or
 * function-call argument deltas, the `.done` events, then `response.completed` with usage); a failure
 * mid-stream is an `error` event followed by `response.failed`.
 */
import type { ServerResponse } from 'node:http';
import { sendJson } from './http.js';
import type { Scenario } from './options.js';
import { createPacer, splitChunks } from './pacing.js';
import { seedOf, usageOf, type Plan, type TurnRequest } from './plan.js';
import { makeId, random } from './random.js';
import { MID_STREAM_ERROR, play, type Step } from './scenarios.js';
import { openSse, type SseWriter } from './sse.js';
import { responsesAnnotations, responsesAnnotationSteps, responsesReasoningItem, responsesReasoningSteps } from './reasoning.js';

type Item = Record<string, unknown> & { id: string; type: string };

function usageObject(request: TurnRequest, plan: Plan) {
  const u = usageOf(request, plan);
  return {
    input_tokens: u.prompt,
    input_tokens_details: { cached_tokens: 0 },
    output_tokens: u.completion,
    output_tokens_details: { reasoning_tokens: 0 },
    total_tokens: u.total,
  };
}

/** The finished output items of a plan: one message, or one function_call item per call. */
function outputItems(plan: Plan, seed: string): Item[] {
  if (plan.kind === 'tools') {
    return plan.calls.map((c, i) => ({
      id: makeId('fc_', `${seed}:${i}`, 40),
      type: 'function_call',
      status: 'completed',
      arguments: c.arguments,
      call_id: c.id,
      name: c.name,
    }));
  }
  return [
    ...(plan.reasoning ? [responsesReasoningItem(plan, makeId('rs_', seed, 40))] : []),
    {
      id: makeId('msg_', seed, 40),
      type: 'message',
      status: plan.truncated || plan.filtered ? 'incomplete' : 'completed',
      role: 'assistant',
      content: [{ type: 'output_text', annotations: responsesAnnotations(plan, plan.text), logprobs: [], text: plan.text }],
    },
  ];
}

function responseObject(request: TurnRequest, body: any, id: string, status: string, output: Item[], usage: unknown, plan?: Plan) {
  const reason = plan?.kind !== 'tools' && plan?.filtered ? 'content_filter' : 'max_output_tokens';
  return {
    id,
    object: 'response',
    created_at: Math.floor(Date.now() / 1000),
    status,
    background: Boolean(body.background),
    error: null,
    incomplete_details: status === 'incomplete' ? { reason } : null,
    instructions: body.instructions ?? null,
    max_output_tokens: body.max_output_tokens ?? null,
    model: request.options.model,
    output,
    parallel_tool_calls: true,
    previous_response_id: body.previous_response_id ?? null,
    reasoning: { effort: null, summary: null },
    store: Boolean(body.store),
    temperature: body.temperature ?? 1,
    text: body.text ?? { format: { type: 'text' } },
    tool_choice: body.tool_choice ?? 'auto',
    tools: body.tools ?? [],
    top_p: body.top_p ?? 1,
    truncation: 'disabled',
    usage,
    user: null,
    metadata: body.metadata ?? {},
  };
}

/** `incomplete` when the token limit cut the answer (ends with `response.incomplete`), else `completed`. */
const finalStatus = (plan: Plan) => (plan.kind !== 'tools' && (plan.truncated || plan.filtered) ? 'incomplete' : 'completed');

/** The non-streaming answer. */
export function response(res: ServerResponse, request: TurnRequest, plan: Plan, body: any): void {
  const seed = seedOf(request);
  sendJson(res, 200, responseObject(request, body, makeId('resp_', seed, 40), finalStatus(plan), outputItems(plan, seed), usageObject(request, plan), plan));
}

/** Where a background response writes its events instead of the request's own stream (background.ts). */
export interface StreamTarget {
  id: string;
  sse: SseWriter;
}

/** The streaming answer. */
export async function streamResponse(res: ServerResponse, request: TurnRequest, plan: Plan, scenario: Scenario, body: any, signal: AbortSignal, target?: StreamTarget): Promise<void> {
  const seed = seedOf(request);
  const rng = random(`${seed}:responses`);
  const id = target?.id ?? makeId('resp_', seed, 40);
  const sse = target?.sse ?? openSse(res);
  let sequence = 0;
  const emit = (type: string, fields: object) => sse.event(type, { type, sequence_number: sequence++, ...fields });
  const items = outputItems(plan, seed);

  emit('response.created', { response: responseObject(request, body, id, 'in_progress', [], null) });
  emit('response.in_progress', { response: responseObject(request, body, id, 'in_progress', [], null) });

  const steps: Step[] = [];
  items.forEach((item, output_index) => {
    if (item.type === 'function_call') {
      const args = String(item.arguments);
      steps.push({ length: 0, write: () => emit('response.output_item.added', { output_index, item: { ...item, status: 'in_progress', arguments: '' } }) });
      for (const delta of splitChunks(args, request.options, rng)) {
        steps.push({ length: delta.length, write: () => emit('response.function_call_arguments.delta', { item_id: item.id, output_index, delta }) });
      }
      steps.push({
        length: 0,
        write: () => {
          emit('response.function_call_arguments.done', { item_id: item.id, output_index, name: item.name, arguments: args });
          emit('response.output_item.done', { output_index, item });
        },
      });
      return;
    }
    if (item.type === 'reasoning') return void steps.push(...responsesReasoningSteps(item, output_index, request.options, rng, emit));
    const text = (item.content as { text: string }[])[0].text;
    const part = { type: 'output_text', annotations: [], logprobs: [], text: '' };
    const at = { item_id: item.id, output_index, content_index: 0 };
    steps.push({
      length: 0,
      write: () => {
        emit('response.output_item.added', { output_index, item: { ...item, status: 'in_progress', content: [] } });
        emit('response.content_part.added', { ...at, part });
      },
    });
    for (const delta of splitChunks(text, request.options, rng)) {
      steps.push({ length: delta.length, write: () => emit('response.output_text.delta', { ...at, delta, logprobs: [] }) });
    }
    steps.push(...responsesAnnotationSteps((item.content as { annotations: unknown }[])[0].annotations, at, emit));
    // `no-done` ends right after the last delta: none of the closing events are sent.
    if (scenario === 'no-done') return;
    steps.push({
      length: 0,
      write: () => {
        emit('response.output_text.done', { ...at, text, logprobs: [] });
        emit('response.content_part.done', { ...at, part: { ...part, text } });
        emit('response.output_item.done', { output_index, item });
      },
    });
  });

  const outcome = await play(steps, {
    scenario,
    stallMs: request.options.stallMs,
    pacer: createPacer(request.options, rng, signal),
    signal,
    cut: () => sse.cut(),
    malformed: () => sse.data(`{"type":"response.output_text.delta","sequence_number":${sequence},"delta":"unterminated`),
    error: () => {
      const { message, type } = MID_STREAM_ERROR.error;
      emit('error', { code: type, message, param: null });
      const failed = responseObject(request, body, id, 'failed', [], null);
      emit('response.failed', { response: { ...failed, error: { code: type, message } } });
      sse.end();
    },
  });
  if (outcome === 'stopped') return;
  if (scenario !== 'no-done') {
    const status = finalStatus(plan);
    emit(`response.${status}`, { response: responseObject(request, body, id, status, items, usageObject(request, plan), plan) });
  }
  sse.end();
}
