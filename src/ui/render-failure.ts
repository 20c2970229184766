/**
 * A failure while showing an answer (a renderer that throws, a shape that overflows the stack) must not
 * escape into the page or leave `send()` hanging: the body that failed shows what it can as plain text
 * and reports it; the element ends the turn with a `render` error, the text that arrived kept.
 */
import type { ChatError } from '../core/index.js';

/** Called by an answer's body when rendering it threw. */
export type RenderFailed = (cause: unknown) => void;

/** The error a render failure ends the turn with. */
export function renderError(cause: unknown): ChatError {
  let detail: string;
  try {
    detail = cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause);
  } catch {
    detail = 'unknown error';
  }
  return {
    kind: 'render',
    message: `The answer could not be shown (${detail.slice(0, 200)}). What arrived is kept; retry to ask again.`,
    retryable: true,
    cause,
  };
}

/**
 * The render failure of one turn: the first one wins, stops the run (the engine ends it with the text
 * so far) and is told to `onFail` once, whether it came from an event being applied or from a frame.
 */
export class TurnFailure {
  error: ChatError | undefined;
  onFail?: (error: ChatError) => void;

  constructor(private readonly controller: AbortController) {}

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  fail(cause: unknown): void {
    if (this.error) return;
    this.error = renderError(cause);
    this.controller.abort();
    this.onFail?.(this.error);
  }
}

/** `run()`, or `fallback` if it throws: for the steps that end a turn, which must not fail in turn. */
export function safely<T>(run: () => T, fallback: T): T {
  try {
    return run();
  } catch {
    return fallback;
  }
}
