/** A FrameClock driven by hand: time moves only when a test says so, frames run every 16 ms of it. */
import type { FrameClock } from '../../src/render/frame-clock.js';

export interface FakeClock extends FrameClock {
  /** Pending frame requests. */
  readonly pending: number;
  /** Frame callbacks run so far. */
  readonly woken: number;
  /** Moves time on by `ms`, running the frames that fall due on the way (one every `frameMs`). */
  advance(ms: number): void;
  /** Runs the frames requested so far, at the current time. */
  frame(): void;
  /**
   * Work inside a frame callback that takes `ms` (with the layout and paint it causes): time moves on, and
   * the next frame is the first display frame after it.
   */
  spend(ms: number): void;
}

export function fakeClock(frameMs = 16): FakeClock {
  let time = 1000;
  let nextFrame = time + frameMs;
  let nextId = 0;
  let woken = 0;
  /** Each request with the time before which its frame must not run (requestFrameAfter). */
  const callbacks = new Map<number, { cb: (time: number) => void; notBefore: number }>();
  const runFrame = () => {
    const due = [...callbacks].filter(([, request]) => request.notBefore <= time);
    for (const [id] of due) callbacks.delete(id);
    for (const [, request] of due) {
      woken++;
      request.cb(time);
    }
  };
  return {
    now: () => time,
    requestFrame(cb) {
      callbacks.set(++nextId, { cb, notBefore: -Infinity });
      return nextId;
    },
    requestFrameAfter(ms, cb) {
      callbacks.set(++nextId, { cb, notBefore: time + ms - frameMs / 2 });
      return nextId;
    },
    cancelFrame(id) {
      callbacks.delete(id);
    },
    get pending() {
      return callbacks.size;
    },
    get woken() {
      return woken;
    },
    advance(ms) {
      const end = time + ms;
      while (nextFrame <= end) {
        time = nextFrame;
        nextFrame += frameMs;
        runFrame();
      }
      time = Math.max(time, end);
    },
    frame: runFrame,
    spend(ms) {
      time += ms;
      while (nextFrame <= time) nextFrame += frameMs;
    },
  };
}
