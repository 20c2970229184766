/**
 * Inline SVG icons: nothing is fetched, so the widget makes no third-party request and works under a
 * strict CSP. All are decorative (`aria-hidden`): the buttons carry their own labels.
 */
import { svg, html, type TemplateResult } from 'lit';

export function icon(body: ReturnType<typeof svg>, className = ''): TemplateResult {
  // One line, as panel-shell.ts writes the same attributes: the compressed drop-in holds them once.
  return html`<svg class="icon ${className}" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">${body}</svg>`;
}

/** Points along the reading direction: flipped in right-to-left layouts by the `flip` class. */
export const sendIcon = () => icon(svg`<path d="M5 12h13"/><path d="M13 6l6 6-6 6"/>`, 'flip');
export const paperclipIcon = () =>
  icon(svg`<path d="M20 11.5l-8.1 8.1a5 5 0 01-7.1-7.1l8.5-8.5a3.5 3.5 0 015 5l-8.5 8.5a2 2 0 01-2.8-2.8l7.8-7.8"/>`);
export const micIcon = () =>
  icon(svg`<rect x="9" y="3" width="6" height="11" rx="3"/><path d="M5 11a7 7 0 0 0 14 0"/><path d="M12 18v3"/>`);
export const speakerIcon = () =>
  icon(svg`<path d="M4 9h4l5-4v14l-5-4H4z"/><path d="M16.5 8.5a5 5 0 0 1 0 7"/><path d="M19 6a8.5 8.5 0 0 1 0 12"/>`);
export const stopIcon = () => icon(svg`<rect x="6" y="6" width="12" height="12" rx="2" fill="currentColor"/>`);
export const regenerateIcon = () =>
  icon(svg`<path d="M20 11a8 8 0 1 0-2.3 5.7"/><path d="M20 4v7h-7"/>`);
export const copyIcon = () =>
  icon(svg`<rect x="9" y="9" width="11" height="11" rx="2"/><path d="M5 15V5a2 2 0 0 1 2-2h8"/>`);
export const checkIcon = () => icon(svg`<path d="M5 12l5 5 9-10"/>`);
export const editIcon = () => icon(svg`<path d="M4 20h4L19 9l-4-4L4 16z"/><path d="M14 6l4 4"/>`);
export const chatIcon = () =>
  icon(svg`<path d="M4 5h16v11H9l-5 4z"/>`);
export const closeIcon = () => icon(svg`<path d="M6 6l12 12"/><path d="M18 6L6 18"/>`);
export const downIcon = () => icon(svg`<path d="M12 5v14"/><path d="M6 13l6 6 6-6"/>`);
export const toolIcon = () =>
  icon(svg`<path d="M14 6a4 4 0 0 0 5 5l-8 8a2 2 0 0 1-3-3l8-8a4 4 0 0 0-2-2z"/>`);
export const alertIcon = () =>
  icon(svg`<circle cx="12" cy="12" r="9"/><path d="M12 7v6"/><path d="M12 16.5v.5"/>`);
export const plusIcon = () => icon(svg`<path d="M12 5v14"/><path d="M5 12h14"/>`);
