/**
 * The live structured value of an answer (when the element has a `schema`), rendered into a stable
 * container like a text body: once per animation frame at most, never through the element's template.
 */
import { render as litRender } from 'lit';
import { pageFrameClock } from './frame-clock.js';
import type { ObjectState } from './view-model.js';

/** What a host's `renderObject` may return: a Lit template, a DOM node, or a string shown as text. */
export type ObjectRenderer = (value: unknown, state: ObjectState) => unknown;

export class ObjectBody {
  state: ObjectState = { value: undefined, complete: false, issues: [] };
  private container?: HTMLElement;
  private frame = 0;

  constructor(private readonly renderer: () => ObjectRenderer | undefined) {}

  attach(container: HTMLElement): void {
    if (this.container === container) return;
    this.container = container;
    this.schedule();
  }

  update(state: ObjectState): void {
    this.state = state;
    this.schedule();
  }

  flush(): void {
    pageFrameClock.cancelFrame(this.frame);
    this.frame = 0;
    this.render();
  }

  dispose(): void {
    pageFrameClock.cancelFrame(this.frame);
    this.container = undefined;
  }

  private schedule(): void {
    if (this.frame || !this.container) return;
    this.frame = pageFrameClock.requestFrame(() => {
      this.frame = 0;
      this.render();
    });
  }

  private render(): void {
    const container = this.container;
    if (!container) return;
    const custom = this.renderer();
    if (custom) {
      // Lit's render takes a template, a node or a string (as text), so one call covers all three.
      litRender(custom(this.state.value, this.state), container);
      return;
    }
    container.textContent = this.state.value === undefined ? '' : JSON.stringify(this.state.value, null, 2);
  }
}
