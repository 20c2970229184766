/**
 * The connection: everything a provider needs to reach its backend, built once per turn from the
 * options and nothing more. Providers never see tools' code, prices or context; URLs arrive
 * resolved, and every mistake that can be found before a request is a `config` error here.
 */
import { configError, toChatError } from '../errors.js';
import type { ChatMessage } from '../messages.js';
import type { ProviderName, RequestShape, RunChatOptions } from '../options.js';
import type { FetchLike } from './http-fetch.js';

export interface Connection {
  provider: ProviderName;
  /** OpenAI-compatible base URL, absolute. Unset: the SDK's default (api.openai.com). */
  baseURL?: string;
  /** The backend's URL, absolute (`ws:`/`wss:` for `websocket`). */
  endpoint?: string;
  apiKey?: string;
  headers: Record<string, string>;
  fetch?: FetchLike;
  model?: string;
  conversationId?: string;
  /** The host's `request` hook with its input bound; absent without a hook. */
  shape?(messages: ChatMessage[]): Promise<RequestShape>;
}

/** Model-call settings that are not about reaching the backend. */
export interface Sampling {
  temperature?: number;
  maxTokens?: number;
}

const PROVIDERS: readonly ProviderName[] = ['openai', 'openai-responses', 'ag-ui', 'ai-sdk', 'sse', 'websocket'];
const USES_ENDPOINT = new Set<ProviderName>(['ag-ui', 'ai-sdk', 'sse', 'websocket']);

export function connect(options: RunChatOptions): Connection {
  const provider = options.provider ?? 'openai';
  if (!PROVIDERS.includes(provider)) {
    throw configError('provider', `Unknown provider "${provider}". Use one of: ${PROVIDERS.join(', ')}.`);
  }
  const headers = readHeaders(options.headers);
  const connection: Connection = {
    provider,
    apiKey: options.apiKey || undefined,
    headers,
    fetch: options.fetch,
    model: options.model,
    conversationId: options.conversationId,
  };
  if (USES_ENDPOINT.has(provider)) {
    if (!options.endpoint) {
      throw configError('endpoint', `The ${provider} backend needs an endpoint: its URL, absolute or relative to the page (endpoint="/api/chat").`);
    }
    connection.endpoint = resolveUrl(options.endpoint, 'endpoint', provider === 'websocket');
  } else {
    if (options.baseURL) connection.baseURL = resolveUrl(options.baseURL, 'baseURL');
    const authorized = connection.apiKey || Object.keys(headers).some((h) => h.toLowerCase() === 'authorization');
    // Without either, every request would go to api.openai.com with no key and come back 401, three times.
    if (!connection.baseURL && !authorized && !options.fetch) {
      throw configError('baseURL', 'No base URL and no API key: set base-url to your proxy or server (base-url="/v1"), or an apiKey for api.openai.com.');
    }
  }
  const hook = options.request;
  if (hook !== undefined && typeof hook !== 'function') throw configError('request', 'The request option must be a function (input) => ({ url, method, headers, body }).');
  if (hook) {
    const websocket = provider === 'websocket';
    connection.shape = async (messages) => {
      let shaped: RequestShape;
      try {
        shaped = (await hook({ messages, prompt: lastUserText(messages), model: options.model, conversationId: options.conversationId, context: options.context })) ?? {};
      } catch (e) {
        throw configError('request', `The request hook failed: ${toChatError(e).message}`, e);
      }
      if (typeof shaped !== 'object') throw configError('request', 'The request hook must return an object { url?, method?, headers?, body? }.');
      return { ...shaped, ...(shaped.url ? { url: resolveUrl(shaped.url, 'request', websocket) } : {}) };
    };
  }
  return connection;
}

/**
 * A URL as the host wrote it, made absolute against the page (`document.baseURI`), so `/v1` reaches a
 * same-origin proxy. A WebSocket URL follows the page's scheme (`https:` pages get `wss:`).
 */
export function resolveUrl(value: string, option: string, websocket = false): string {
  const text = String(value).trim();
  const base = pageBase();
  let url: URL;
  try {
    url = base ? new URL(text, base) : new URL(text);
  } catch (e) {
    if (!base && !/^[a-z][a-z\d+.-]*:/i.test(text)) {
      throw configError(option, `${option} "${text}" is relative, and there is no page to resolve it against here. Use an absolute URL (http://host/path).`, e);
    }
    throw configError(option, `${option} "${text}" is not a valid URL.`, e);
  }
  if (websocket) {
    if (url.protocol === 'http:' || url.protocol === 'https:') url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    if (url.protocol !== 'ws:' && url.protocol !== 'wss:') throw configError(option, `${option} "${text}" is not a WebSocket URL (ws://, wss:// or a path on this site).`);
  } else if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw configError(option, `${option} "${text}" is not an http(s) URL.`);
  }
  return url.href;
}

function pageBase(): string | undefined {
  const g = globalThis as { document?: { baseURI?: string }; location?: { href?: string } };
  return g.document?.baseURI || g.location?.href || undefined;
}

function readHeaders(headers: unknown): Record<string, string> {
  if (headers == null) return {};
  if (typeof headers !== 'object') throw configError('headers', 'The headers option must be an object of header names to values.');
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers as Record<string, unknown>)) {
    if (value != null) out[name] = String(value);
  }
  return out;
}

/** The last user message's text (the `prompt` a plain backend takes). */
export function lastUserText(messages: ChatMessage[]): string {
  for (let i = messages.length - 1; i >= 0; i--) {
    const m = messages[i];
    if (m.role === 'user') return typeof m.content === 'string' ? m.content : '';
  }
  return '';
}
