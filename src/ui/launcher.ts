/** Popup mode: the round button that opens and closes the panel. */
import { html, type TemplateResult } from 'lit';
import { chatIcon, closeIcon } from './icons.js';
import type { Strings } from './strings.js';

export function renderLauncher(opened: boolean, strings: Strings, toggle: () => void): TemplateResult {
  return html`<button type="button" class="launcher" part="launcher" aria-expanded=${opened ? 'true' : 'false'}
    aria-controls="panel" aria-label=${opened ? strings.closeChat : strings.openChat} @click=${toggle}>
    ${opened ? closeIcon() : chatIcon()}
  </button>`;
}
