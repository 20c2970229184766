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
}

/**
 * Where a frame is a frame: requestAnimationFrame on a page, else a ~60 Hz timer (Node, Workers). In a
 * hidden tab browsers run no requestAnimationFrame callback, so a stream rendered on frames would stand
 * still until the reader comes back and then jump; there a timer (which browsers slow to about once a
 * second in the background) keeps the text current at almost no cost. Timer ids are handed out negated,
 * so cancelFrame knows which kind it holds.
 */
export const defaultFrameClock: FrameClock =
  typeof requestAnimationFrame === 'function'
    ? {
        now: () => performance.now(),
        requestFrame(cb) {
          if (typeof document !== 'undefined' && document.visibilityState === 'hidden') {
            return -setTimeout(() => cb(performance.now()), 16);
          }
          return requestAnimationFrame(cb);
        },
        cancelFrame(id) {
          if (id < 0) clearTimeout(-id);
          else cancelAnimationFrame(id);
        },
      }
    : {
        now: () => performance.now(),
        requestFrame: (cb) => setTimeout(() => cb(performance.now()), 16) as unknown as number,
        cancelFrame: (id) => clearTimeout(id as unknown as ReturnType<typeof setTimeout>),
      };
