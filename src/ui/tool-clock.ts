/**
 * Redraws the elapsed time of running tools while any runs, and stops when none does: a timer that
 * touches only the answers holding a running tool, not the transcript.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Item } from './view-model.js';

/** How often the elapsed time of a running tool is redrawn. */
const TICK_MS = 100;

export class ToolClock implements ReactiveController {
  /** performance.now() at the last tick: what the tool views measure against. */
  now = 0;
  private timer?: ReturnType<typeof setInterval>;

  constructor(
    host: ReactiveControllerHost,
    private readonly items: () => readonly Item[],
    private readonly touch: (item: Item) => void,
  ) {
    host.addController(this);
  }

  /** A tool started: tick until no tool runs. */
  start(): void {
    this.now = performance.now();
    if (this.timer) return;
    this.timer = setInterval(() => this.tick(), TICK_MS);
  }

  hostDisconnected(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  private tick(): void {
    this.now = performance.now();
    let running = false;
    for (const item of this.items()) {
      if (item.kind === 'assistant' && item.segments.some((s) => s.kind === 'tool' && s.call.status === 'running')) {
        running = true;
        this.touch(item);
      }
    }
    if (!running) this.hostDisconnected();
  }
}
