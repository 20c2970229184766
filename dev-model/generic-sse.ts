/**
 * `POST /sse/chat`: a plain SSE backend of the kind many sites put in front of a model. Body
 * `{messages, model?}`; answers `data: {"delta":"…"}` lines, then `data: [DONE]` (or, with `done=event`,
 * an `event: done` message). Errors mid-stream are `data: {"error":"…"}`.
 */
import type { ServerResponse } from 'node:http';
import { sendJson } from './http.js';
import type { DevOptions, Scenario } from './options.js';
import { createPacer, splitChunks } from './pacing.js';
import { seedOf, type Plan, type TurnRequest } from './plan.js';
import { random } from './random.js';
import { MID_STREAM_ERROR, play, type HttpFailure, type Step } from './scenarios.js';
import { openSse } from './sse.js';

/** The text of a plan for backends that only speak text (tool calls are written out as JSON). */
export function planText(plan: Plan): string {
  return plan.kind === 'tools' ? JSON.stringify({ tool_calls: plan.calls }) : plan.text;
}

/** HTTP failures keep their status; the body is the backend's own `{error}` shape. */
export function sendGenericFailure(res: ServerResponse, failure: HttpFailure): void {
  sendJson(res, failure.status, { error: failure.message, code: failure.code ?? failure.type }, failure.headers);
}

export async function streamGenericSse(res: ServerResponse, request: TurnRequest, plan: Plan, scenario: Scenario, signal: AbortSignal): Promise<void> {
  const options: DevOptions = request.options;
  const rng = random(`${seedOf(request)}:sse`);
  const sse = openSse(res);
  const steps: Step[] = splitChunks(planText(plan), options, rng).map((delta) => ({
    length: delta.length,
    write: () => sse.data({ delta }),
  }));
  const outcome = await play(steps, {
    scenario,
    stallMs: options.stallMs,
    pacer: createPacer(options, rng, signal),
    signal,
    cut: () => sse.cut(),
    malformed: () => sse.data('{"delta": "unterminated'),
    error: () => {
      sse.data({ error: MID_STREAM_ERROR.error.message });
      sse.end();
    },
  });
  if (outcome === 'stopped') return;
  if (scenario !== 'no-done') {
    if (options.done === 'event') sse.event('done', {});
    else sse.data('[DONE]');
  }
  sse.end();
}
