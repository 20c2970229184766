/** A FrameClock driven by hand: time moves only when a test says so, frames run every 16 ms of it. */
import type { FrameClock } from '../../src/render/frame-clock.js';

export interface FakeClock extends FrameClock {
  /** Pending frame requests. */
  readonly pending: number;
  /** Moves time on by `ms`, running the frames that fall due on the way (one every `frameMs`). */
  advance(ms: number): void;
  /** Runs the frames requested so far, at the current time. */
  frame(): void;
}

export function fakeClock(frameMs = 16): FakeClock {
  let time = 1000;
  let nextFrame = time + frameMs;
  let nextId = 0;
  const callbacks = new Map<number, (time: number) => void>();
  const runFrame = () => {
    const due = [...callbacks.values()];
    callbacks.clear();
    for (const cb of due) cb(time);
  };
  return {
    now: () => time,
    requestFrame(cb) {
      callbacks.set(++nextId, cb);
      return nextId;
    },
    cancelFrame(id) {
      callbacks.delete(id);
    },
    get pending() {
      return callbacks.size;
    },
    advance(ms) {
      const end = time + ms;
      while (nextFrame <= end) {
        time = nextFrame;
        nextFrame += frameMs;
        runFrame();
      }
      time = end;
    },
    frame: runFrame,
  };
}
