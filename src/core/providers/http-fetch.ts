/**
 * The fetch every HTTP provider goes through: the host's (or an injected one for tests), with the
 * SDK's `x-stainless-*` headers removed (they break CORS preflights on local servers and
 * proxies), no `Authorization` when there is no key, and every body chunk reported as activity.
 */
/** What the SDK is given as a key when the host has none (it refuses to start without one). */
export const NO_KEY = 'no-key';

export type FetchLike = (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;

export interface FetchWrapOptions {
  fetch?: FetchLike;
  /** False when the host gave no key: the SDK's placeholder must not reach the server. */
  hasKey: boolean;
  onActivity(): void;
}

export function wrapFetch({ fetch: inner, hasKey, onActivity }: FetchWrapOptions): FetchLike {
  const base: FetchLike = inner ?? ((input, init) => globalThis.fetch(input, init));
  return async (input, init) => {
    const headers = new Headers(init?.headers);
    for (const name of [...headers.keys()]) {
      if (name.startsWith('x-stainless')) headers.delete(name);
    }
    // Only the SDK's placeholder goes: a host may authenticate through `headers` instead of a key.
    if (!hasKey && headers.get('authorization') === `Bearer ${NO_KEY}`) headers.delete('authorization');
    const response = await base(input, { ...init, headers });
    onActivity();
    return response.body ? withActivity(response, onActivity) : response;
  };
}

/** The same response, its body passed through a stream that tells the watchdog about each chunk. */
function withActivity(response: Response, onActivity: () => void): Response {
  const body = response.body!.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        onActivity();
        controller.enqueue(chunk);
      },
    }),
  );
  return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
}
