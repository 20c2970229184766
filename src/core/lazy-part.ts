/**
 * A part of the library loaded on first use: the OpenAI SDK, a provider, the markdown renderer, a
 * highlight.js grammar. Each is a dynamic `import()`, which the drop-in build turns into a file beside the
 * script (found from the script's own URL) and a bundler turns into a chunk of the host's app.
 *
 *   const markdownPart = lazyPart('markdown', () => import('./markdown-part.js'));
 *   markdownPart.loaded          // the module if it has arrived, else undefined (a synchronous check)
 *   await markdownPart.load()    // loads once; every caller shares the same download
 *   markdownPart.prefetch()      // starts the download, ignores a failure (an idle or intent prefetch)
 *   markdownPart.whenLoaded(fn)  // fn(module) once it has arrived (now, if it has), before any load() resolves
 *
 * A failed load is not remembered: the next `load()` tries again (browsers fetch a failed module again on
 * the next `import()`), so a retry button works. The error it rejects with says which part and why.
 */

/** Thrown by `load()`: a part of the library could not be downloaded or run. */
export class PartLoadError extends Error {
  readonly part: string;
  constructor(part: string, cause: unknown) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(`Part of the chat (${part}) could not be loaded: ${reason}. Check the connection and try again.`);
    this.name = 'PartLoadError';
    this.part = part;
    this.cause = cause;
  }
}

export interface LazyPart<T> {
  /** Name used in error messages ("markdown", "openai"). */
  readonly name: string;
  /** The module, once loaded; undefined before. */
  readonly loaded: T | undefined;
  /** Loads the part (once); rejects with a PartLoadError, and a later call tries again. */
  load(): Promise<T>;
  /** Starts loading without waiting or reporting a failure (the real use will report it). */
  prefetch(): void;
  /**
   * Calls `listener` with the module once it has arrived (at once if it has), before the callers of
   * `load()` resume: what must be in place before the part's first use (its CSS) is. Loads nothing.
   */
  whenLoaded(listener: (module: T) => void): void;
}

export function lazyPart<T>(name: string, importer: () => Promise<T>): LazyPart<T> {
  let loaded: T | undefined;
  let pending: Promise<T> | undefined;
  let listeners: ((module: T) => void)[] = [];
  const part: LazyPart<T> = {
    name,
    get loaded() {
      return loaded;
    },
    load() {
      if (loaded !== undefined) return Promise.resolve(loaded);
      pending ??= importer().then(
        (module) => {
          loaded = module;
          for (const listener of listeners) {
            try {
              listener(module);
            } catch {
              // A listener's failure is its own; the part still loaded.
            }
          }
          listeners = [];
          return module;
        },
        (cause: unknown) => {
          pending = undefined;
          throw new PartLoadError(name, cause);
        },
      );
      return pending;
    },
    prefetch() {
      part.load().catch(() => {});
    },
    whenLoaded(listener) {
      if (loaded !== undefined) listener(loaded);
      else listeners.push(listener);
    },
  };
  return part;
}
