/**
 * Where a run's events wait for whoever reads them. The run never waits for a reader: events are
 * kept in order until every reader has passed them. Until the first reader arrives nothing is
 * dropped, so a reader that starts late (after `await run.result`, say) still sees the whole turn,
 * and two readers that start together (`streamText` and a logger) both see every event. A reader
 * that starts after others have consumed events begins at the oldest event still kept.
 *
 * Why drop at all: `text` events carry the text so far; once a reader has looked at each of them
 * (flattening the strings), keeping them all would hold the square of the answer's length.
 */
interface Reader {
  /** Absolute index of the next event this reader gets. */
  index: number;
}

/** Release consumed events in batches: one splice per batch, not one shift per event. */
const RELEASE_BATCH = 256;

export class EventBuffer<T> implements AsyncIterable<T> {
  private items: T[] = [];
  /** Absolute index of items[0]. */
  private base = 0;
  private closed = false;
  private waiters: (() => void)[] = [];
  private readers = new Set<Reader>();

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

  private release(): void {
    let min = Number.POSITIVE_INFINITY;
    for (const r of this.readers) min = Math.min(min, r.index);
    const count = min - this.base;
    if (Number.isFinite(count) && count >= RELEASE_BATCH) {
      this.items.splice(0, count);
      this.base = min;
    }
  }

  [Symbol.asyncIterator](): AsyncIterator<T> {
    const reader: Reader = { index: this.base };
    this.readers.add(reader);
    const stop = (): IteratorResult<T> => {
      this.readers.delete(reader);
      return { value: undefined, done: true };
    };
    return {
      next: async (): Promise<IteratorResult<T>> => {
        if (!this.readers.has(reader)) return { value: undefined, done: true };
        while (reader.index - this.base >= this.items.length && !this.closed) {
          await new Promise<void>((resolve) => this.waiters.push(resolve));
          if (!this.readers.has(reader)) return { value: undefined, done: true };
        }
        const offset = reader.index - this.base;
        if (offset >= this.items.length) return stop();
        const value = this.items[offset]!;
        reader.index++;
        this.release();
        return { value, done: false };
      },
      // Breaking out of a for-await only stops this reader; the run goes on (use abort() to stop it).
      return: async (): Promise<IteratorResult<T>> => stop(),
    };
  }
}
