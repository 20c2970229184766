/**
 * Notices a server that went quiet. The SDK's timeout stops counting once response headers
 * arrive; a body that stalls forever would otherwise leave the answer hanging with no error.
 */
export class IdleWatchdog {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private stopped = false;

  constructor(
    private readonly idleMs: number,
    private readonly onIdle: () => void,
  ) {}

  /** (Re)starts the countdown: called when the request leaves and whenever bytes arrive. */
  touch = (): void => {
    if (this.stopped || !(this.idleMs > 0) || !Number.isFinite(this.idleMs)) return;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.stop();
      this.onIdle();
    }, this.idleMs);
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
}
