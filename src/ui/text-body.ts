/**
 * The body of one text segment of an answer: a stable container that Lit renders once and never
 * touches again, filled by the render layer as text streams in. Deltas go to the Smoother, which
 * releases them once per animation frame at an even pace, into a MarkdownStream that re-renders only
 * the open tail of the markdown. So the DOM changes once per frame whatever the network does, and the
 * element's template is not re-rendered per token.
 */
import { defaultFrameClock, instantRelease, MarkdownStream, Smoother, type MarkdownOptions } from '../render/index.js';
import type { RenderFailed } from './render-failure.js';

export class TextBody {
  /** Everything received so far (what copy and the history hold), ahead of what is shown. */
  text = '';
  /** Resolves once everything received is on screen, after the end of the stream. */
  readonly shown: Promise<void>;
  private container?: HTMLElement;
  private stream?: MarkdownStream;
  private smoother?: Smoother;
  private finished = false;
  /** Rendering threw: the text is shown as plain text from then on. */
  private failed = false;
  private onFailed?: RenderFailed;
  private markShown!: () => void;

  constructor() {
    this.shown = new Promise((resolve) => (this.markShown = resolve));
  }

  /**
   * Called by the template with the container this body owns; idempotent. `onFailed` hears of a
   * rendering that threw (the body then shows its text as plain text).
   */
  attach(container: HTMLElement, options: MarkdownOptions, onFailed?: RenderFailed): void {
    if (this.container === container) return;
    this.dispose();
    this.container = container;
    this.onFailed = onFailed;
    container.classList.add('md');
    container.textContent = '';
    if (this.failed) return this.showPlain();
    this.guard(() => {
      this.stream = new MarkdownStream(container, { ...options, clock: defaultFrameClock });
      if (this.finished) {
        this.stream.setText(this.text);
        this.done();
        return;
      }
      // What arrived before the container existed (a few milliseconds' worth) is shown at once.
      this.stream.append(this.text);
      this.smoother = new Smoother(
        (released, last) =>
          this.guard(() => {
            // The smoother already releases once per frame: render in this frame rather than the next.
            this.stream?.append(released);
            this.stream?.flush();
            if (last) this.complete();
          }),
        { instant: instantRelease(), clock: defaultFrameClock },
      );
    });
  }

  /** A streamed delta. */
  push(delta: string): void {
    if (this.finished || !delta) return;
    this.text += delta;
    if (this.failed) this.container?.append(delta);
    else this.smoother?.push(delta);
  }

  /** Replaces the whole text, shown complete at once (history). */
  setText(text: string): void {
    this.text = text;
    this.finished = true;
    this.smoother?.dispose();
    this.smoother = undefined;
    if (this.failed) this.showPlain();
    else if (this.stream) {
      this.guard(() => this.stream!.setText(text));
      this.done();
    }
  }

  /** The stream ended normally: the smoother drains its last characters, then the markdown completes. */
  finish(): void {
    if (this.finished) return;
    this.finished = true;
    if (this.smoother) this.smoother.finish();
    else this.complete();
  }

  /** The stream was cut (stop, error): everything received is shown now, no easing out. */
  cut(): void {
    this.finished = true;
    this.guard(() => this.smoother?.flush());
    this.guard(() => this.complete());
  }

  dispose(): void {
    this.smoother?.dispose();
    this.stream?.dispose();
    this.smoother = undefined;
    this.stream = undefined;
    this.container = undefined;
  }

  get isFinished(): boolean {
    return this.finished;
  }

  /** Runs a rendering step; if it throws, the text is shown plain and the failure reported once. */
  private guard(step: () => void): void {
    if (this.failed) return;
    try {
      step();
    } catch (cause) {
      this.failed = true;
      try {
        this.smoother?.dispose();
        this.stream?.dispose();
      } catch {
        // Already failing: what matters is that the text is shown and the failure reported.
      }
      this.smoother = undefined;
      this.stream = undefined;
      this.showPlain();
      this.onFailed?.(cause);
    }
  }

  /** The whole text as plain text: nothing to parse, nothing that can fail again. */
  private showPlain(): void {
    if (!this.container) return;
    this.container.textContent = this.text;
    this.container.setAttribute('data-plain', '');
    this.done();
  }

  private complete(): void {
    this.smoother?.dispose();
    this.smoother = undefined;
    this.stream?.finish();
    this.done();
  }

  private done(): void {
    this.container?.setAttribute('data-complete', '');
    this.markShown();
  }
}
