/**
 * Saves a streaming answer as it grows, without writing on every chunk: at most once per interval
 * (default one second), at once when asked (`force`, e.g. when a markdown block closes), and always
 * the latest text, with the model's reasoning so far. Writes never overlap and never throw at the caller: a reload loses at most the last
 * interval of text, and the store's own fallback handles a failing database.
 */
import type { HistoryStore } from './history-store.js';
import type { MessageRecord } from './records.js';

export interface DraftClock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realClock: DraftClock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface DraftWriterOptions {
  /** Milliseconds between two throttled writes. Default 1000. */
  intervalMs?: number;
  /** Text written before the streamed text (continuing an interrupted answer). */
  prefix?: string;
  clock?: DraftClock;
}

export class DraftWriter {
  readonly intervalMs: number;
  readonly prefix: string;
  /** Draft writes done (for tests and the benchmark). */
  writes = 0;
  #clock: DraftClock;
  #text = '';
  #written = '';
  #reasoning: string | undefined;
  #writtenReasoning: string | undefined;
  #lastWrite = -Infinity;
  #timer: unknown;
  #inFlight: Promise<void> | null = null;
  #again = false;
  #closed = false;
  #resume: MessageRecord['resume'];

  constructor(
    readonly store: HistoryStore,
    public draft: MessageRecord,
    options: DraftWriterOptions = {},
  ) {
    this.intervalMs = options.intervalMs ?? 1000;
    this.prefix = options.prefix ?? '';
    this.#clock = options.clock ?? realClock;
    this.#written = draft.content ?? '';
    this.#reasoning = this.#writtenReasoning = draft.reasoning;
  }

  /** The full text of the answer so far (prefix included). */
  get text(): string {
    return this.prefix + this.#text;
  }

  /**
   * Hands the streamed text so far (not a delta). Returns at once; the write happens when it is due.
   * `resume`: where a background answer with exactly this text stands, written with it. `reasoning`:
   * the model's reasoning so far (this step's), written with the text so a reload keeps it.
   */
  save(text: string, options: { force?: boolean; resume?: MessageRecord['resume']; reasoning?: string } = {}): void {
    if (this.#closed) return;
    this.#text = text;
    if (options.resume) this.#resume = options.resume;
    if (options.reasoning !== undefined) this.#reasoning = options.reasoning;
    const due = this.#lastWrite + this.intervalMs - this.#clock.now();
    if (options.force || due <= 0) {
      this.#write();
    } else if (this.#timer === undefined) {
      // The trailing write: the text of a stream that pauses is saved without waiting for a next chunk.
      this.#timer = this.#clock.setTimeout(() => {
        this.#timer = undefined;
        this.#write();
      }, due);
    }
  }

  #write(): void {
    if (this.#timer !== undefined) {
      this.#clock.clearTimeout(this.#timer);
      this.#timer = undefined;
    }
    if (this.#inFlight) {
      this.#again = true;
      return;
    }
    const text = this.text;
    const reasoning = this.#reasoning;
    if (text === this.#written && reasoning === this.#writtenReasoning) return;
    this.#lastWrite = this.#clock.now();
    this.writes++;
    this.draft = { ...this.draft, content: text, reasoning, ...(this.#resume ? { resume: this.#resume } : {}) };
    this.#inFlight = this.store
      .saveMessage(this.draft)
      .then(() => {
        this.#written = text;
        this.#writtenReasoning = reasoning;
      })
      .catch(() => {
        // The store never rejects on storage failures; anything else only costs this one draft.
      })
      .finally(() => {
        this.#inFlight = null;
        if (this.#again && !this.#closed) {
          this.#again = false;
          this.#write();
        }
      });
  }

  /** Waits for the write in flight (if any). */
  async settle(): Promise<void> {
    while (this.#inFlight) await this.#inFlight;
  }

  /** Stops writing drafts (the final message replaces the draft); waits for the write in flight. */
  async close(): Promise<void> {
    this.#closed = true;
    if (this.#timer !== undefined) this.#clock.clearTimeout(this.#timer);
    this.#timer = undefined;
    await this.settle();
  }
}
