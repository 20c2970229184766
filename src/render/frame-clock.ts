/**
 * The clock the render layer paces itself with. Injected so that the smoother and the markdown stream can be
 * driven by a fake clock in tests (no browser, no real time) and by `requestAnimationFrame` on a page.
 */
export interface FrameClock {
  /** Milliseconds on a monotonic timeline (performance.now() on a page). */
  now(): number;
  /** Calls `cb` before the next paint; returns an id for cancelFrame. */
  requestFrame(cb: (time: number) => void): number;
  cancelFrame(id: number): void;
  /**
   * Calls `cb` in the first frame about `ms` from now, without running the frames in between (a frame with an
   * animation callback still costs the page a frame even when the callback does nothing); cancelled with
   * cancelFrame. Optional: without it, a caller asks frame by frame.
   */
  requestFrameAfter?(ms: number, cb: (time: number) => void): number;
}

/**
 * Below this, requestFrameAfter asks for the next frame at once. Its timer fires at `ms`, not earlier: a frame
 * comes at the next vsync after the timer, so a timer set early lands before `ms` in most cases, and a caller
 * that then finds it too early (the smoother gathering at a reading pace) asks again, for a frame that did
 * nothing but cost the page a frame.
 */
const DIRECT_FRAME_MS = 4;

/**
 * Where a frame is a frame: requestAnimationFrame on a page, else a ~60 Hz timer (Node, Workers). In a
 * hidden tab browsers run no requestAnimationFrame callback, so a stream rendered on frames would stand
 * still until the reader comes back and then jump; there a timer (which browsers slow to about once a
 * second in the background) keeps the text current at almost no cost. Timer ids are handed out negated,
 * so cancelFrame knows which kind it holds.
 */
export const defaultFrameClock: FrameClock =
  typeof requestAnimationFrame === 'function'
    ? pageClock()
    : {
        now: () => performance.now(),
        requestFrame: (cb) => setTimeout(() => cb(performance.now()), 16) as unknown as number,
        cancelFrame: (id) => clearTimeout(id as unknown as ReturnType<typeof setTimeout>),
      };

function pageClock(): FrameClock {
  /** Timers of requestFrameAfter that have fired, and the frame each then asked for. */
  const chained = new Map<number, number>();
  const clock: FrameClock = {
    now: () => performance.now(),
    requestFrame(cb) {
      if (typeof document !== 'undefined' && document.visibilityState === 'hidden') {
        return -setTimeout(() => cb(performance.now()), 16);
      }
      return requestAnimationFrame(cb);
    },
    cancelFrame(id) {
      if (id >= 0) return cancelAnimationFrame(id);
      clearTimeout(-id);
      const frame = chained.get(-id);
      chained.delete(-id);
      if (frame !== undefined) clock.cancelFrame(frame);
    },
    requestFrameAfter(ms, cb) {
      if (ms <= DIRECT_FRAME_MS) return clock.requestFrame(cb);
      const timer: number = setTimeout(() => {
        const frame = clock.requestFrame((time) => {
          chained.delete(timer);
          cb(time);
        });
        chained.set(timer, frame);
      }, ms) as unknown as number;
      return -timer;
    },
  };
  return clock;
}
