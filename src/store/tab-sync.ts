/**
 * Several tabs on one history. A BroadcastChannel per namespace tells the other tabs what changed so
 * they refresh; a Web Lock per conversation makes sure only one tab streams an answer into it at a time.
 * Both are optional in the platform: without them each tab still works, only without the courtesy.
 */

export type HistoryChange =
  /** A conversation's messages or record changed (`seq`: the message, when it was one). */
  | { type: 'conversation'; id: string; seq?: number; draft?: boolean }
  | { type: 'deleted'; id: string }
  | { type: 'cleared' };

/** Gives the lock back; resolves once other tabs can take it. */
export type Release = () => Promise<void>;

export type ChangeListener = (change: HistoryChange, fromOtherTab: boolean) => void;

export class TabSync {
  #channel: BroadcastChannel | undefined;
  #listeners = new Set<ChangeListener>();

  constructor(readonly name: string, shared: boolean) {
    if (shared && typeof BroadcastChannel !== 'undefined') {
      try {
        this.#channel = new BroadcastChannel(name);
        this.#channel.onmessage = (event) => this.#emit(event.data as HistoryChange, true);
      } catch {
        // Opaque origins (sandboxed frames) may refuse: this tab then works alone.
      }
    }
  }

  /** Tells this page's listeners and every other tab (and every other store on the same channel name). */
  announce(change: HistoryChange): void {
    this.#emit(change, false);
    try {
      this.#channel?.postMessage(change);
    } catch {
      // A closed channel: the other tabs will see the change on their next read.
    }
  }

  subscribe(listener: ChangeListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #emit(change: HistoryChange, remote: boolean): void {
    for (const listener of this.#listeners) {
      try {
        listener(change, remote);
      } catch (error) {
        // One listener's bug must not stop the others (or the write that announced the change).
        queueMicrotask(() => {
          throw error;
        });
      }
    }
  }

  close(): void {
    this.#channel?.close();
    this.#channel = undefined;
    this.#listeners.clear();
  }

  lockName(conversationId: string): string {
    return `${this.name}:answer:${conversationId}`;
  }

  /**
   * Takes the conversation's answer lock. Resolves to a release function, or to null when another tab
   * holds it and `wait` is false. Without Web Locks, always granted.
   */
  acquire(conversationId: string, options: { wait?: boolean; signal?: AbortSignal } = {}): Promise<Release | null> {
    const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
    if (!locks) return Promise.resolve(async () => {});
    return new Promise((resolve) => {
      const lockOptions: LockOptions = options.wait ? { signal: options.signal } : { ifAvailable: true };
      let done: Promise<unknown> = Promise.resolve();
      done = locks
        .request(this.lockName(conversationId), lockOptions, (lock) => {
          if (!lock) {
            resolve(null);
            return undefined;
          }
          // The lock is held until this promise settles, i.e. until the caller releases it.
          return new Promise<void>((release) =>
            resolve(() => {
              release();
              return done.then(() => undefined);
            }),
          );
        })
        // Locks refused (a sandboxed frame): answer as if there were no other tab, as without Web Locks.
        .catch((error: { name?: string }) => resolve(error?.name === 'AbortError' ? null : async () => {}));
    });
  }

  /** True while another tab (or another store here) holds the conversation's answer lock. */
  async isAnswering(conversationId: string): Promise<boolean> {
    const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
    if (!locks) return false;
    try {
      const state = await locks.query();
      const name = this.lockName(conversationId);
      return (state.held ?? []).some((lock) => lock.name === name);
    } catch {
      return false;
    }
  }
}
