/**
 * The WebSocket backend at `/ws/chat?model=<options>`. The client sends `{"messages":[…]}` (one message
 * per turn, several turns per connection); the server answers `{"delta":"…"}` messages then
 * `{"type":"done"}`, or `{"error":"…"}`. `{"type":"cancel"}` stops the answer in progress.
 *
 * Only upgrades on our path are taken: the test runner and Vite run their own WebSockets on the same
 * server, and their sockets must be left alone.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { fromChatMessages, outputFormat } from './conversation.js';
import { planText } from './generic-sse.js';
import { parseOptions, type Scenario } from './options.js';
import { createPacer, splitChunks } from './pacing.js';
import { planTurn, seedOf, type TurnRequest } from './plan.js';
import { random } from './random.js';
import { httpFailure, MID_STREAM_ERROR, plainScenario, play } from './scenarios.js';

export const WS_PATH = '/ws/chat';

/** Close code for an `http-*` scenario: 4000 + the HTTP status (application codes are 4000–4999). */
const closeCodeFor = (status: number) => 4000 + status;

export function createWebSocketBackend(scenarioFor: (options: ReturnType<typeof parseOptions>) => Scenario) {
  const wss = new WebSocketServer({ noServer: true, perMessageDeflate: false });

  async function answer(ws: WebSocket, url: URL, payload: any, signal: AbortSignal): Promise<void> {
    const options = parseOptions(payload?.model ?? url.searchParams.get('model'));
    // A WebSocket has no finish reason to give: `length` and `content-filter` answer normally.
    const scenario = plainScenario(scenarioFor(options));
    const failure = httpFailure(scenario);
    if (failure) {
      ws.send(JSON.stringify({ error: failure.message, status: failure.status, code: failure.code ?? failure.type }));
      ws.close(closeCodeFor(failure.status), failure.type);
      return;
    }
    const request: TurnRequest = {
      turns: fromChatMessages(payload?.messages),
      tools: [],
      format: outputFormat(payload?.response_format),
      options: { ...options, scenario },
    };
    const rng = random(`${seedOf(request)}:ws`);
    const send = (value: unknown) => ws.readyState === ws.OPEN && ws.send(typeof value === 'string' ? value : JSON.stringify(value));
    const steps = splitChunks(planText(planTurn(request)), options, rng).map((delta) => ({ length: delta.length, write: () => send({ delta }) }));
    const outcome = await play(steps, {
      scenario,
      stallMs: options.stallMs,
      pacer: createPacer(options, rng, signal),
      signal,
      // No close frame: the client sees an abnormal closure (1006), as when a network drops.
      cut: () => ws.terminate(),
      malformed: () => send('{"delta": "unterminated'),
      error: () => send({ error: MID_STREAM_ERROR.error.message }),
    });
    if (outcome !== 'complete') return;
    // `no-done`: the answer ends (a clean close) without its `done` message, so the client must notice.
    if (scenario === 'no-done') ws.close(1000, 'closed without done');
    else send({ type: 'done' });
  }

  wss.on('connection', (ws: WebSocket, req: IncomingMessage) => {
    const url = new URL(req.url ?? WS_PATH, 'http://dev-model.local');
    let current: AbortController | undefined;
    ws.on('close', () => current?.abort());
    // A client that breaks the protocol must not take the dev server (and the page's tooling) down with it.
    ws.on('error', () => current?.abort());
    ws.on('message', (data) => {
      let payload: any;
      try {
        payload = JSON.parse(String(data));
      } catch {
        ws.send(JSON.stringify({ error: 'Messages must be JSON: {"messages":[{"role":"user","content":"…"}]}' }));
        return;
      }
      if (payload?.type === 'cancel' || payload?.type === 'stop') return current?.abort();
      // A new question replaces the answer in progress, as a chat UI would.
      current?.abort();
      const controller = new AbortController();
      current = controller;
      answer(ws, url, payload, controller.signal).catch((error) => ws.send(JSON.stringify({ error: String(error?.message ?? error) })));
    });
  });

  return {
    handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean {
      const path = new URL(req.url ?? '/', 'http://dev-model.local').pathname;
      if (path !== WS_PATH && path !== `${WS_PATH}/`) return false;
      wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
      return true;
    },
  };
}
