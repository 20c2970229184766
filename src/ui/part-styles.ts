/**
 * The CSS of a lazily loaded part comes with it: rendered markdown's (code blocks, tables, highlighting)
 * with the markdown part, the structured-value view's with the object view part. The first load carries
 * the shell's styles only; when a part arrives, its sheet is adopted by the element's shadow root before
 * the part's first content is put in (the part's `whenLoaded` listeners run before its `load()` callers).
 *
 * A part's sheet goes before the element's own styles, where it was when all of them were static: a
 * theme rule of the element still wins over a part's rule of the same specificity.
 */
import { unsafeCSS, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { markdownPart, objectViewPart } from '../render/index.js';

export interface PartStylesHost extends ReactiveControllerHost, HTMLElement {
  readonly renderRoot: HTMLElement | DocumentFragment;
}

export class PartStyles implements ReactiveController {
  constructor(private readonly host: PartStylesHost) {
    host.addController(this);
  }

  hostConnected(): void {
    markdownPart.whenLoaded((part) => this.adopt(part.markdownStyles));
    objectViewPart.whenLoaded((part) => this.adopt(part.objectViewStyles));
  }

  private adopt(text: string): void {
    const root = this.host.renderRoot;
    if (!(root instanceof ShadowRoot)) return;
    // unsafeCSS caches nothing by text, so the sheet is made once per text and shared by every element.
    const sheet = sheetOf(text);
    if (sheet) {
      if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [sheet, ...root.adoptedStyleSheets];
      return;
    }
    // No constructable style sheets (Lit then puts the element's own styles in <style> elements as well).
    if ([...root.querySelectorAll('style')].some((style) => style.textContent === text)) return;
    const style = document.createElement('style');
    const nonce = (globalThis as { litNonce?: string }).litNonce;
    if (nonce !== undefined) style.setAttribute('nonce', nonce);
    style.textContent = text;
    root.prepend(style);
  }
}

const sheets = new Map<string, CSSStyleSheet | undefined>();

function sheetOf(text: string): CSSStyleSheet | undefined {
  if (!sheets.has(text)) sheets.set(text, unsafeCSS(text).styleSheet);
  return sheets.get(text);
}
