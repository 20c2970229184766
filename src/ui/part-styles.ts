/**
 * The CSS of a lazily loaded part comes with it: rendered markdown's (code blocks, tables, highlighting)
 * with the markdown part, the structured-value view's with the object view part, the messages' (bubbles,
 * answer bodies, tool calls) with their templates. The first load carries the shell's styles only; when
 * a part arrives, its sheet is adopted by the element's shadow root before the part's first content is
 * put in (a part's `whenLoaded` listeners run before its `load()` callers resume).
 *
 * Each sheet goes where it stood when all of them were static: the render layer's before the element's
 * own styles (a theme rule of the element still wins over a part's rule of the same specificity), the
 * messages' after them (they theme the render layer's classes).
 */
import { unsafeCSS, type CSSResult, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { markdownPart, objectViewPart } from '../render/index.js';
import { conversationViewPart } from './conversation-view-loader.js';

export interface PartStylesHost extends ReactiveControllerHost, HTMLElement {
  readonly renderRoot: HTMLElement | DocumentFragment;
}

export class PartStyles implements ReactiveController {
  constructor(private readonly host: PartStylesHost) {
    host.addController(this);
  }

  hostConnected(): void {
    markdownPart.whenLoaded((part) => this.adopt(cssOf(part.markdownStyles), 'before'));
    objectViewPart.whenLoaded((part) => this.adopt(cssOf(part.objectViewStyles), 'before'));
    conversationViewPart.whenLoaded((part) => this.adopt(part.messageStyles, 'after'));
  }

  private adopt(styles: CSSResult, where: 'before' | 'after'): void {
    const root = this.host.renderRoot;
    if (!(root instanceof ShadowRoot)) return;
    const sheet = styles.styleSheet;
    if (sheet) {
      const adopted = root.adoptedStyleSheets;
      if (adopted.includes(sheet)) return;
      root.adoptedStyleSheets = where === 'before' ? [sheet, ...adopted] : [...adopted, sheet];
      return;
    }
    // No constructable style sheets (Lit then puts the element's own styles in <style> elements as well).
    const text = styles.cssText;
    if ([...root.querySelectorAll('style')].some((style) => style.textContent === text)) return;
    const style = document.createElement('style');
    const nonce = (globalThis as { litNonce?: string }).litNonce;
    if (nonce !== undefined) style.setAttribute('nonce', nonce);
    style.textContent = text;
    const last = [...root.querySelectorAll('style')].at(-1);
    if (where === 'after' && last) last.after(style);
    else root.prepend(style);
  }
}

/** A CSSResult per text, so its sheet is made once and shared by every element (unsafeCSS caches nothing). */
const results = new Map<string, CSSResult>();

function cssOf(text: string): CSSResult {
  let result = results.get(text);
  if (!result) results.set(text, (result = unsafeCSS(text)));
  return result;
}
