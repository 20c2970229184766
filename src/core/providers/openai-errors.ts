/**
 * The OpenAI SDK's errors as the engine's. Matched with the SDK's own classes (already loaded when
 * they can occur), since their `name` does not tell them apart and bundlers rename classes.
 */
import { failure, httpError, networkError, retryAfterFrom, streamedError } from '../errors.js';

type Sdk = typeof import('openai');

export function fromSdkError(sdk: Sdk, e: unknown): unknown {
  if (e instanceof sdk.APIUserAbortError) return e; // the engine knows why it aborted
  if (e instanceof sdk.APIConnectionTimeoutError) return failure('timeout', 'The server did not answer in time. Try again.', { retryable: true, cause: e });
  if (e instanceof sdk.APIConnectionError) return networkError(e.cause ?? e);
  if (e instanceof sdk.APIError) {
    if (typeof e.status === 'number') return httpError(e.status, e.error ?? e.message, retryAfterFrom(e.headers));
    // No status: an error object that arrived inside the stream.
    return streamedError(e.error ?? e.message);
  }
  return e;
}
