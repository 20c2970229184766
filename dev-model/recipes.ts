/**
 * Plain backends as the common FastAPI recipes write them, for the `sse` and `websocket` providers
 * with a `request` hook. None of them ends with `[DONE]`: they close the stream when the answer is out.
 *
 * | route | recipe |
 * |---|---|
 * | `POST /recipes/stream?query=…` | the prompt as a query parameter (422 without it), `data: {"delta": …}` |
 * | `GET /recipes/text?query=…` | bare text lines, then `event: done` |
 * | `POST /recipes/agent` | `{"query"}` body; `{"event_type": …, "data": {…}}` agent events, its own tool included |
 * | `WS /ws/query` | `{"query"}` as the first message; text frames; a clean close |
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { runAgent } from './agent.js';
import type { Turn } from './conversation.js';
import { sendJson } from './http.js';
import { parseOptions, type DevOptions, type Scenario } from './options.js';
import { createPacer, splitChunks } from './pacing.js';
import { planTurn, seedOf, type TurnRequest } from './plan.js';
import { random } from './random.js';
import { MID_STREAM_ERROR, play } from './scenarios.js';
import { openSse } from './sse.js';

export const RECIPE_PATH = /^\/recipes\/(stream|text|agent)\/?$/;
export const QUERY_SOCKET_PATH = '/ws/query';

const ask = (query: string, options: DevOptions): TurnRequest => ({ turns: [{ role: 'user', text: query } as Turn], tools: [], format: { type: 'text' }, options });

/** Streams an answer's deltas at the dev model's pace; false when the stream must not be ended. */
async function deltas(request: TurnRequest, scenario: Scenario, signal: AbortSignal, write: (delta: string) => void, error: () => void, cut: () => void): Promise<boolean> {
  const plan = planTurn(request);
  const text = plan.kind === 'tools' ? '' : plan.text;
  const rng = random(`${seedOf(request)}:recipe`);
  const options = request.options;
  const outcome = await play(
    splitChunks(text, options, rng).map((delta) => ({ length: delta.length, write: () => write(delta) })),
    { scenario, stallMs: options.stallMs, pacer: createPacer(options, rng, signal), signal, cut, error },
  );
  return outcome === 'complete';
}

export async function recipe(req: IncomingMessage, res: ServerResponse, url: URL, body: any, options: DevOptions, scenario: Scenario, signal: AbortSignal): Promise<void> {
  const name = RECIPE_PATH.exec(url.pathname)![1];
  const query = name === 'agent' ? body?.query : url.searchParams.get('query');
  const method = name === 'text' ? 'GET' : 'POST';
  if (req.method !== method) return sendJson(res, 405, { detail: 'Method Not Allowed' });
  if (typeof query !== 'string' || !query) {
    // FastAPI's answer to a request without its required field.
    return sendJson(res, 422, { detail: [{ type: 'missing', loc: [name === 'agent' ? 'body' : 'query', 'query'], msg: 'Field required' }] });
  }
  const sse = openSse(res);
  const request = ask(query, options);
  if (name === 'stream') {
    const ok = await deltas(request, scenario, signal, (delta) => sse.data({ delta }), () => (sse.data({ error: MID_STREAM_ERROR.error.message }), sse.end()), () => sse.cut());
    if (ok) sse.end();
    return;
  }
  if (name === 'text') {
    // Bare text: a line break inside a token becomes its own data line, which SSE joins back with \n.
    const ok = await deltas(request, scenario, signal, (delta) => sse.data(delta.split('\n').join('\ndata: ')), () => sse.event('error', MID_STREAM_ERROR.error.message), () => sse.cut());
    if (ok) {
      sse.event('done', '');
      sse.end();
    }
    return;
  }
  const send = (event_type: string, data: object) => sse.data({ event_type, data });
  send('agent_start', { query });
  const rng = random(`${seedOf(request)}:agent-events`);
  const pacer = createPacer(options, rng, signal);
  await pacer.start();
  for (const step of runAgent({ ...request, turns: request.turns })) {
    if (signal.aborted) return;
    if (step.kind === 'progress') send('progress', { step: step.step, iteration: step.iteration, total_tokens: step.totalTokens, cost_usd: step.costUsd });
    else if (step.kind === 'server-tool') {
      send('tool_start', { tool: step.call.name, input: JSON.parse(step.call.arguments) });
      await pacer.after(60);
      send('tool_end', { tool: step.call.name, output: step.result });
    } else if (step.kind === 'text') {
      const ok = await play(
        splitChunks(step.text, options, rng).map((content) => ({ length: content.length, write: () => send('llm_chunk', { content }) })),
        { scenario, stallMs: options.stallMs, pacer, signal, cut: () => sse.cut(), error: () => (send('error', { message: MID_STREAM_ERROR.error.message }), sse.end()) },
      );
      if (ok !== 'complete') return;
    }
  }
  send('agent_end', {});
  sse.end();
}

/** `WS /ws/query`: `{"query": …}` in, the answer as text frames, then a clean close (1000). */
export function createQuerySocket(scenarioFor: (options: DevOptions) => Scenario) {
  const wss = new WebSocketServer({ noServer: true, perMessageDeflate: false });
  wss.on('connection', (ws: WebSocket, req: IncomingMessage) => {
    const url = new URL(req.url ?? QUERY_SOCKET_PATH, 'http://dev-model.local');
    const controller = new AbortController();
    ws.on('close', () => controller.abort());
    ws.on('error', () => controller.abort());
    ws.once('message', async (data) => {
      let payload: any;
      try {
        payload = JSON.parse(String(data));
      } catch {
        return ws.close(1003, 'send {"query": "…"}');
      }
      const options = parseOptions(payload?.model ?? url.searchParams.get('model'));
      const scenario = scenarioFor(options);
      const send = (text: string) => ws.readyState === ws.OPEN && ws.send(text);
      const ok = await deltas(ask(String(payload?.query ?? ''), { ...options, scenario }), scenario, controller.signal, send, () => send(JSON.stringify({ error: MID_STREAM_ERROR.error.message })), () => ws.terminate());
      if (ok) ws.close(1000);
    });
  });
  return {
    handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean {
      const path = new URL(req.url ?? '/', 'http://dev-model.local').pathname;
      if (path !== QUERY_SOCKET_PATH) return false;
      wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
      return true;
    },
  };
}
