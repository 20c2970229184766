/**
 * Pacing: how text is cut into deltas and how long to wait between them. A real model sends pieces of
 * a few characters, at an uneven pace, with an occasional pause; `rate=0` drops every wait but still
 * writes piece by piece, so clients see the same framing, only faster.
 */
import type { DevOptions } from './options.js';
import type { Random } from './random.js';

/** Time to first token of a fast hosted model; skipped when `rate=0`. */
const FIRST_TOKEN_MS = 250;

/** Cuts text into pieces of about `chunk` characters, never inside a surrogate pair (emoji stay whole). */
export function splitChunks(text: string, options: Pick<DevOptions, 'chunk' | 'burst'>, rng: Random): string[] {
  const chars = Array.from(text);
  const pieces: string[] = [];
  const mean = Math.max(1, options.chunk);
  for (let i = 0; i < chars.length; ) {
    let size = Math.max(1, Math.round(mean * (0.5 + rng.next())));
    // Bursty streams sometimes deliver several tokens in one network read.
    if (rng.chance(options.burst * 0.15)) size *= rng.int(2, 4);
    pieces.push(chars.slice(i, i + size).join(''));
    i += size;
  }
  return pieces;
}

/** Resolves after `ms`, or at once when the signal aborts (the client went away). */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}

/** Lets the event loop run so each write leaves as its own chunk, without any real delay. */
const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

export interface Pacer {
  /** Waits before the first piece (time to first token). */
  start(): Promise<void>;
  /** Waits as long as sending `length` characters takes at the chosen rate. */
  after(length: number): Promise<void>;
}

export function createPacer(options: Pick<DevOptions, 'rate' | 'burst'>, rng: Random, signal?: AbortSignal): Pacer {
  const { rate, burst } = options;
  return {
    async start() {
      if (rate > 0) await sleep(FIRST_TOKEN_MS * (0.6 + rng.next() * 0.8), signal);
      else await tick();
    },
    async after(length) {
      if (rate <= 0) return tick();
      let ms = (length / rate) * 1000 * (0.6 + rng.next() * 0.8);
      // Burstiness: some pieces come clumped together, some after a short "thinking" pause.
      if (rng.chance(burst * 0.4)) ms = 0;
      else if (rng.chance(burst * 0.08)) ms *= rng.int(4, 12);
      return ms < 1 ? tick() : sleep(ms, signal);
    },
  };
}
