/**
 * Animation frames that keep coming in a hidden tab. Browsers run no requestAnimationFrame callback
 * there, so a stream rendered on frames would stand still until the reader comes back and then jump;
 * a timer (which browsers slow to about once a second in the background) keeps the transcript current
 * at almost no cost.
 */
import type { FrameClock } from '../render/index.js';

/** Timer ids are handed out negated, so cancelFrame knows which kind it holds. */
export const pageFrameClock: FrameClock = {
  now: () => performance.now(),
  requestFrame(cb) {
    if (document.visibilityState !== 'hidden') return requestAnimationFrame(cb);
    return -setTimeout(() => cb(performance.now()), 16);
  },
  cancelFrame(id) {
    if (id < 0) clearTimeout(-id);
    else cancelAnimationFrame(id);
  },
};
