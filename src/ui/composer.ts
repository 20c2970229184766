/**
 * The message box and its Send / Stop button. Enter sends, Shift+Enter adds a line, and a key press
 * that belongs to an input method's composition (Japanese, Chinese, Korean…) never sends. Escape
 * stops an answer that is streaming.
 */
import { html, type TemplateResult } from 'lit';
import { sendIcon, stopIcon } from './icons.js';
import type { Strings } from './strings.js';

/** True when this keydown should send the message. */
export function isSendKey(event: KeyboardEvent): boolean {
  if (event.key !== 'Enter' || event.shiftKey) return false;
  // keyCode 229 is what browsers report for keys an IME takes; Safari ends a composition with an
  // Enter whose isComposing is already false but whose keyCode is still 229.
  if (event.isComposing || event.keyCode === 229) return false;
  return true;
}

export interface ComposerContext {
  strings: Strings;
  placeholder: string;
  busy: boolean;
  canSend: boolean;
  submit(): void;
  stop(): void;
  input(event: InputEvent): void;
}

export function renderComposer(ctx: ComposerContext): TemplateResult {
  const { strings } = ctx;
  return html`<form class="composer" part="composer"
    @submit=${(event: SubmitEvent) => {
      event.preventDefault();
      ctx.submit();
    }}>
    <textarea class="input" part="input" rows="1" aria-label=${strings.inputLabel} placeholder=${ctx.placeholder}
      enterkeyhint="send"
      @input=${ctx.input}
      @keydown=${(event: KeyboardEvent) => {
        if (event.key === 'Escape' && ctx.busy) {
          // Escape first stops a streaming answer (in popup mode a second Escape closes the panel).
          event.preventDefault();
          event.stopPropagation();
          ctx.stop();
          return;
        }
        if (!isSendKey(event)) return;
        event.preventDefault();
        ctx.submit();
      }}></textarea>
    ${ctx.busy
      ? html`<button type="button" class="icon-button round stop" part="stop-button" aria-label=${strings.stop}
          title=${strings.stop} @click=${ctx.stop}>${stopIcon()}</button>`
      : html`<button type="submit" class="icon-button round primary" part="send-button" aria-label=${strings.send}
          title=${strings.send} ?disabled=${!ctx.canSend}>${sendIcon()}</button>`}
  </form>`;
}
