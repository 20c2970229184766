/**
 * The body of one text segment of an answer: a stable container that Lit renders once and never
 * touches again, filled by the render layer as text streams in. Deltas go to the Smoother, which
 * releases them once per animation frame at an even pace, into a MarkdownStream that re-renders only
 * the open tail of the markdown. So the DOM changes once per frame whatever the network does, and the
 * element's template is not re-rendered per token.
 *
 * The markdown pipeline is a lazily loaded part (render/markdown-loader.ts), usually prefetched before
 * the first answer. Should text arrive before it, the text is shown plain meanwhile and nothing is lost;
 * should it fail to download, the text stays plain with a notice and a Retry button.
 */
import { html, render, type TemplateResult } from 'lit';
import { defaultFrameClock, instantRelease, markdownPart, Smoother, type MarkdownOptions, type MarkdownPart } from '../render/index.js';
import type { RenderFailed } from './render-failure.js';
import { defaultStrings, type Strings } from './strings.js';

type MarkdownStream = InstanceType<MarkdownPart['MarkdownStream']>;

/**
 * Text up to this long that is already there when rendering starts (a history message, an answer that came
 * whole in one network read) is rendered in one go; longer text flows in through the smoother, as much a
 * frame as the page shows in about two display frames (the smoother measures each frame, its style, layout
 * and paint included), so a 1 MB answer does not block the page for seconds in one task.
 */
const AT_ONCE = 64 * 1024;
/**
 * While the answer still streams, what arrived before rendering started is shown at once only up to this
 * long; more flows in through the smoother, which starts small (its first frames run cold code). A burst
 * read before the container existed held 22 KB of `*a*` or a 500-deep list: one render of it was a task of
 * well over 100 ms.
 */
const AT_ONCE_STREAMING = 4 * 1024;
type BodyStrings = Pick<Strings, 'formattingFailed' | 'retry'>;

export class TextBody {
  /** Everything received so far (what copy and the history hold), ahead of what is shown. */
  text = '';
  /** Resolves once everything received is on screen, after the end of the stream. */
  readonly shown: Promise<void>;
  private container?: HTMLElement;
  private stream?: MarkdownStream;
  private smoother?: Smoother;
  private finished = false;
  private markShown!: () => void;
  /** The plain text shown while the markdown part is not there (a text node, so no markup is read). */
  private plain?: Text;
  /** The markdown part failed to download: the plain text is all there will be until a retry. */
  private loadFailed = false;
  /** Rendering threw: the text is shown as plain text from then on. */
  private failed = false;
  private onFailed?: RenderFailed;

  constructor() {
    this.shown = new Promise((resolve) => (this.markShown = resolve));
  }

  /**
   * Called by the template with the container this body owns; idempotent. `onFailed` hears of a
   * rendering that threw (the body then shows its text as plain text).
   */
  attach(container: HTMLElement, options: MarkdownOptions, strings: BodyStrings = defaultStrings, onFailed?: RenderFailed): void {
    if (this.container === container) return;
    this.dispose();
    this.container = container;
    this.onFailed = onFailed;
    container.classList.add('md');
    container.removeAttribute('data-complete');
    container.textContent = '';
    if (this.failed) return this.showPlain();
    const markdown = markdownPart.loaded;
    if (markdown) this.start(markdown, options);
    else this.waitForMarkdown(container, options, strings);
  }

  /** Shows the text plain until the markdown part arrives, then renders it; a failure offers a retry. */
  private waitForMarkdown(container: HTMLElement, options: MarkdownOptions, strings: BodyStrings): void {
    this.plain = document.createTextNode(this.text);
    container.classList.add('md-plain');
    container.replaceChildren(this.plain);
    markdownPart.load().then(
      (markdown) => {
        if (this.container !== container) return;
        this.loadFailed = false;
        container.classList.remove('md-plain');
        container.replaceChildren();
        this.plain = undefined;
        this.start(markdown, options);
      },
      () => {
        if (this.container !== container) return;
        this.loadFailed = true;
        const notice = document.createElement('p');
        notice.className = 'md-part-error';
        notice.setAttribute('role', 'alert');
        render(failureNotice(strings, () => this.retry(container, options, strings)), notice);
        container.append(notice);
        if (this.finished) this.done(); // all of it is on screen, plain
      },
    );
  }

  private retry(container: HTMLElement, options: MarkdownOptions, strings: BodyStrings): void {
    container.querySelector('.md-part-error')?.remove();
    this.waitForMarkdown(container, options, strings);
  }

  private start(markdown: MarkdownPart, options: MarkdownOptions): void {
    const container = this.container!;
    this.guard(() => {
      // `text` is the one copy of the answer's text: the stream keeps only the source of its open tail.
      this.stream = new markdown.MarkdownStream(container, { ...options, clock: defaultFrameClock, textSoFar: () => this.text });
      if (this.finished && this.text.length <= AT_ONCE) {
        this.stream.setText(this.text);
        this.done();
        return;
      }
      this.smoother = this.createSmoother();
      // What arrived before the container (or the markdown part) existed is shown at once, or flows in.
      if (this.text.length <= AT_ONCE_STREAMING) this.stream.append(this.text);
      else this.smoother.push(this.text);
      if (this.finished) this.smoother.finish();
    });
  }

  private createSmoother(): Smoother {
    return new Smoother(
      (released, last) =>
        this.guard(() => {
          // The smoother already releases once per frame: render in this frame rather than the next.
          this.stream?.append(released);
          this.stream?.flush();
          if (last) this.complete();
        }),
      { instant: instantRelease(), clock: defaultFrameClock },
    );
  }

  /** A streamed delta. */
  push(delta: string): void {
    if (this.finished || !delta) return;
    this.text += delta;
    if (this.failed) this.container?.append(delta);
    else if (this.plain) this.plain.appendData(delta);
    this.smoother?.push(delta);
  }

  /** Replaces the whole text, shown complete (history): at once, or flowing in when it is long (AT_ONCE). */
  setText(text: string): void {
    this.text = text;
    this.finished = true;
    this.smoother?.dispose();
    this.smoother = undefined;
    if (this.failed) this.showPlain();
    else if (this.plain) this.plain.data = text;
    else if (this.stream && text.length > AT_ONCE) {
      this.container?.removeAttribute('data-complete');
      this.guard(() => {
        this.stream!.setText('');
        this.smoother = this.createSmoother();
        this.smoother.push(text);
        this.smoother.finish();
      });
    } else if (this.stream) {
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
    this.plain = undefined;
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
    // Without the markdown part the text is already all on screen, plain; it completes when the part arrives.
    if (!this.stream) {
      if (this.loadFailed) this.done();
      return;
    }
    this.stream.finish();
    this.done();
  }

  private done(): void {
    this.container?.setAttribute('data-complete', '');
    this.markShown();
  }
}

function failureNotice(strings: BodyStrings, retry: () => void): TemplateResult {
  return html`${strings.formattingFailed} <button type="button" class="button" @click=${retry}>${strings.retry}</button>`;
}
