/**
 * Where a run's events wait for whoever reads them. The run never waits for a reader: events are
 * kept in order, and every iterator starts from the first one, so a slow reader, a late reader,
 * two readers (`streamText` and a logger) or no reader at all all see the same complete turn.
 */
export class EventBuffer<T> implements AsyncIterable<T> {
  private items: T[] = [];
  private closed = false;
  private waiters: (() => void)[] = [];

  push(item: T): void {
    if (this.closed) return;
    this.items.push(item);
    this.wake();
  }

  close(): void {
    this.closed = true;
    this.wake();
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }

  [Symbol.asyncIterator](): AsyncIterator<T> {
    let index = 0;
    let stopped = false;
    return {
      next: async (): Promise<IteratorResult<T>> => {
        while (!stopped && index >= this.items.length && !this.closed) {
          await new Promise<void>((resolve) => this.waiters.push(resolve));
        }
        if (!stopped && index < this.items.length) return { value: this.items[index++]!, done: false };
        return { value: undefined, done: true };
      },
      // Breaking out of a for-await only stops this reader; the run goes on (use abort() to stop it).
      return: async (): Promise<IteratorResult<T>> => {
        stopped = true;
        return { value: undefined, done: true };
      },
    };
  }
}
