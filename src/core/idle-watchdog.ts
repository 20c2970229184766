import { now } from './now.js';

/**
 * Notices a server that went quiet. The SDK's timeout stops counting once response headers
 * arrive; a body that stalls forever would otherwise leave the answer hanging with no error.
 */
export class IdleWatchdog {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private stopped = false;
  /** When bytes or a part last arrived. */
  private last = 0;

  constructor(
    private readonly idleMs: number,
    private readonly onIdle: () => void,
  ) {}

  /**
   * (Re)starts the countdown: called when the request leaves and whenever bytes arrive, i.e. several
   * times per network read. It only notes the time; the one timer, when it fires, waits on for what is
   * left of the countdown since then (clearing and setting a timer per read was a cost of its own).
   */
  touch = (): void => {
    if (this.stopped || !(this.idleMs > 0) || !Number.isFinite(this.idleMs)) return;
    this.last = now();
    if (this.timer === undefined) this.arm(this.idleMs);
  };

  stop(): void {
    this.stopped = true;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** True while a countdown is pending (tests check that nothing is left running). */
  get active(): boolean {
    return this.timer !== undefined;
  }

  private arm(ms: number): void {
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (this.stopped) return;
      const quiet = now() - this.last;
      if (quiet < this.idleMs) return this.arm(this.idleMs - quiet);
      this.stop();
      this.onIdle();
    }, ms);
  }
}
