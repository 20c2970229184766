/**
 * Keeps the transcript at its newest line while an answer streams, and lets go as soon as the reader
 * scrolls up (then the host shows "jump to latest"). Growth is watched with a ResizeObserver on the
 * content, so it covers text frames, tool views and images alike without hooks in each of them.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Within this many pixels of the end counts as "at the end" (sub-pixel rounding, a last line's margin). */
const END_SLACK_PX = 32;

export class ScrollFollower implements ReactiveController {
  /** True while the view follows new content. */
  stuck = true;
  private scroller?: HTMLElement;
  private content?: HTMLElement;
  private observer?: ResizeObserver;
  /** The scrollTop we set last: a scroll event at that position is ours, not the reader's. */
  private ownTop = -1;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly onChange: (stuck: boolean) => void,
  ) {
    host.addController(this);
  }

  /** Called after each render with the scrolling element and its content. */
  observe(scroller: HTMLElement, content: HTMLElement): void {
    if (this.scroller === scroller && this.content === content) return;
    this.disconnect();
    this.scroller = scroller;
    this.content = content;
    scroller.addEventListener('scroll', this.onScroll, { passive: true });
    scroller.addEventListener('wheel', this.onWheel, { passive: true });
    this.observer = new ResizeObserver(() => this.follow());
    this.observer.observe(content);
    this.observer.observe(scroller); // a banner or a taller composer shrinks the view: stay at the end
  }

  hostConnected(): void {
    if (this.scroller && this.content) {
      const { scroller, content } = this;
      this.scroller = this.content = undefined;
      this.observe(scroller, content);
    }
  }

  hostDisconnected(): void {
    this.disconnect();
  }

  /** Scrolls to the end and follows again (the "jump to latest" button, a new message sent). */
  jumpToEnd(): void {
    this.ownTop = -1;
    this.setStuck(true);
    this.follow();
  }

  private follow(): void {
    const scroller = this.scroller;
    if (!scroller || !this.stuck) return;
    // Moved up from where we left it, and not by a shrink (that would leave it at the end): the reader
    // scrolled in this very frame, before the scroll event could tell us. Theirs wins.
    if (this.ownTop >= 0 && scroller.scrollTop < this.ownTop - 1 && this.distanceToEnd() > END_SLACK_PX) {
      // Not from inside the observer's callback: the re-render it asks for (the jump button) would resize
      // observed boxes within this same delivery, which the page reports as a "ResizeObserver loop" error.
      this.stuck = false;
      requestAnimationFrame(() => {
        if (this.stuck) return; // followed again in between
        this.onChange(false);
        this.host.requestUpdate();
      });
      return;
    }
    const top = scroller.scrollHeight - scroller.clientHeight;
    if (top <= 0) return;
    scroller.scrollTop = top;
    this.ownTop = scroller.scrollTop;
  }

  private distanceToEnd(): number {
    const scroller = this.scroller!;
    return scroller.scrollHeight - scroller.clientHeight - scroller.scrollTop;
  }

  private readonly onScroll = () => {
    if (!this.scroller) return;
    if (this.scroller.scrollTop === this.ownTop && this.stuck) return;
    this.setStuck(this.distanceToEnd() <= END_SLACK_PX);
  };

  /** A wheel turn upwards lets go at once, before content growing in the same frame pulls the view back. */
  private readonly onWheel = (event: WheelEvent) => {
    if (event.deltaY < 0 && this.scroller && this.scroller.scrollHeight > this.scroller.clientHeight) {
      this.setStuck(false);
    }
  };

  private setStuck(stuck: boolean): void {
    if (this.stuck === stuck) return;
    this.stuck = stuck;
    this.onChange(stuck);
    this.host.requestUpdate();
  }

  private disconnect(): void {
    this.scroller?.removeEventListener('scroll', this.onScroll);
    this.scroller?.removeEventListener('wheel', this.onWheel);
    this.observer?.disconnect();
    this.observer = undefined;
  }
}
