/**
 * Scenarios: the failures a real server produces, on demand. Whole-request failures (HTTP errors) are
 * answered before any body; mid-stream ones happen halfway through the answer, after some text has
 * arrived, because that is the case a client most often gets wrong.
 */
import type { ServerResponse } from 'node:http';
import type { DevOptions, Scenario } from './options.js';
import { closeSignal, CORS_HEADERS, openAiError, sendJson } from './http.js';
import { sleep, type Pacer } from './pacing.js';

export interface HttpFailure {
  status: number;
  headers: Record<string, string>;
  /** The JSON body, as the server the scenario imitates sends it. */
  body: unknown;
  /** The same error in a sentence, for backends with their own error shape (`/sse/chat`, `/ws/chat`). */
  message: string;
  type: string;
  code: string | null;
}

/** An OpenAI-shaped failure: `{ error: { message, type, param, code } }`. */
function openAiFailure(status: number, message: string, type: string, code: string | null = null, headers: Record<string, string> = {}): HttpFailure {
  return { status, headers, body: openAiError(message, type, code), message, type, code };
}

/**
 * The HTTP error of an `http-*` scenario (and `echo-auth`), with the body and headers the imitated
 * server sends. `authorization` is the request's header, which `echo-auth` repeats as some proxies do.
 */
export function httpFailure(scenario: Scenario, authorization?: string): HttpFailure | undefined {
  switch (scenario) {
    case 'http-400': {
      // vLLM (and servers built like it) answer with a top-level message, not OpenAI's `error` object.
      const message = "This model's maximum context length is 4096 tokens. However, you requested 5120 tokens. Please reduce the length of the messages.";
      return { status: 400, headers: {}, body: { object: 'error', message, type: 'BadRequestError', param: null, code: 400 }, message, type: 'BadRequestError', code: '400' };
    }
    case 'echo-auth': {
      // A gateway that lists the request's headers in its error, key included (FastAPI's `detail`).
      const message = `Upstream rejected the request. Request headers: {'authorization': '${authorization ?? ''}', 'content-type': 'application/json'}`;
      return { status: 400, headers: {}, body: { detail: message }, message, type: 'invalid_request_error', code: 'upstream_rejected' };
    }
    case 'http-401':
      return openAiFailure(401, 'Incorrect API key provided: sk-dev***. You can find your API key at https://platform.openai.com/account/api-keys.', 'invalid_request_error', 'invalid_api_key');
    case 'http-429':
      return openAiFailure(429, 'Rate limit reached for requests. Please try again in 1s.', 'requests', 'rate_limit_exceeded', { 'retry-after': '1', 'x-ratelimit-remaining-requests': '0' });
    case 'http-500':
      return openAiFailure(500, 'The server had an error while processing your request. Sorry about that!', 'server_error');
    case 'http-503':
      return openAiFailure(503, 'The engine is currently overloaded, please try again later.', 'server_error', 'service_unavailable');
    case 'http-404':
      return openAiFailure(404, 'The model does not exist or you do not have access to it.', 'invalid_request_error', 'model_not_found');
    default:
      return undefined;
  }
}

/**
 * `length` and `content-filter` are finish reasons the plain backends (`/sse/chat`, `/ws/chat`) have
 * no words for: there they answer normally.
 */
export function plainScenario(scenario: Scenario): Scenario {
  return scenario === 'length' || scenario === 'content-filter' ? 'normal' : scenario;
}

/** The error object sent as a data line in `error-mid-stream`, as OpenAI does when a stream fails. */
export const MID_STREAM_ERROR = openAiError(
  'The server had an error while processing your request. Sorry about that!',
  'server_error',
);

/**
 * Decides the scenario of one request. With `failures=N;key=k` only the first N requests carrying key
 * `k` get it; the counter lives as long as the dev model, so a retry after a failure succeeds.
 */
export function createScenarioCounter() {
  const seen = new Map<string, number>();
  return (options: DevOptions): Scenario => {
    if (options.failures === undefined) return options.scenario;
    const key = options.key ?? options.model;
    const count = (seen.get(key) ?? 0) + 1;
    seen.set(key, count);
    return count <= options.failures ? options.scenario : 'normal';
  };
}

/**
 * Scenarios for a non-streaming answer, which has no middle: `cut` drops the connection before any
 * byte, `stall` waits before answering. Returns false when nothing more must be written.
 */
export async function beforeWholeAnswer(res: ServerResponse, scenario: Scenario, stallMs: number): Promise<boolean> {
  if (scenario === 'cut') {
    res.socket?.destroy();
    return false;
  }
  if (scenario === 'error-mid-stream') {
    sendJson(res, 500, MID_STREAM_ERROR);
    return false;
  }
  if (scenario === 'malformed') {
    res.writeHead(200, { ...CORS_HEADERS, 'content-type': 'application/json' });
    res.end('{"id":"chatcmpl-malformed","object":"chat.completion","choices":[{"index":0,"message":{"content":"unterminated');
    return false;
  }
  if (scenario === 'stall') await sleep(stallMs, closeSignal(res));
  return !res.destroyed;
}

/** One thing to write, with its length in characters for pacing. */
export interface Step {
  length: number;
  write(): void;
}

export interface PlayContext {
  scenario: Scenario;
  stallMs: number;
  pacer: Pacer;
  signal: AbortSignal;
  /** Drops the connection (`cut`). */
  cut(): void;
  /** Writes something the client cannot parse (`malformed`); the stream then goes on. */
  malformed?(): void;
  /** Writes an error in the stream's own vocabulary (`error-mid-stream`); the stream then ends. */
  error?(): void;
}

export type PlayOutcome = 'complete' | 'stopped';

/**
 * Writes the steps at the chosen pace, applying the mid-stream scenario after half of them.
 * Returns 'stopped' when the caller must not write the end of the stream (cut, error, client gone).
 */
export async function play(steps: Step[], ctx: PlayContext): Promise<PlayOutcome> {
  const middle = middleOf(steps);
  await ctx.pacer.start();
  for (let i = 0; i <= steps.length; i++) {
    if (ctx.signal.aborted) return 'stopped';
    if (i === middle && (await midStream(ctx)) === 'stopped') return 'stopped';
    if (i === steps.length) break;
    steps[i].write();
    await ctx.pacer.after(steps[i].length);
  }
  return ctx.signal.aborted ? 'stopped' : 'complete';
}

/**
 * Where a mid-stream failure strikes: after half of the characters, and always after at least one step
 * that carries text (a role-only first chunk does not count), so the client has something to keep.
 * A one-step answer has no middle: the failure then comes after it.
 */
function middleOf(steps: Step[]): number {
  const total = steps.reduce((n, s) => n + s.length, 0);
  let written = 0;
  for (let i = 0; i < steps.length; i++) {
    written += steps[i].length;
    if (written > 0 && written >= total / 2) return i + 1;
  }
  return steps.length;
}

async function midStream(ctx: PlayContext): Promise<PlayOutcome> {
  switch (ctx.scenario) {
    case 'cut':
      ctx.cut();
      return 'stopped';
    case 'stall':
      await sleep(ctx.stallMs, ctx.signal);
      break;
    case 'malformed':
      ctx.malformed?.();
      break;
    case 'error-mid-stream':
      if (ctx.error) {
        ctx.error();
        return 'stopped';
      }
      break;
  }
  return ctx.signal.aborted ? 'stopped' : 'complete';
}
