/** Drives `<stream-chat>` the way a user does: typing, keys, clicks inside its shadow root. */
import '../../src/define.js';
import { renderMarkdown } from '../../src/render/index.js';
import type { StreamChat } from '../../src/ui/stream-chat.js';
import { waitFor } from '../helpers/wait-for.js';
import { enginePart, jsonSchemaPart, providerPart } from '../../src/core/index.js';
import { markdownPart, objectViewPart } from '../../src/render/index.js';

/**
 * The element's lazily loaded parts, loaded with this module, before any test runs (as they were when
 * they were static imports): these tests are about what the element does, and the test server delivers
 * zod and the SDK as hundreds of separate modules, which would eat a test's time. Loading itself is
 * tested on the built drop-in (test/build/drop-in.test.ts).
 */
await Promise.all(
  [markdownPart, enginePart, jsonSchemaPart, objectViewPart, providerPart('openai')].map((part) => part.load()),
);

export const baseURL = new URL('/v1', location.origin).href;

/** A fresh element on the dev model, attached to the page; removed by `cleanup()`. */
export async function chat(
  model = 'dev;rate=0',
  setup: (el: StreamChat) => void = () => {},
): Promise<StreamChat> {
  const el = document.createElement('stream-chat');
  el.baseUrl = baseURL;
  el.model = model;
  el.storage = 'none';
  el.style.blockSize = '420px';
  setup(el);
  document.body.append(el);
  await el.updateComplete;
  return el;
}

export function cleanup(): void {
  for (const el of document.querySelectorAll('stream-chat')) {
    el.stop();
    el.remove();
  }
}

export function $(el: StreamChat, selector: string): HTMLElement | null {
  return el.shadowRoot!.querySelector<HTMLElement>(selector);
}

export function $$(el: StreamChat, selector: string): HTMLElement[] {
  return [...el.shadowRoot!.querySelectorAll<HTMLElement>(selector)];
}

export function part(el: StreamChat, name: string): HTMLElement | null {
  return $(el, `[part~="${name}"]`);
}

export function parts(el: StreamChat, name: string): HTMLElement[] {
  return $$(el, `[part~="${name}"]`);
}

export function input(el: StreamChat): HTMLTextAreaElement {
  return part(el, 'input') as HTMLTextAreaElement;
}

/** Types into the message box as a user would (value + input event). */
export function type(area: HTMLTextAreaElement, text: string): void {
  area.focus();
  area.value = text;
  area.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText', data: text }));
}

export function press(target: HTMLElement, key: string, init: KeyboardEventInit & { keyCode?: number } = {}): KeyboardEvent {
  const event = new KeyboardEvent('keydown', { key, bubbles: true, composed: true, cancelable: true, ...init });
  if (init.keyCode !== undefined) Object.defineProperty(event, 'keyCode', { value: init.keyCode });
  target.dispatchEvent(event);
  return event;
}

/** Types and presses Enter in the main message box. */
export async function say(el: StreamChat, text: string): Promise<void> {
  type(input(el), text);
  await el.updateComplete;
  press(input(el), 'Enter');
}

export function nextEvent<T = unknown>(target: EventTarget, name: string): Promise<CustomEvent<T>> {
  return new Promise((resolve) => target.addEventListener(name, (e) => resolve(e as CustomEvent<T>), { once: true }));
}

/** Waits until the element is no longer busy and the screen shows the whole answer. */
export async function idle(el: StreamChat): Promise<void> {
  await waitFor(() => !el.busy, 'the turn to end', 15000);
  await el.updateComplete;
  // The messages' templates are a part loaded with the first message: the transcript waits for them.
  await waitFor(() => !part(el, 'view-loading'), "the messages' templates");
  await el.updateComplete;
  await waitFor(() => $$(el, '.markdown:not([data-complete])').length === 0, 'the answer to be fully shown');
}

/** The visible text of rendered markdown, without the code blocks' toolbars. */
function visibleText(root: Node): string {
  const copy = root.cloneNode(true) as Element | DocumentFragment;
  for (const bar of copy.querySelectorAll('.md-code-bar, button')) bar.remove();
  return (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** What the markdown `source` looks like on screen, as text. */
export function shownAs(source: string | null | undefined): string {
  return visibleText(renderMarkdown(source ?? ''));
}

export function answers(el: StreamChat): HTMLElement[] {
  return parts(el, 'assistant-message');
}

export function lastAnswerText(el: StreamChat): string {
  const all = answers(el);
  const last = all.at(-1);
  return last ? [...last.querySelectorAll('[part~="markdown"]')].map(visibleText).join(' ') : '';
}

export { axeViolations, describeViolations } from '../helpers/axe.js';
export { waitFor } from '../helpers/wait-for.js';
