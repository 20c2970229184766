/**
 * Every failure becomes a `ChatError`: a kind, a message a user can act on, whether trying again
 * may help, and the HTTP status where there is one. Nothing else leaves the engine.
 */
import type { ChatError, ErrorKind } from './events.js';
import { PartLoadError } from './lazy-part.js';

/** An error thrown inside the engine that already knows how it should be reported. */
export class ChatFailure extends Error {
  readonly chatError: ChatError;
  constructor(chatError: ChatError) {
    super(chatError.message);
    this.name = 'ChatFailure';
    this.chatError = chatError;
  }
}

export function failure(kind: ErrorKind, message: string, extra: Partial<ChatError> = {}): ChatFailure {
  return new ChatFailure({ kind, message, retryable: false, ...extra });
}

/** Statuses worth another try: the server was busy or briefly broken, the request itself was fine. */
const RETRYABLE_STATUS = new Set([408, 429, 500, 502, 503, 504]);

/** What a user should read for a status; the status stays in the text so support can match it. */
export function httpMessage(status: number, detail?: string): string {
  const tail = detail ? ` The server said: ${detail}` : '';
  switch (status) {
    case 400:
      // Models without vision refuse image parts with a 400 whose wording varies by server.
      if (detail && /\b(image|vision|multimodal|image_url|input_image)\b/i.test(detail)) {
        return `This model cannot read images (400). Remove the images or choose a model that accepts them.${tail}`;
      }
      return `The server rejected the request (400).${tail}`;
    case 401:
      return 'The API key was refused (401). Check the key or the proxy.';
    case 403:
      return `Access was denied (403). The key may lack permission for this model, or the proxy blocks it.${tail}`;
    case 404:
      return `Not found (404). Check the base URL, the endpoint and the model name.${tail}`;
    case 408:
      return 'The server timed out (408). Try again.';
    case 413:
      return 'The conversation is too large for the server (413). Start a new conversation or shorten it.';
    case 429:
      return 'Too many requests (429): the rate limit was reached. Wait a moment and try again.';
    default:
      if (status >= 500) return `The server had a problem (${status}). Try again in a moment.`;
      return `The request failed (${status}).${tail}`;
  }
}

export function httpError(status: number, body?: unknown, retryAfterMs?: number): ChatFailure {
  const detail = errorDetail(body);
  if (status === 429 && isQuotaError(body)) {
    return failure('http', 'The account has run out of quota (429). Check the plan and billing of the key.', {
      status,
      retryable: false,
      cause: body,
    });
  }
  return failure('http', httpMessage(status, detail), {
    status,
    retryable: RETRYABLE_STATUS.has(status),
    cause: retryAfterMs === undefined ? body : { body, retryAfterMs },
  });
}

/** 429 with insufficient_quota is a billing problem: retrying only burns the user's time. */
function isQuotaError(body: unknown): boolean {
  const text = typeof body === 'string' ? body : safeStringify(body);
  return /insufficient_quota/i.test(text);
}

function safeStringify(value: unknown): string {
  try {
    return JSON.stringify(value) ?? '';
  } catch {
    return String(value);
  }
}

/** Server text shown in a message is cut here: a whole HTML error page is no help in a banner. */
const MAX_DETAIL_LENGTH = 300;
/** Error bodies are shallow; a hostile one must not make the search recurse without end. */
const MAX_DETAIL_DEPTH = 4;

/**
 * The human-readable part of an error body, in the shapes servers send: OpenAI's `{error: {message}}`,
 * `{error: "…"}`, vLLM's and others' top-level `{message}`, FastAPI's `{detail: "…"}` or
 * `{detail: [{msg}]}`, OAuth's `error_description`, RFC 9457's `title`/`detail`, or plain text.
 */
export function errorDetail(body: unknown, depth = 0): string | undefined {
  if (body == null || depth > MAX_DETAIL_DEPTH) return undefined;
  if (typeof body === 'string') {
    const text = body.trim();
    if (!text) return undefined;
    return text.length > MAX_DETAIL_LENGTH ? `${text.slice(0, MAX_DETAIL_LENGTH)}…` : text;
  }
  if (Array.isArray(body)) {
    const parts = body.slice(0, 3).map((item) => errorDetail(item, depth + 1)).filter(Boolean);
    return parts.length ? errorDetail(parts.join('; '), depth + 1) : undefined;
  }
  if (typeof body === 'object') {
    const b = body as Record<string, unknown>;
    for (const key of ['message', 'error_description', 'detail', 'error', 'msg', 'title']) {
      const found = errorDetail(b[key], depth + 1);
      if (found) return found;
    }
  }
  return undefined;
}

/**
 * A mistake in the options, found before any request: nothing was sent, and trying again cannot help
 * until the option is fixed. The message names the option as the host spells it.
 */
export function configError(option: string, message: string, cause?: unknown): ChatFailure {
  return failure('config', message, { option, retryable: false, ...(cause === undefined ? {} : { cause }) });
}

export function networkError(cause: unknown): ChatFailure {
  return failure('network', 'Could not reach the server. Check that it is running and its URL (base URL or endpoint).', {
    retryable: true,
    cause,
  });
}

/**
 * A network failure after the server had started answering: the server was reached, so "could not
 * reach" would send the user to check the wrong thing.
 */
export function droppedMidAnswer(error: ChatError): ChatError {
  return {
    ...error,
    message: 'The connection dropped while the answer was arriving. What arrived is kept; retry to ask again.',
  };
}

export function timeoutError(idleMs: number): ChatFailure {
  const span = idleMs < 1000 ? `${idleMs} ms` : `${Math.round(idleMs / 1000)} s`;
  return failure('timeout', `The server stopped sending for ${span}. The answer may be incomplete; try again.`, {
    retryable: true,
  });
}

export function truncatedError(raw?: string): ChatFailure {
  return failure('protocol', 'The answer was truncated: the stream ended before the server said it was finished. Try again.', {
    retryable: true,
    raw,
  });
}

export function abortError(): ChatFailure {
  return failure('abort', 'Stopped.', { retryable: false });
}

/** An OpenAI-style error object sent inside a stream (`data: {"error": {...}}`). */
export function streamedError(body: unknown): ChatFailure {
  const detail = errorDetail(body) ?? 'unknown error';
  return failure('protocol', `The server reported an error while answering: ${detail}`, { retryable: true, cause: body });
}

export function isAbortLike(e: unknown): boolean {
  if (!e || typeof e !== 'object') return false;
  const name = (e as { name?: unknown }).name;
  return name === 'AbortError' || name === 'APIUserAbortError';
}

/**
 * Maps anything thrown by fetch, the OpenAI SDK, a parser or our own code to a ChatError. The SDK's
 * classes are recognised by shape, not `instanceof`, so the SDK can stay a lazy import.
 */
export function toChatError(e: unknown): ChatError {
  if (e instanceof ChatFailure) return e.chatError;
  // A lazily loaded part of the library (a provider, the SDK) did not arrive: the network, and worth a retry.
  if (e instanceof PartLoadError) return failure('network', e.message, { retryable: true, cause: e }).chatError;
  if (e && typeof e === 'object') {
    const err = e as { name?: string; status?: unknown; error?: unknown; message?: string; headers?: unknown };
    if (err.name === 'APIConnectionError') return networkError(e).chatError;
    if (typeof err.status === 'number') {
      return httpError(err.status, err.error ?? err.message, retryAfterFrom(err.headers)).chatError;
    }
    // APIError without a status: an error object that arrived inside the stream.
    if (err.name?.endsWith('APIError') || ('error' in err && err.error)) return streamedError(err.error ?? err.message).chatError;
    if (e instanceof SyntaxError) {
      return failure('protocol', 'The server sent data that is not valid JSON. The answer may be incomplete; try again.', {
        retryable: true,
        cause: e,
      }).chatError;
    }
    if (e instanceof TypeError) return networkError(e).chatError;
  }
  return failure('protocol', `Unexpected failure: ${e instanceof Error ? e.message : String(e)}`, { cause: e }).chatError;
}

/** `Retry-After` in seconds or as an HTTP date, or `retry-after-ms`; undefined when unreadable (CORS). */
export function retryAfterFrom(headers: unknown): number | undefined {
  const get = (name: string): string | null | undefined => {
    if (!headers) return undefined;
    if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name);
    return (headers as Record<string, string>)[name];
  };
  const ms = Number(get('retry-after-ms'));
  if (Number.isFinite(ms) && ms >= 0 && get('retry-after-ms') != null) return ms;
  const value = get('retry-after');
  if (value == null || value === '') return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

/** The Retry-After a ChatError carries, if the server's header was readable. */
export function retryAfterOf(error: ChatError): number | undefined {
  const c = error.cause as { retryAfterMs?: unknown } | undefined;
  return c && typeof c === 'object' && typeof c.retryAfterMs === 'number' ? c.retryAfterMs : undefined;
}
