/**
 * The local development model: an OpenAI-compatible endpoint (plus a generic SSE and a WebSocket
 * backend) served on the page's own origin by the Vite dev server and by the test runner, and
 * standalone by serve.ts. Answers are deterministic for a conversation; failures come on demand
 * through options in the model name (see README.md).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { chatCompletion, streamChatCompletion } from './chat-completions.js';
import { fromChatMessages, outputFormat, toolSpecs } from './conversation.js';
import { closeSignal, openAiError, preflight, readJson, sendJson } from './http.js';
import { parseOptions } from './options.js';
import { planTurn, type TurnRequest } from './plan.js';
import { createScenarioCounter, httpFailure } from './scenarios.js';

export interface DevModel {
  /** Answers the request when it is for the dev model; returns false to let the server go on. */
  handle(req: IncomingMessage, res: ServerResponse): Promise<boolean>;
  /** Takes a WebSocket upgrade for the WebSocket backend; returns false when the path is not ours. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean;
}

/** Paths the dev model owns; everything else is left to the host server. */
const OWN_PATH = /^\/(v1\/(chat\/completions|responses|models)(\/[^/]*)?|sse\/chat)\/?$/;

const MODELS = ['dev', 'dev;rate=0', 'dev;scenario=cut', 'dev;scenario=http-429'];

export function createDevModel(): DevModel {
  const scenarioFor = createScenarioCounter();

  async function chat(req: IncomingMessage, res: ServerResponse, body: any): Promise<void> {
    const options = parseOptions(body.model, header(req, 'x-dev-model'));
    const scenario = scenarioFor(options);
    const failure = httpFailure(scenario);
    if (failure) return sendJson(res, failure.status, failure.body, failure.headers);
    const request: TurnRequest = {
      turns: fromChatMessages(body.messages),
      tools: toolSpecs(body.tools),
      format: outputFormat(body.response_format),
      options,
    };
    const plan = planTurn({ ...request, options: { ...options, scenario } });
    if (!body.stream) {
      if (scenario === 'cut') return void res.socket?.destroy();
      return chatCompletion(res, request, plan);
    }
    await streamChatCompletion(res, request, plan, scenario, Boolean(body.stream_options?.include_usage), closeSignal(res));
  }

  return {
    async handle(req, res) {
      const url = new URL(req.url ?? '/', 'http://dev-model.local');
      if (!OWN_PATH.test(url.pathname)) return false;
      if (req.method === 'OPTIONS') return preflight(req, res), true;
      try {
        if (url.pathname.startsWith('/v1/models')) {
          sendJson(res, 200, { object: 'list', data: MODELS.map((id) => ({ id, object: 'model', created: 0, owned_by: 'stream-chat-element' })) });
          return true;
        }
        if (req.method !== 'POST') {
          sendJson(res, 405, openAiError(`Method ${req.method} not allowed; use POST.`, 'invalid_request_error'));
          return true;
        }
        let body: any;
        try {
          body = await readJson(req);
        } catch {
          sendJson(res, 400, openAiError('The request body is not valid JSON.', 'invalid_request_error'));
          return true;
        }
        if (url.pathname.startsWith('/v1/chat/completions')) await chat(req, res, body);
        else sendJson(res, 404, openAiError(`No route for ${url.pathname}.`, 'invalid_request_error'));
      } catch (error) {
        if (!res.headersSent) sendJson(res, 500, openAiError(String((error as Error)?.message ?? error), 'server_error'));
        else res.destroy();
      }
      return true;
    },
    handleUpgrade() {
      return false;
    },
  };
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
