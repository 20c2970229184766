/**
 * One HTTP request to an endpoint backend (`ag-ui`, `ai-sdk`, `sse`): the backend's default request,
 * reshaped by the host's `request` hook where there is one (`?query=`, a GET, another body), and the
 * response body once the server has said yes.
 */
import { failure } from '../errors.js';
import type { RequestShape } from '../options.js';
import { wrapFetch } from './http-fetch.js';
import { responseError } from './http-status.js';
import type { ProviderRequest } from './provider.js';

export interface DefaultRequest {
  body: unknown;
  headers?: Record<string, string>;
}

/** The request as it will be sent: the hook's fields over the backend's defaults. */
export async function shapeRequest(request: ProviderRequest, defaults: DefaultRequest): Promise<Required<Pick<RequestShape, 'url' | 'method' | 'headers'>> & { body?: unknown }> {
  const { connection } = request;
  const shaped = (await connection.shape?.(request.messages)) ?? {};
  const method = (shaped.method ?? 'POST').toUpperCase();
  const body = 'body' in shaped ? shaped.body : defaults.body;
  const headers: Record<string, string> = { ...defaults.headers, ...connection.headers, ...shaped.headers };
  if (connection.apiKey && !hasHeader(headers, 'authorization')) headers.authorization = `Bearer ${connection.apiKey}`;
  return { url: shaped.url ?? connection.endpoint!, method, headers, ...(method === 'GET' || method === 'HEAD' || body === undefined ? {} : { body }) };
}

export async function openStream(request: ProviderRequest, defaults: DefaultRequest): Promise<ReadableStream<Uint8Array>> {
  const { url, method, headers, body } = await shapeRequest(request, { ...defaults, headers: { accept: 'text/event-stream', ...defaults.headers } });
  if (body !== undefined && !hasHeader(headers, 'content-type')) headers['content-type'] = typeof body === 'string' ? 'text/plain;charset=UTF-8' : 'application/json';
  const fetch = wrapFetch({ fetch: request.connection.fetch, hasKey: true, onActivity: request.onActivity });
  const response = await fetch(url, {
    method,
    headers,
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    signal: request.signal,
  });
  if (!response.ok) throw await responseError(response);
  if (!response.body) throw failure('protocol', 'The server answered without a body.', { retryable: true });
  return response.body;
}

function hasHeader(headers: Record<string, string>, name: string): boolean {
  return Object.keys(headers).some((h) => h.toLowerCase() === name);
}
