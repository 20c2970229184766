/**
 * The live structured value of an answer (when the element has a `schema`), rendered into a stable
 * container like a text body: once per animation frame at most, never through the element's template.
 * By default the render layer's ObjectView (incremental, labelled fields; a lazily loaded part, the
 * value shown as JSON text until it arrives); or the host's `renderObject`.
 */
import { render as litRender } from 'lit';
import type { Schema, ValidationIssue } from '../core/index.js';
import { defaultFrameClock, objectViewPart, type ObjectView, type ObjectViewState, type ObjectViewStrings } from '../render/index.js';
import type { RenderFailed } from './render-failure.js';

export interface ObjectState {
  value: unknown;
  complete: boolean;
  issues: ValidationIssue[];
  completed?: string[];
  /** The value still being written (everything off this path is complete): the view skips the rest. */
  openPath?: (string | number)[];
  /** Nothing more will arrive: fields still absent show as missing rather than pending. */
  ended?: boolean;
}

/** What a host's `renderObject` may return: a Lit template, a DOM node, or a string shown as text. */
export type ObjectRenderer = (value: unknown, state: ObjectViewState) => unknown;

export interface ObjectBodyOptions {
  renderObject?: ObjectRenderer;
  schema?: Schema;
  strings?: Partial<ObjectViewStrings>;
}

export class ObjectBody {
  state: ObjectState = { value: undefined, complete: false, issues: [] };
  private container?: HTMLElement;
  private view?: ObjectView;
  private frame = 0;

  /** Rendering threw: the value is no longer drawn (the answer's text stays in the history). */
  private failed = false;
  private onFailed?: RenderFailed;

  constructor(private readonly options: () => ObjectBodyOptions) {}

  /** `onFailed` hears of a rendering that threw (the host's `renderObject`, or the built-in view). */
  attach(container: HTMLElement, onFailed?: RenderFailed): void {
    if (this.container === container) return;
    this.container = container;
    this.onFailed = onFailed;
    this.view = undefined;
    this.schedule();
  }

  update(state: ObjectState): void {
    this.state = state;
    this.schedule();
  }

  flush(): void {
    defaultFrameClock.cancelFrame(this.frame);
    this.frame = 0;
    this.render();
  }

  dispose(): void {
    defaultFrameClock.cancelFrame(this.frame);
    this.container = undefined;
  }

  private schedule(): void {
    if (this.frame || !this.container) return;
    this.frame = defaultFrameClock.requestFrame(() => {
      this.frame = 0;
      this.render();
    });
  }

  private render(): void {
    const container = this.container;
    if (!container || this.failed) return;
    try {
      this.draw(container);
    } catch (cause) {
      this.failed = true;
      container.replaceChildren();
      container.setAttribute('data-failed', '');
      this.onFailed?.(cause);
    }
  }

  private draw(container: HTMLElement): void {
    const { renderObject, schema, strings } = this.options();
    const state: ObjectViewState = {
      complete: this.state.complete,
      issues: this.state.issues,
      completed: this.state.completed,
      openPath: this.state.openPath,
      ended: this.state.ended,
      schema: schema as ObjectViewState['schema'],
    };
    if (renderObject) {
      // Lit's render takes a template, a node or a string (as text), so one call covers all three.
      litRender(renderObject(this.state.value, state), container);
      return;
    }
    const part = objectViewPart.loaded;
    if (!part) {
      container.textContent = JSON.stringify(this.state.value, null, 2) ?? '';
      // Rendered again when it arrives; if it cannot be, the JSON text stays (never an empty box).
      objectViewPart.load().then(() => this.schedule(), () => {});
      return;
    }
    if (!this.view) {
      container.textContent = '';
      this.view = new part.ObjectView(container, strings);
    }
    this.view.update(this.state.value, state);
  }
}
