/**
 * The OpenAI SDK's errors as the engine's. Matched with the SDK's own classes, since their `name` does
 * not tell them apart and bundlers rename classes. Only the providers built on the SDK import this file,
 * so it loads with the SDK. Named imports, not `* as sdk`: a namespace object keeps every export of the
 * package (the Azure and Bedrock clients, file uploads) in the drop-in's SDK part.
 */
import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import { failure, httpError, networkError, retryAfterFrom, streamedError } from '../errors.js';
import type { FetchLike } from './http-fetch.js';

export function fromSdkError(e: unknown): unknown {
  if (e instanceof APIUserAbortError) return e; // the engine knows why it aborted
  if (e instanceof APIConnectionTimeoutError) return failure('timeout', 'The server did not answer in time. Try again.', { retryable: true, cause: e });
  if (e instanceof APIConnectionError) return networkError(e.cause ?? e);
  if (e instanceof APIError) {
    if (typeof e.status === 'number') return httpError(e.status, e.error ?? bodyText(e.status, e.message), retryAfterFrom(e.headers));
    // No status: an error object that arrived inside the stream.
    return streamedError(e.error ?? e.message);
  }
  return e;
}

/**
 * The SDK's message for a body that was not JSON is `"<status> <body text>"`, or
 * `"<status> status code (no body)"`; only the server's own words are worth showing.
 */
function bodyText(status: number, message: string): string | undefined {
  if (/status code \(no body\)$/.test(message)) return undefined;
  return message.startsWith(`${status} `) ? message.slice(String(status).length + 1) : message;
}

/**
 * The SDK reads an error body's `error` field only: a JSON body in another shape (vLLM's top-level
 * `{message}`, FastAPI's `{detail}`) would reach the user as "400 status code (no body)", and OAuth's
 * `{error, error_description}` as its code alone. This fetch hands the SDK such bodies under `error`, so the server's
 * words survive, with the status and headers (Retry-After) untouched.
 */
export function readableErrorBodies(inner: FetchLike): FetchLike {
  return async (input, init) => {
    const response = await inner(input, init);
    if (response.ok || !response.body) return response;
    const text = await response.text().catch(() => '');
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
    // OpenAI's own shape, `{error: {message…}}`, the SDK reads as is.
    const openAiShaped = typeof (body as { error?: unknown } | null)?.error === 'object' && (body as { error: unknown }).error !== null;
    const headers = new Headers(response.headers);
    // The body is re-encoded: the original length and encoding no longer describe it.
    headers.delete('content-length');
    headers.delete('content-encoding');
    const wrapped = body === undefined || openAiShaped ? text : JSON.stringify({ error: body });
    return new Response(wrapped, { status: response.status, statusText: response.statusText, headers });
  };
}
