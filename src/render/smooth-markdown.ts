/**
 * The whole text pipeline of one answer in one object: deltas -> Smoother -> MarkdownStream -> container.
 * This is what the element uses for each streamed text segment; the two parts stay available on their own.
 *
 *   const view = new SmoothMarkdown(container, { strings, allowedImageOrigins });
 *   for each text delta:  view.push(delta)
 *   stream ended:         view.finish()      // the rest flows out within drainMs, then code is highlighted
 *   stopped / error:      view.flush()       // everything received, now
 *   history:              view.setText(text) // no animation
 *   removed:              view.dispose()
 */
import { instantRelease } from './instant-release.js';
import { MarkdownStream } from './markdown-stream.js';
import type { MarkdownOptions } from './markdown-options.js';
import { Smoother } from './smoother.js';

export interface SmoothMarkdownOptions extends MarkdownOptions {
  /** Time in which any chunk is fully shown after it arrives. Default 250 ms. */
  drainMs?: number;
  /** Most characters shown per frame (see Smoother). Default: adaptive, at least 4096 after the first frames. */
  maxPerFrame?: number;
  /** When true, text is shown as it arrives. Default: reduced motion or a hidden tab (`instantRelease()`). */
  instant?: () => boolean;
}

export class SmoothMarkdown {
  private readonly markdown: MarkdownStream;
  private readonly options: SmoothMarkdownOptions;
  private smoother: Smoother;
  private received = '';
  private completed = false;
  /** True while a release comes synchronously from push() or flush() rather than from a frame. */
  private outsideFrame = false;
  private resolveDone!: () => void;
  private ended = false;
  /** Resolves once the last text is on screen after finish() or flush() at the end (code highlighted). */
  readonly done: Promise<void>;

  constructor(container: HTMLElement, options: SmoothMarkdownOptions = {}) {
    this.options = options;
    // The text is kept here (`received`): the stream reads it back rather than keeping its own copy.
    this.markdown = new MarkdownStream(container, { ...options, textSoFar: () => this.received });
    this.done = new Promise((resolve) => (this.resolveDone = resolve));
    this.smoother = this.createSmoother();
  }

  private createSmoother(): Smoother {
    const { clock, drainMs, maxPerFrame, instant } = this.options;
    return new Smoother(
      (text, last) => {
        this.markdown.append(text);
        if (last) this.complete();
        // In a frame: render in the frame that released the text, not one later. Outside (instant mode
        // releases on every push): leave it to the stream's own once-per-frame render.
        else if (!this.outsideFrame) this.markdown.flush();
      },
      { clock, drainMs, maxPerFrame, instant: instant ?? instantRelease() },
    );
  }

  /** Everything received so far (what is shown may lag behind by up to drainMs). */
  get text(): string {
    return this.received;
  }

  /** Text not shown yet. */
  get backlog(): number {
    return this.smoother.backlog;
  }

  push(delta: string): void {
    this.received += delta;
    this.outsideFrame = true;
    try {
      this.smoother.push(delta);
    } finally {
      this.outsideFrame = false;
    }
  }

  /** The stream ended normally: the rest is shown within drainMs, then the final render. */
  finish(): void {
    this.ended = true;
    this.smoother.finish();
  }

  /** Shows everything received at once (stop, error, or the reader wants it all now). */
  flush(): void {
    this.outsideFrame = true;
    try {
      this.smoother.flush();
    } finally {
      this.outsideFrame = false;
    }
    if (this.ended) this.complete();
    else this.markdown.flush();
  }

  /** Replaces the text and shows it complete, without animation. Later pushes stream on from there. */
  setText(text: string): void {
    this.smoother.dispose();
    this.smoother = this.createSmoother();
    this.received = text;
    this.markdown.setText(text);
    this.resolveDone();
  }

  dispose(): void {
    this.smoother.dispose();
    this.markdown.dispose();
  }

  private complete(): void {
    if (this.completed) return;
    this.completed = true;
    this.markdown.finish();
    this.resolveDone();
  }
}
