/**
 * A tool call's arguments, shown live the way structured output is: the render layer's ObjectView
 * fed with the partial value the engine parsed so far, checked against the tool's own schema, so a
 * field shows as pending until the model writes it. The view keeps its DOM between frames (a growing
 * string grows in place), so each call owns one element, reused by every render of the call.
 */
import type { Schema } from '../core/index.js';
import { objectViewPart, type ObjectView, type ObjectViewState, type ObjectViewStrings } from '../render/index.js';
import type { ToolCallState } from './view-model.js';

interface ArgsView {
  element: HTMLElement;
  view: ObjectView;
}

const views = new WeakMap<ToolCallState, ArgsView>();

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The element showing `call`'s arguments, updated to its current state; undefined while nothing
 * readable has arrived, when the arguments are not an object, or while the view's code (a lazily loaded
 * part, prefetched when tools are set) is still on its way: the caller shows the raw text.
 */
export function toolArgsElement(
  call: ToolCallState,
  schema: Schema | undefined,
  strings: Partial<ObjectViewStrings>,
): HTMLElement | undefined {
  if (!isRecord(call.args)) return undefined;
  const part = objectViewPart.loaded;
  if (!part) {
    objectViewPart.prefetch();
    return undefined;
  }
  let entry = views.get(call);
  if (!entry) {
    const element = document.createElement('div');
    element.className = 'tool-args';
    element.setAttribute('part', 'tool-arguments');
    entry = { element, view: new part.ObjectView(element, strings) };
    views.set(call, entry);
  }
  const streaming = call.status === 'streaming';
  const state: ObjectViewState = {
    complete: !streaming,
    ended: !streaming,
    issues: [],
    schema: schema as ObjectViewState['schema'],
  };
  entry.view.update(call.args, state);
  return entry.element;
}
