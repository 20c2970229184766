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

/** Where a frame is a frame: requestAnimationFrame when there is one, else a ~60 Hz timer (Node, Workers). */
export const defaultFrameClock: FrameClock =
  typeof requestAnimationFrame === 'function'
    ? {
        now: () => performance.now(),
        requestFrame: (cb) => requestAnimationFrame(cb),
        cancelFrame: (id) => cancelAnimationFrame(id),
      }
    : {
        now: () => performance.now(),
        requestFrame: (cb) => setTimeout(() => cb(performance.now()), 16) as unknown as number,
        cancelFrame: (id) => clearTimeout(id as unknown as ReturnType<typeof setTimeout>),
      };
