/**
 * The local development model: an OpenAI-compatible endpoint (plus a generic SSE and a WebSocket
 * backend) served on the page's own origin by the Vite dev server and by the test runner, and
 * standalone by serve.ts. Answers are deterministic for a conversation; failures come on demand
 * through options in the model name (see README.md).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { chatCompletion, streamChatCompletion } from './chat-completions.js';
import { fromChatMessages, fromResponsesInput, hasImages, outputFormat, toolSpecs } from './conversation.js';
import { sendGenericFailure, streamGenericSse } from './generic-sse.js';
import { closeSignal, openAiError, preflight, readJson, sendJson, withoutCors } from './http.js';
import { parseOptions } from './options.js';
import { planTurn, tokenLimit, type TurnRequest } from './plan.js';
import { response, streamResponse } from './responses.js';
import { beforeWholeAnswer, createScenarioCounter, httpFailure, plainScenario } from './scenarios.js';
import { toolChoiceOf } from './tools.js';
import { createWebSocketBackend } from './websocket.js';
import { handleMcp } from './mcp.js';
import { streamAgUi, streamAiSdk } from './agent-protocols.js';
import { createQuerySocket, recipe, RECIPE_PATH } from './recipes.js';
import { variationSeed } from './variations.js';
import { createBackgroundJobs } from './background.js';

export interface DevModel {
  /** Answers the request when it is for the dev model; returns false to let the server go on. */
  handle(req: IncomingMessage, res: ServerResponse): Promise<boolean>;
  /** Takes a WebSocket upgrade for the WebSocket backend; returns false when the path is not ours. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean;
}

/** Paths the dev model owns; everything else is left to the host server. */
const OWN_PATH = /^\/(v1\/(chat\/completions|responses|models)(\/[^/]*)?|sse\/chat|ag-ui|ai-sdk|recipes\/(stream|text|agent))\/?$/;
/** The same routes under this prefix answer without CORS headers (a server that allows no other origin). */
const NO_CORS_PREFIX = '/no-cors';

const MODELS = ['dev', 'dev;rate=0', 'dev;scenario=cut', 'dev;scenario=http-429'];

export function createDevModel(): DevModel {
  const scenarioFor = createScenarioCounter();
  const webSocket = createWebSocketBackend(scenarioFor);
  const querySocket = createQuerySocket(scenarioFor);
  const background = createBackgroundJobs();

  /** Options and scenario of one HTTP request, and the `http-*` failure to send instead of an answer. */
  function begin(req: IncomingMessage, model: unknown) {
    const options = parseOptions(typeof model === 'string' ? model : undefined, header(req, 'x-dev-model'));
    const scenario = scenarioFor(options);
    return { options: { ...options, scenario }, scenario, failure: httpFailure(scenario, header(req, 'authorization')) };
  }

  async function chat(req: IncomingMessage, res: ServerResponse, body: any): Promise<void> {
    const { options, scenario, failure } = begin(req, body.model);
    if (failure) return sendJson(res, failure.status, failure.body, failure.headers);
    const request: TurnRequest = {
      turns: fromChatMessages(body.messages),
      tools: toolSpecs(body.tools),
      format: outputFormat(body.response_format),
      options,
      maxTokens: tokenLimit(body),
      toolChoice: toolChoiceOf(body.tool_choice),
      seed: typeof body.seed === 'number' || typeof body.seed === 'string' ? body.seed : variationSeed(body, header(req, 'x-dev-model')),
    };
    if (refusesImages(res, scenario, request)) return;
    const plan = planTurn(request);
    if (body.stream) {
      const includeUsage = Boolean(body.stream_options?.include_usage);
      return streamChatCompletion(res, request, plan, scenario, includeUsage, closeSignal(res));
    }
    if (!(await beforeWholeAnswer(res, scenario, options.stallMs))) return;
    chatCompletion(res, request, plan);
  }

  async function responses(req: IncomingMessage, res: ServerResponse, body: any): Promise<void> {
    const { options, scenario, failure } = begin(req, body.model);
    if (failure) return sendJson(res, failure.status, failure.body, failure.headers);
    const request: TurnRequest = {
      turns: fromResponsesInput(body.input, body.instructions),
      tools: toolSpecs(body.tools),
      format: outputFormat(body.text?.format),
      options,
      maxTokens: tokenLimit(body),
      toolChoice: toolChoiceOf(body.tool_choice),
    };
    if (refusesImages(res, scenario, request)) return;
    const plan = planTurn(request);
    if (body.background) return background.start(res, request, plan, scenario, body);
    if (body.stream) return streamResponse(res, request, plan, scenario, body, closeSignal(res));
    if (!(await beforeWholeAnswer(res, scenario, options.stallMs))) return;
    response(res, request, plan, body);
  }

  async function genericSse(req: IncomingMessage, res: ServerResponse, body: any, url: URL): Promise<void> {
    const begun = begin(req, body.model ?? url.searchParams.get('model'));
    if (begun.failure) return sendGenericFailure(res, begun.failure);
    const scenario = plainScenario(begun.scenario);
    const options = { ...begun.options, scenario };
    const request: TurnRequest = { turns: fromChatMessages(body.messages), tools: [], format: outputFormat(body.response_format), options };
    await streamGenericSse(res, request, planTurn(request), scenario, closeSignal(res));
  }

  /** AG-UI, the AI SDK route and the plain recipes: options from the body's model, the header or `?model=`. */
  async function backend(req: IncomingMessage, res: ServerResponse, body: any, url: URL): Promise<void> {
    const { options, scenario, failure } = begin(req, body?.model ?? body?.forwardedProps?.model ?? url.searchParams.get('model'));
    if (failure) return sendGenericFailure(res, failure);
    const signal = closeSignal(res);
    if (url.pathname.startsWith('/ag-ui')) return streamAgUi(res, body, options, scenario, signal);
    if (url.pathname.startsWith('/ai-sdk')) return streamAiSdk(res, body, options, scenario, signal);
    return recipe(req, res, url, body, options, scenario, signal);
  }

  return {
    async handle(req, res) {
      const url = new URL(req.url ?? '/', 'http://dev-model.local');
      if (await handleMcp(req, res, url.pathname)) return true;
      if (background.handle(req, res, url)) return true;
      if (url.pathname.startsWith(`${NO_CORS_PREFIX}/`) && OWN_PATH.test(url.pathname.slice(NO_CORS_PREFIX.length))) {
        url.pathname = url.pathname.slice(NO_CORS_PREFIX.length);
        withoutCors(res);
      }
      if (!OWN_PATH.test(url.pathname)) return false;
      if (req.method === 'OPTIONS') return preflight(req, res), true;
      try {
        if (url.pathname.startsWith('/v1/models')) {
          const model = (id: string) => ({ id, object: 'model', created: 0, owned_by: 'stream-chat-element' });
          const id = decodeURIComponent(url.pathname.slice('/v1/models/'.length).replace(/\/$/, ''));
          // Any name is a valid model here (the options ride in it), so a lookup always succeeds.
          sendJson(res, 200, id ? model(id) : { object: 'list', data: MODELS.map(model) });
          return true;
        }
        if (req.method === 'GET' && RECIPE_PATH.test(url.pathname)) {
          await backend(req, res, {}, url);
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
        else if (url.pathname.startsWith('/v1/responses')) await responses(req, res, body);
        else if (url.pathname.startsWith('/sse/chat')) await genericSse(req, res, body, url);
        else if (/^\/(ag-ui|ai-sdk|recipes)/.test(url.pathname)) await backend(req, res, body, url);
        else sendJson(res, 404, openAiError(`No route for ${url.pathname}.`, 'invalid_request_error'));
      } catch (error) {
        if (!res.headersSent) sendJson(res, 500, openAiError(String((error as Error)?.message ?? error), 'server_error'));
        else res.destroy();
      }
      return true;
    },
    handleUpgrade(req, socket, head) {
      return webSocket.handleUpgrade(req, socket, head) || querySocket.handleUpgrade(req, socket, head);
    },
  };
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** The `no-vision` scenario: a request with an image is refused as OpenAI refuses it for a text-only model. */
function refusesImages(res: ServerResponse, scenario: string, request: TurnRequest): boolean {
  if (scenario !== 'no-vision' || !hasImages(request.turns)) return false;
  sendJson(res, 400, openAiError('Invalid content type. image_url is only supported by certain models.', 'invalid_request_error'));
  return true;
}
