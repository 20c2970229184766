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

/** A stream that breaks while the server goes on writing is read on from its last checkpoint, this many times per step. */
const RECONNECTS = 3;

async function* stream(request: ProviderRequest): AsyncGenerator<ProviderPart> {
  const client = await createClient(request);
  const { signal } = request;
  const resume = request.background?.resume;
  const readOn = (point: { responseId: string; after: number }) =>
    backgroundParts(streamedJson(client.responses.retrieve(point.responseId, { stream: true, starting_after: point.after }, { signal })) as AsyncIterable<StreamEvent>, point);
  let parts: AsyncIterable<ProviderPart>;
  if (!resume) {
    const body = { ...responsesBody(request), background: true, store: true };
    parts = backgroundParts(streamedJson(client.responses.create(body as never, { signal })) as AsyncIterable<StreamEvent>);
  } else {
    const response = await retrieve(() => client.responses.retrieve(resume.responseId, {}, { signal }));
    if (!isRunning(response.status)) {
      yield* finishedParts(response, resume.text);
      return;
    }
    parts = readOn(resume);
  }
  let point = resume && { responseId: resume.responseId, after: resume.after };
  for (let reconnects = 0; ; reconnects++) {
    let finished = false;
    try {
      for await (const part of parts) {
        if (part.type === 'checkpoint') point = { responseId: part.responseId, after: part.sequence };
        if (part.type === 'finish') finished = true;
        yield part;
      }
      // A stream closed before the response ended (a proxy's time limit) is read on as a dropped one.
      if (finished || !point || signal.aborted || reconnects >= RECONNECTS) return;
    } catch (e) {
      if (!point || signal.aborted || reconnects >= RECONNECTS || !droppedConnection(e)) throw e;
    }
    // The response goes on on the server: read it on after the last event this page has.
    parts = readOn(point);
  }
}

/** The connection broke (not a refusal, not a stop): `fetch`'s TypeError, or the SDK's connection error. */
function droppedConnection(e: unknown): boolean {
  const name = (e as { name?: unknown })?.name;
  return e instanceof TypeError || name === 'APIConnectionError';
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
