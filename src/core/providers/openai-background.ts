/**
 * Background responses (`openai-responses` with `background`): the answer is written on the server
 * whether or not the page is still reading (`background: true, store: true, stream: true`), can be
 * read on after a reload (`GET /responses/{id}?stream=true&starting_after=N`) and cancelled
 * (`POST /responses/{id}/cancel`). A lazily loaded part, as the other providers are.
 */
import { failure } from '../errors.js';
import { backgroundParts, finishedParts, isRunning } from './background-stream.js';
import type { Connection } from './connection.js';
import { createClient, sdkProvider } from './openai-client.js';
import { fromSdkError } from './openai-errors.js';
import { responsesBody, type StreamEvent } from './responses-api.js';
import { streamedJson } from './openai-stream.js';
import type { Provider, ProviderPart, ProviderRequest } from './provider.js';

export const openaiBackgroundProvider: Provider = sdkProvider(stream);

async function* stream(request: ProviderRequest): AsyncGenerator<ProviderPart> {
  const client = await createClient(request);
  const { signal } = request;
  const resume = request.background?.resume;
  if (!resume) {
    const body = { ...responsesBody(request), background: true, store: true };
    yield* backgroundParts(streamedJson(client.responses.create(body as never, { signal })) as AsyncIterable<StreamEvent>);
    return;
  }
  const response = await retrieve(() => client.responses.retrieve(resume.responseId, {}, { signal }));
  if (!isRunning(response.status)) {
    yield* finishedParts(response, resume.text);
    return;
  }
  const query = { stream: true as const, starting_after: resume.after };
  yield* backgroundParts(streamedJson(client.responses.retrieve(resume.responseId, query, { signal })) as AsyncIterable<StreamEvent>, resume);
}

/** A response the server no longer keeps (expired, deleted, never stored) says so in words. */
async function retrieve<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (e) {
    if ((e as { status?: unknown })?.status === 404) throw goneError(e);
    throw e;
  }
}

export function goneError(cause?: unknown) {
  return failure('http', 'The server no longer has this answer (404), so it cannot be resumed.', { status: 404, cause });
}

/** The status of a background response (`completed`, `in_progress`, …), or `gone` when the server has no such response. */
export async function responseStatus(connection: Connection, responseId: string, signal?: AbortSignal): Promise<string> {
  const client = await createClient(bare(connection, signal));
  try {
    const response = await client.responses.retrieve(responseId, {}, { signal });
    return String(response.status ?? 'completed');
  } catch (e) {
    if ((e as { status?: unknown })?.status === 404) return 'gone';
    throw fromSdkError(e);
  }
}

/** Cancels a background response (a user's stop). Failures are left to the caller. */
export async function cancelResponse(connection: Connection, responseId: string, signal?: AbortSignal): Promise<void> {
  const client = await createClient(bare(connection, signal));
  await client.responses.cancel(responseId, { signal });
}

function bare(connection: Connection, signal?: AbortSignal): ProviderRequest {
  return { connection, signal: signal ?? new AbortController().signal, sampling: {}, messages: [], tools: [], onActivity() {} };
}
