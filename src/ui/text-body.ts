/**
 * The body of one text segment of an answer: a stable container that Lit renders once and never
 * touches again, filled by the render layer as text streams in. Tokens go to the smoother, which
 * releases them at most once per animation frame, so the DOM changes once per frame whatever the
 * network does, and the element's template is not re-rendered per token.
 */
export class TextBody {
  /** Everything received so far (what copy and the history hold), ahead of what is shown. */
  text = '';
  private container?: HTMLElement;
  private shown = '';
  private frame = 0;
  private finished = false;

  /** Called by the list's directive with the container this body owns. Idempotent. */
  attach(container: HTMLElement): void {
    if (this.container === container) return;
    this.container = container;
    this.shown = '';
    container.textContent = '';
    container.dataset.plain = '';
    this.schedule();
  }

  /** A streamed delta. */
  push(delta: string): void {
    this.text += delta;
    this.schedule();
  }

  /** Replaces the whole text (history, edits). */
  setText(text: string): void {
    this.text = text;
    this.finished = true;
    this.schedule();
  }

  /** The stream is over: show everything at once. */
  finish(): void {
    this.finished = true;
    this.flush();
  }

  /** Shows what was received without waiting for the next frame (stop, error). */
  flush(): void {
    cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.render();
  }

  dispose(): void {
    cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.container = undefined;
  }

  get isFinished(): boolean {
    return this.finished;
  }

  private schedule(): void {
    if (this.frame || !this.container) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.render();
    });
  }

  private render(): void {
    const container = this.container;
    if (!container || this.shown === this.text) return;
    if (this.text.startsWith(this.shown)) container.append(this.text.slice(this.shown.length));
    else container.textContent = this.text;
    this.shown = this.text;
  }
}
