/**
 * Smooths a bursty text stream into an even flow: chunks go into a buffer and come out at most once per
 * animation frame (every few frames at a reading pace, see `stepMs`), at a rate that adapts to the backlog so
 * that any chunk is fully shown about `drainMs` after it arrived. The display never falls more than that behind the network, a burst of 10 KB is spread over the
 * same quarter second as a burst of 10 characters, and a cut never falls inside a grapheme.
 *
 * Pure logic: no DOM. The page's clock comes in through `FrameClock`; tests drive a fake one.
 */
import { defaultFrameClock, type FrameClock } from './frame-clock.js';
import { boundaryAtOrAfter, endsInHalfPair, lastGraphemeStart, prepareGraphemeBoundariesFor } from './grapheme-boundary.js';
import { TextQueue } from './text-queue.js';

export type { FrameClock } from './frame-clock.js';

export interface SmootherOptions {
  /** Paces the releases; defaults to requestAnimationFrame (a 16 ms timer where there is none). */
  clock?: FrameClock;
  /** Time in which any chunk is fully released after it arrives. Default 250 ms. */
  drainMs?: number;
  /**
   * Most code units released in one frame. Default: adaptive, from 1024 doubling to 4096 over the first
   * frames (cold code), then at least 4096 (far above any model's pace, 245 KB/s at 60 Hz), sized on the
   * whole frame: the time from one full release to the next frame takes in the render, style, layout and
   * paint the release caused. A frame over FRAME_BUDGET_MS shrinks the
   * share in proportion (not below 4096: each frame also has a cost of its own); a fast one doubles it
   * (up to 256 KB).
   * A huge burst then flows out as fast as the page shows it, in frames that stay short of a long task.
   */
  maxPerFrame?: number;
  /**
   * Asked on every push and frame: when it returns true, everything buffered is released at once, with no
   * animation (prefers-reduced-motion, or a hidden tab where frames do not run). See `instantRelease()`.
   */
  instant?: () => boolean;
  /**
   * At a reading pace (less than `BURST` code units due), releases are at least this far apart, so a steady
   * stream costs the page about 20 renders a second instead of 60: each frame that shows text pays for style,
   * layout, paint and commit, whatever the few characters it adds. What is released is what falls due by the
   * next release, so the display still never trails the network by more than `drainMs`. A burst flows every
   * frame. 0 releases every frame. Default 48 ms (three frames at 60 Hz).
   */
  stepMs?: number;
}

/** `done` is true on the last call after finish(), once the buffer is empty. */
export type ReleaseCallback = (text: string, done: boolean) => void;

/** Pushes closer together than this share one schedule entry, so a burst of 25 000 tiny chunks costs one. */
const MERGE_MS = 4;
/**
 * Time a frame that releases a full share should take at most, from its start to the next frame's: the
 * release and its render, then the style, layout and paint they cause. Below a long task (50 ms) with
 * room to spare; not one display frame, because each frame also has a cost of its own that does not
 * shrink with the share (1 KB frames made a 1 MB answer take a minute on a busy machine).
 */
const FRAME_BUDGET_MS = 40;
/** A frame shorter than this (about a display frame and a half at 60 Hz): the share may grow. */
const FRAME_FAST_MS = 25;
/**
 * The first shares are smaller and double each frame up to ADAPTIVE_MIN: the first frames of a page's first
 * answer run cold code (lexer, sanitizer, not yet optimised), two to three times slower than later ones.
 */
const ADAPTIVE_START = 1024;
const ADAPTIVE_MIN = 4096;
const ADAPTIVE_MAX = 256 * 1024;
/** Longer than any grapheme: a cut further than this from the end of the buffer cannot touch the last one. */
const MAX_HELD = 64;
/** Due text beyond this (about a line) is a burst: released every frame rather than every `stepMs`. */
const BURST = 64;

interface Arrival {
  time: number;
  /** Cumulative count of pushed code units before and after this arrival. */
  from: number;
  to: number;
}

export class Smoother {
  private readonly release: ReleaseCallback;
  private readonly clock: FrameClock;
  private readonly drainMs: number;
  private maxPerFrame: number;
  private readonly adaptive: boolean;
  private readonly instant: () => boolean;
  private readonly stepMs: number;
  private lastRelease = -Infinity;
  /** The next frame asked for is a gathering wait (scheduleAfter), not the next frame. */
  private waiting = false;
  private readonly pending = new TextQueue();
  private released = 0;
  /** Everything before this offset is due in full; arrivals are dropped once they are. */
  private dueBase = 0;
  private arrivals: Arrival[] = [];
  private lastPush = 0;
  /** When the last frame that released a full share started (-1: the last frame did not). */
  private fullFrameAt = -1;
  /** How long that frame's release took (its render included). */
  private fullReleaseMs = 0;
  private frame = 0;
  private finished = false;
  private doneSent = false;
  private disposed = false;

  constructor(release: ReleaseCallback, options: SmootherOptions = {}) {
    this.release = release;
    this.clock = options.clock ?? defaultFrameClock;
    this.drainMs = Math.max(1, options.drainMs ?? 250);
    this.adaptive = options.maxPerFrame === undefined;
    this.maxPerFrame = Math.max(1, options.maxPerFrame ?? ADAPTIVE_START);
    this.instant = options.instant ?? (() => false);
    this.stepMs = Math.max(0, Math.min(options.stepMs ?? 48, this.drainMs / 2));
  }

  /** Code units received but not released yet. */
  get backlog(): number {
    return this.pending.length;
  }

  push(delta: string): void {
    if (this.disposed || this.finished || !delta) return;
    const now = this.clock.now();
    const total = this.released + this.pending.length;
    prepareGraphemeBoundariesFor(delta);
    this.pending.push(delta);
    this.lastPush = now;
    const last = this.arrivals[this.arrivals.length - 1];
    if (last && now - last.time < MERGE_MS) last.to += delta.length;
    else this.arrivals.push({ time: now, from: total, to: total + delta.length });
    if (this.instant()) this.flush();
    else if (this.waiting && this.pending.length >= (BURST * this.drainMs) / 16) {
      // A burst arrived while gathering at a reading pace: let it start flowing in the next frame.
      this.cancel();
      this.schedule();
    } else this.schedule();
  }

  /** The stream ended: the rest comes out within `drainMs`, including a last grapheme held back so far. */
  finish(): void {
    if (this.disposed || this.finished) return;
    this.finished = true;
    if (!this.pending.length || this.instant()) this.flush();
    else this.schedule();
  }

  /** Releases everything buffered now (but not half a surrogate pair while more may come). */
  flush(): void {
    if (this.disposed) return;
    this.cancel();
    this.fullFrameAt = -1;
    const keep = !this.finished && endsInHalfPair(this.pending.last) ? 1 : 0;
    this.emit(this.pending.length - keep);
  }

  /** Stops everything; nothing more is released. */
  dispose(): void {
    this.cancel();
    this.disposed = true;
    this.pending.clear();
    this.arrivals = [];
  }

  private schedule(): void {
    if (!this.frame && this.pending.length) this.frame = this.clock.requestFrame(() => this.onFrame());
  }

  /** The next frame about `ms` from now, with no frames woken in between where the clock allows it. */
  private scheduleAfter(ms: number): void {
    if (this.frame || !this.pending.length) return;
    const onFrame = () => this.onFrame();
    this.frame = this.clock.requestFrameAfter ? this.clock.requestFrameAfter(ms, onFrame) : this.clock.requestFrame(onFrame);
    this.waiting = true;
  }

  private cancel(): void {
    if (this.frame) this.clock.cancelFrame(this.frame);
    this.frame = 0;
    this.waiting = false;
  }

  private onFrame(): void {
    this.frame = 0;
    this.waiting = false;
    if (this.disposed) return;
    if (this.instant()) return this.flush();
    const now = this.clock.now();
    if (this.fullFrameAt >= 0 && this.adaptive) this.adapt(Math.max(now - this.fullFrameAt, this.fullReleaseMs));
    this.fullFrameAt = -1;
    const dueNow = Math.ceil(this.dueBy(now)) - this.released;
    // At a reading pace, gather a few frames' worth and release it together (see `stepMs`); the first text,
    // the text after a pause and the end come out at once, as the time since the last release is long then.
    const reading = !this.finished && dueNow < BURST;
    if (reading && now - this.lastRelease < this.stepMs) return this.scheduleAfter(this.stepMs - (now - this.lastRelease));
    const due = reading ? Math.ceil(this.dueBy(now + this.stepMs, false)) - this.released : dueNow;
    const want = Math.min(this.maxPerFrame, due);
    if (want > 0) {
      // Only the front of the buffer, unless a cluster runs past it.
      let front = this.pending.peek(want + 4 * MAX_HELD);
      let cut = boundaryAtOrAfter(front, want);
      if (cut > front.length - MAX_HELD && front.length < this.pending.length) cut = boundaryAtOrAfter((front = this.pending.peek(Infinity)), want);
      // The last cluster in the buffer may still grow (a skin tone, or a ZWJ and a second emoji, or the
      // second half of a surrogate pair in the next chunk): hold it back while chunks keep coming, but not
      // through a pause longer than drainMs (then only half a surrogate pair is kept).
      if (!this.finished && cut > this.pending.length - MAX_HELD) {
        const all = this.pending.peek(Infinity);
        const whole = endsInHalfPair(all) ? all.slice(0, -1) : all;
        const paused = now - this.lastPush >= this.drainMs;
        cut = Math.min(cut, paused ? whole.length : lastGraphemeStart(whole));
      }
      if (cut > 0) {
        this.emit(cut);
        if (cut >= this.maxPerFrame) {
          // Measured in the next frame, if it comes at once (a burst): this frame's layout and paint run after us.
          this.fullFrameAt = now;
          this.fullReleaseMs = this.clock.now() - now;
        }
      }
    }
    if (this.pending.length && reading) this.scheduleAfter(this.stepMs);
    else if (this.pending.length) this.schedule();
    else if (this.finished) this.emit(0);
    if (!this.pending.length || reading) this.fullFrameAt = -1; // the next frame comes later: nothing to measure
  }

  /** Sizes the share after a frame that released all of it and took `frameMs` in all (see FRAME_BUDGET_MS). */
  private adapt(frameMs: number): void {
    const share = this.maxPerFrame;
    if (share < ADAPTIVE_MIN) this.maxPerFrame = share * 2;
    else if (frameMs > FRAME_BUDGET_MS) this.maxPerFrame = Math.max(ADAPTIVE_MIN, Math.floor((share * FRAME_BUDGET_MS) / frameMs));
    else if (frameMs < FRAME_FAST_MS) this.maxPerFrame = Math.min(ADAPTIVE_MAX, share * 2);
  }

  /**
   * How many code units should be out by `time`: each arrival is spread evenly over the drainMs after it.
   * `prune` drops the arrivals fully due by then; only for the present, since a look ahead is undone by time.
   */
  private dueBy(time: number, prune = true): number {
    let due = this.dueBase;
    let drop = 0;
    for (const arrival of this.arrivals) {
      const part = (time - arrival.time) / this.drainMs;
      if (part >= 1 && !prune) due = arrival.to;
      else if (part >= 1) {
        // Arrivals are in time order, so all before this one are fully due too.
        this.dueBase = arrival.to;
        due = arrival.to;
        drop++;
      } else if (part > 0) due += (arrival.to - arrival.from) * part;
    }
    if (drop) this.arrivals.splice(0, drop);
    return due;
  }

  private emit(count: number): void {
    const text = this.pending.take(count);
    this.released += count;
    const done = this.finished && !this.pending.length && !this.doneSent;
    if (done) {
      this.doneSent = true;
      this.arrivals = [];
    }
    if (text) this.lastRelease = this.clock.now();
    if (text || done) this.release(text, done);
  }
}
