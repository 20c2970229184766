/**
 * The error banner above the composer: the engine's plain-language message, a Retry button when the
 * turn can be tried again, and Dismiss. The partial answer stays in the transcript above it.
 */
import { html, type TemplateResult } from 'lit';
import type { ChatError } from '../core/index.js';
import { alertIcon, closeIcon } from './icons.js';
import type { Strings } from './strings.js';

export function renderErrorBanner(
  error: ChatError,
  strings: Strings,
  retry: () => void,
  dismiss: () => void,
): TemplateResult {
  return html`<div class="error" part="error" role="alert" data-kind=${error.kind}>
    ${alertIcon()}
    <p class="error-message" part="error-message">${error.message || strings.genericError}</p>
    <button type="button" class="button" part="retry-button" @click=${retry}>${strings.retry}</button>
    <button type="button" class="icon-button" part="dismiss-button" aria-label=${strings.dismiss}
      title=${strings.dismiss} @click=${dismiss}>${closeIcon()}</button>
  </div>`;
}
