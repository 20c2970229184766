/**
 * The formulas a MarkdownStream rendered and has not typeset yet, typeset a few at a time so that a frame
 * that closes many of them stays short of a long task. KaTeX's work is the smaller part: each typeset
 * formula adds dozens of positioned elements that the same frame then styles, lays out and paints. So a
 * frame typesets formulas, oldest first, until its render has used its time (`run`), and the rest wait
 * for the next frame, showing their source meanwhile, as a formula still open does. The end of the text
 * typesets all of them (`drain`), so a finished answer has no formula left as source.
 *
 * A formula whose element left the container before its turn (the open tail, rendered again) is skipped:
 * its replacement was queued by the render that made it.
 */
import { mathPart, pendingMathAmong, typesetPendingMath } from './math-typeset.js';
import { MATH_PENDING_CLASS } from './math-syntax.js';

/**
 * Formulas typeset per KaTeX call: the call's sanitizer pass has a fixed cost larger than one formula's,
 * so a few share it; few enough that the first batch of a frame, which always runs, stays small.
 */
const BATCH = 4;

export class MathQueue {
  private readonly container: HTMLElement;
  /** In the order they were rendered; a Set, since a list patched in place is searched again whole. */
  private readonly waiting = new Set<HTMLElement>();

  constructor(container: HTMLElement) {
    this.container = container;
  }

  /** Formulas waiting. */
  get size(): number {
    return this.waiting.size;
  }

  /** Queues the formulas waiting in or among `nodes` (nodes a render just made). */
  add(nodes: readonly Node[]): void {
    for (const element of pendingMathAmong(nodes)) this.waiting.add(element);
  }

  /**
   * Typesets the oldest formulas, a batch at least (so every frame makes progress), more while
   * `performance.now()` is before `deadline`. Returns whether some are still waiting.
   */
  run(deadline: number): boolean {
    if (!mathPart.loaded) return this.drain(); // starts the download; the container typesets all on arrival
    do this.typeset(this.next(BATCH));
    while (this.waiting.size && performance.now() < deadline);
    return this.waiting.size > 0;
  }

  /** Typesets every formula waiting. */
  drain(): false {
    typesetPendingMath(this.next(Infinity));
    return false;
  }

  private typeset(elements: HTMLElement[]): void {
    if (elements.length) typesetPendingMath(elements);
  }

  /** Up to `count` formulas from the front that are still shown and still waiting. */
  private next(count: number): HTMLElement[] {
    const out: HTMLElement[] = [];
    for (const element of this.waiting) {
      if (out.length >= count) break;
      this.waiting.delete(element);
      if (element.classList.contains(MATH_PENDING_CLASS) && this.container.contains(element)) out.push(element);
    }
    return out;
  }
}
