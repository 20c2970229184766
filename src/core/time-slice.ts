/**
 * Work done in slices: a burst (one network read can hold a whole answer, 100,000 chunks) is
 * parsed and delivered a few milliseconds at a time, and between slices the host gets the event
 * loop back to paint and handle input. Readers of the events run inside the slice that emitted
 * them (they are woken by microtasks), so their work is bounded with it.
 */
import { now } from './now.js';

/** Long enough to amortise the hop, short enough that a frame still has room to paint. */
export const SLICE_MS = 6;

/** Node's setImmediate, read from the global object (the browser build has no Node types). */
const immediate = (globalThis as { setImmediate?: (fn: () => void) => unknown }).setImmediate;

export class TimeSlicer {
  /** When the current task's slice began; undefined until the first unit of work in a task. */
  private started: number | undefined;

  constructor(private readonly sliceMs = SLICE_MS) {}

  /**
   * Between two units of work: undefined while the slice lasts, else a promise of a new task.
   * Only time spent in one task counts: parts that trickle in over the network, each in its own
   * task, never pause.
   */
  pause(): Promise<void> | undefined {
    const t = now();
    if (this.started === undefined) {
      this.started = t;
      afterThisTask(() => (this.started = undefined));
      return undefined;
    }
    if (t - this.started < this.sliceMs) return undefined;
    return nextTask().then(() => {
      this.started = undefined;
    });
  }
}

/**
 * Runs `fn` once the current task is over (a later task; the order against others is not kept). Called
 * once per task that does any work, i.e. for every network read of a stream at a steady pace: a timer,
 * not a MessageChannel (a new channel each time cost about as much as the read it followed).
 */
function afterThisTask(fn: () => void): void {
  if (typeof immediate === 'function') immediate(fn);
  else setTimeout(fn, 0);
}

/**
 * A new task, not a microtask (a microtask would never let the page paint): `setImmediate` (Node),
 * else a MessageChannel (no 4 ms clamp, unlike nested timers). Not `scheduler.yield()`: its
 * continuation goes ahead of the page's other tasks, so timers and the like would still wait.
 */
export function nextTask(): Promise<void> {
  if (typeof immediate === 'function') return new Promise((resolve) => immediate!(() => resolve()));
  if (typeof MessageChannel === 'function') {
    return new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        resolve();
      };
      channel.port2.postMessage(null);
    });
  }
  return new Promise((resolve) => setTimeout(resolve, 0));
}
