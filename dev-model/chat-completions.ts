/**
 * `POST /v1/chat/completions`: a `chat.completion` object, or with `stream: true` the chunk stream
 * exactly as OpenAI frames it — role first, content deltas, a finish chunk, an optional usage chunk
 * whose `choices` is empty, then `data: [DONE]`.
 */
import type { ServerResponse } from 'node:http';
import type { ToolCall } from './conversation.js';
import { sendJson } from './http.js';
import { createPacer, splitChunks } from './pacing.js';
import { seedOf, usageOf, type Plan, type TurnRequest } from './plan.js';
import { makeId, random } from './random.js';
import { MID_STREAM_ERROR, play, type Step } from './scenarios.js';
import type { Scenario } from './options.js';
import { openSse } from './sse.js';
import { chatCitationSteps, chatMessageThoughts, chatReasoningSteps } from './reasoning.js';

const FINGERPRINT = 'fp_dev_model';

function usageObject(request: TurnRequest, plan: Plan) {
  const u = usageOf(request, plan);
  return {
    prompt_tokens: u.prompt,
    completion_tokens: u.completion,
    total_tokens: u.total,
    prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
    completion_tokens_details: { reasoning_tokens: 0, audio_tokens: 0, accepted_prediction_tokens: 0, rejected_prediction_tokens: 0 },
  };
}

const finishReason = (plan: Plan) =>
  plan.kind === 'tools' ? 'tool_calls' : plan.filtered ? 'content_filter' : plan.truncated ? 'length' : 'stop';

/** The non-streaming answer. */
export function chatCompletion(res: ServerResponse, request: TurnRequest, plan: Plan): void {
  const seed = seedOf(request);
  const message =
    plan.kind === 'tools'
      ? {
          role: 'assistant',
          content: null,
          refusal: null,
          annotations: [],
          tool_calls: plan.calls.map((c) => ({ id: c.id, type: 'function', function: { name: c.name, arguments: c.arguments } })),
        }
      : { role: 'assistant', content: plan.text, refusal: null, annotations: [], ...chatMessageThoughts(plan, plan.text) };
  sendJson(res, 200, {
    id: makeId('chatcmpl-', seed, 29),
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model: request.options.model,
    choices: [{ index: 0, message, logprobs: null, finish_reason: finishReason(plan) }],
    usage: usageObject(request, plan),
    service_tier: 'default',
    system_fingerprint: FINGERPRINT,
  });
}

/** Tool-call deltas: the first names the call (id, type, name, empty arguments), the rest carry fragments. */
function toolSteps(calls: ToolCall[], request: TurnRequest, scenario: Scenario, send: (delta: object) => void): Step[] {
  const rng = random(`${seedOf(request)}:tools`);
  const withIndex = scenario !== 'tools-no-index';
  const steps: Step[] = [];
  calls.forEach((call, index) => {
    const at = withIndex ? { index } : {};
    steps.push({
      length: call.name.length,
      write: () =>
        send({
          ...(index === 0 ? { role: 'assistant', content: null } : {}),
          tool_calls: [{ ...at, id: call.id, type: 'function', function: { name: call.name, arguments: '' } }],
        }),
    });
    for (const fragment of splitChunks(call.arguments, request.options, rng)) {
      steps.push({ length: fragment.length, write: () => send({ tool_calls: [{ ...at, function: { arguments: fragment } }] }) });
    }
  });
  return steps;
}

/** The streaming answer. `include_usage` adds the usage chunk; the scenario may break the stream. */
export async function streamChatCompletion(
  res: ServerResponse,
  request: TurnRequest,
  plan: Plan,
  scenario: Scenario,
  includeUsage: boolean,
  signal: AbortSignal,
): Promise<void> {
  const seed = seedOf(request);
  const rng = random(seed);
  const id = makeId('chatcmpl-', seed, 29);
  const created = Math.floor(Date.now() / 1000);
  const sse = openSse(res);
  const base = () => ({ id, object: 'chat.completion.chunk', created, model: request.options.model, service_tier: 'default', system_fingerprint: FINGERPRINT });
  const chunk = (delta: object, finish: string | null = null) => ({
    ...base(),
    choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }],
    ...(includeUsage ? { usage: null } : {}),
  });

  let steps: Step[];
  if (plan.kind === 'tools') {
    steps = toolSteps(plan.calls, request, scenario, (delta) => sse.data(chunk(delta)));
  } else {
    // OpenAI opens with the role and an empty content, then sends content only.
    steps = [{ length: 0, write: () => sse.data(chunk({ role: 'assistant', content: '', refusal: null })) }];
    steps.push(...chatReasoningSteps(plan, request.options, rng, (delta) => sse.data(chunk(delta))));
    for (const piece of splitChunks(plan.text, request.options, rng)) {
      steps.push({ length: piece.length, write: () => sse.data(chunk({ content: piece })) });
    }
    steps.push(...chatCitationSteps(plan, plan.text, (delta) => sse.data(chunk(delta))));
  }

  const outcome = await play(steps, {
    scenario,
    stallMs: request.options.stallMs,
    pacer: createPacer(request.options, rng, signal),
    signal,
    cut: () => sse.cut(),
    malformed: () => sse.data(`{"id":"${id}","object":"chat.completion.chunk","choices":[{"index":0,"delta":{"content":"unterminated`),
    error: () => {
      sse.data(MID_STREAM_ERROR);
      sse.end();
    },
  });
  if (outcome === 'stopped') return;
  if (scenario === 'no-done') return sse.end();
  sse.data(chunk({}, finishReason(plan)));
  if (includeUsage) sse.data({ ...base(), choices: [], usage: usageObject(request, plan) });
  sse.data('[DONE]');
  sse.end();
}
