/**
 * The element's styles, adopted by its shadow root (adoptedStyleSheets: no <style> element, no
 * inline style attribute a strict CSP would block, no font or icon fetched).
 *
 * Public knobs are `--stream-chat-*` custom properties and `::part()`; each public property feeds a
 * private `--_x` one, whose fallback depends on the theme (light, dark, or the system's choice).
 * Layout uses logical properties only, so `dir="rtl"` mirrors everything.
 */
import { css } from 'lit';

const light = css`
  --_bg: var(--stream-chat-bg, #ffffff);
  --_fg: var(--stream-chat-fg, #1f2328);
  --_muted: var(--stream-chat-muted, #59636e);
  --_border: var(--stream-chat-border, #d1d9e0);
  --_surface: var(--stream-chat-surface, #f6f8fa);
  --_accent: var(--stream-chat-accent, #0b57d0);
  --_accent-fg: var(--stream-chat-accent-fg, #ffffff);
  --_user-bg: var(--stream-chat-user-bg, #e8f0fe);
  --_user-fg: var(--stream-chat-user-fg, #1f2328);
  --_assistant-bg: var(--stream-chat-assistant-bg, transparent);
  --_assistant-fg: var(--stream-chat-assistant-fg, var(--_fg));
  --_code-bg: var(--stream-chat-code-bg, #f1f3f5);
  --_error-bg: var(--stream-chat-error-bg, #fdecea);
  --_error-fg: var(--stream-chat-error-fg, #8a1c12);
  --_focus: var(--stream-chat-focus, #0b57d0);
  --_link: var(--stream-chat-link, #0b57d0);
  --_hl-keyword: #cf222e;
  --_hl-string: #0a3069;
  --_hl-number: #0550ae;
  --_hl-comment: #59636e;
  --_hl-title: #8250df;
  --_hl-type: #953800;
  --_hl-variable: #24292f;
  --_shadow: var(--stream-chat-shadow, 0 8px 28px rgb(0 0 0 / 0.18));
  color-scheme: light;
`;

const dark = css`
  --_bg: var(--stream-chat-bg, #1b1c1f);
  --_fg: var(--stream-chat-fg, #e6e6e6);
  --_muted: var(--stream-chat-muted, #a8adb4);
  --_border: var(--stream-chat-border, #3a3d42);
  --_surface: var(--stream-chat-surface, #25272b);
  --_accent: var(--stream-chat-accent, #8ab4f8);
  --_accent-fg: var(--stream-chat-accent-fg, #0b1a33);
  --_user-bg: var(--stream-chat-user-bg, #2b3a55);
  --_user-fg: var(--stream-chat-user-fg, #e6e6e6);
  --_assistant-bg: var(--stream-chat-assistant-bg, transparent);
  --_assistant-fg: var(--stream-chat-assistant-fg, var(--_fg));
  --_code-bg: var(--stream-chat-code-bg, #2a2c30);
  --_error-bg: var(--stream-chat-error-bg, #3b1d1b);
  --_error-fg: var(--stream-chat-error-fg, #ffb4ab);
  --_focus: var(--stream-chat-focus, #8ab4f8);
  --_link: var(--stream-chat-link, #8ab4f8);
  --_hl-keyword: #ff7b72;
  --_hl-string: #a5d6ff;
  --_hl-number: #79c0ff;
  --_hl-comment: #9198a1;
  --_hl-title: #d2a8ff;
  --_hl-type: #ffa657;
  --_hl-variable: #e6edf3;
  --_shadow: var(--stream-chat-shadow, 0 8px 28px rgb(0 0 0 / 0.5));
  color-scheme: dark;
`;

const theme = css`
  :host {
    ${light}
    --_font: var(
      --stream-chat-font,
      system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'Noto Sans', sans-serif
    );
    --_mono: var(--stream-chat-font-mono, ui-monospace, SFMono-Regular, Menlo, Consolas, monospace);
    --_font-size: var(--stream-chat-font-size, 0.9375rem);
    --_radius: var(--stream-chat-radius, 0.75rem);
    --_space: var(--stream-chat-spacing, 0.75rem);
    --_max-width: var(--stream-chat-max-width, 48rem);
    display: block;
    block-size: var(--stream-chat-height, 36rem);
    font-family: var(--_font);
    font-size: var(--_font-size);
    line-height: 1.5;
    color: var(--_fg);
  }
  :host([theme='dark']) {
    ${dark}
  }
  @media (prefers-color-scheme: dark) {
    :host(:not([theme='light'])) {
      ${dark}
    }
  }
  :host([hidden]),
  [hidden] {
    display: none !important;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }

  .visually-hidden {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
    border: 0;
  }
  :focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
  .icon {
    flex: none;
    inline-size: 1.25em;
    block-size: 1.25em;
  }
  :host(:dir(rtl)) .icon.flip {
    transform: scaleX(-1);
  }

  /* ——— panel ——— */
  .panel {
    display: flex;
    flex-direction: column;
    position: relative;
    block-size: 100%;
    background: var(--_bg);
    color: var(--_fg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    overflow: hidden;
  }
  .header {
    display: flex;
    align-items: center;
    gap: calc(var(--_space) / 2);
    padding: calc(var(--_space) / 2) var(--_space);
    border-block-end: 1px solid var(--_border);
  }
  .heading {
    flex: 1;
    margin: 0;
    font-size: 1em;
    font-weight: 600;
  }
  .model-picker {
    max-inline-size: 12rem;
    padding: 0.25rem 0.375rem;
    border: 1px solid var(--_border);
    border-radius: 0.375rem;
    background: var(--_surface);
    color: var(--_fg);
    font: inherit;
    font-size: 0.875em;
  }
  /* The conversations list's toggle as the first paint draws it (panel-shell.ts): the list element's own
     rules for its host (a flex item here, as the shell's box is) and its button, so nothing moves when
     the element takes its place. */
  .conversations-shell {
    position: relative;
    display: flex;
  }
  .conversations-shell button {
    font-size: 0.9em;
    padding: 0.25em 0.6em;
    border-radius: 0.4em;
    border: 1px solid var(--stream-chat-border, color-mix(in srgb, currentColor 30%, transparent));
    background: transparent;
  }
  .transcript {
    flex: 1;
    min-block-size: 0;
    overflow-y: auto;
    overscroll-behavior: contain;
    padding: var(--_space);
    contain: content;
  }
  .content {
    display: flex;
    flex-direction: column;
    gap: var(--_space);
    max-inline-size: var(--_max-width);
    margin-inline: auto;
  }

  /* ——— buttons ——— */
  button {
    font: inherit;
    color: inherit;
    cursor: pointer;
  }
  button:disabled {
    cursor: default;
    opacity: 0.55;
  }
  .button {
    padding: 0.35em 0.85em;
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) / 1.5);
    background: var(--_bg);
  }
  .button.primary,
  .icon-button.primary {
    background: var(--_accent);
    color: var(--_accent-fg);
    border-color: var(--_accent);
  }
  .icon-button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    min-inline-size: 2rem;
    min-block-size: 2rem;
    padding: 0.3rem;
    border: 1px solid transparent;
    border-radius: calc(var(--_radius) / 1.5);
    background: transparent;
    color: var(--_muted);
  }
  .icon-button:hover:not(:disabled) {
    background: var(--_surface);
    color: var(--_fg);
  }
  .icon-button.primary:hover:not(:disabled) {
    background: var(--_accent);
    color: var(--_accent-fg);
    filter: brightness(1.1);
  }
  .icon-button.stop {
    border-color: var(--_border);
    background: var(--_surface);
    color: var(--_fg);
  }
  .icon-button.round {
    border-radius: 999px;
    min-inline-size: 2.5rem;
    min-block-size: 2.5rem;
  }
  /* Listening (dictation) or reading aloud: the pressed button takes the accent colour. */
  .icon-button[aria-pressed='true'] {
    color: var(--_accent);
  }
  .mic[aria-pressed='true'] {
    border-color: var(--_accent);
    animation: stream-chat-listening 1.2s ease-in-out infinite alternate;
  }
  @keyframes stream-chat-listening {
    to {
      box-shadow: 0 0 0 0.3rem color-mix(in srgb, var(--_accent) 25%, transparent);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .mic[aria-pressed='true'] {
      animation: none;
    }
  }

  /* ——— messages, answer bodies, tool calls: message-styles.ts, adopted with the messages' templates ——— */

  /* ——— empty state ——— */
  .empty {
    display: flex;
    flex-direction: column;
    gap: var(--_space);
    padding-block: var(--_space);
  }
  .welcome {
    margin: 0;
  }
  .starters {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .starter {
    text-align: start;
    border-radius: 999px;
  }
  .starter:hover:not(:disabled) {
    background: var(--_surface);
  }

  /* ——— below the transcript ——— */
  /* In the flow between transcript and composer, never over the text it leads back to. */
  .jump {
    align-self: center;
    margin-block: calc(var(--_space) / 3);
    position: relative;
    display: inline-flex;
    align-items: center;
    gap: 0.35rem;
    padding: 0.35em 0.85em;
    border: 1px solid var(--_border);
    border-radius: 999px;
    background: var(--_bg);
    box-shadow: var(--_shadow);
    font-size: 0.875em;
  }
  .notice {
    margin: 0;
    padding: 0.25rem var(--_space);
    color: var(--_muted);
    font-size: 0.875em;
  }
  .notice:has(.button) {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem;
    padding-block: 0.5rem;
    border-block-start: 1px solid var(--_border);
    background: var(--_surface);
  }
  .notice .button {
    color: var(--_fg);
    font-size: 1em;
  }
  .notice .button.primary {
    color: var(--_accent-fg);
  }
  .error {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    margin: 0 var(--_space) calc(var(--_space) / 2);
    padding: 0.5rem 0.75rem;
    border-radius: calc(var(--_radius) / 1.5);
    background: var(--_error-bg);
    color: var(--_error-fg);
  }
  .error-message {
    flex: 1;
    margin: 0;
  }
  .error .button {
    color: var(--_fg);
  }
  .error .icon-button {
    color: var(--_error-fg);
  }
  .attachments {
    display: flex;
    flex-wrap: wrap;
    justify-content: flex-end;
    gap: 0.4rem;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .composer-area > .attachments,
  .attach-error {
    padding: calc(var(--_space) / 2) var(--_space) 0;
    justify-content: flex-start;
  }
  .attach-error {
    margin: 0;
    color: var(--_error-fg, #b42318);
    font-size: 0.875em;
  }
  .attachment {
    position: relative;
    display: flex;
    align-items: center;
    gap: 0.4em;
    max-inline-size: 14rem;
    padding: 0.3em 0.6em;
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) / 1.5);
    font-size: 0.8125em;
  }
  .attachment.image {
    padding: 0;
    overflow: hidden;
  }
  .attachment img {
    display: block;
    inline-size: 4rem;
    block-size: 4rem;
    object-fit: cover;
  }
  .attachment-name {
    overflow: hidden;
    white-space: nowrap;
    text-overflow: ellipsis;
  }
  .attachment-size {
    color: var(--_muted);
    white-space: nowrap;
  }
  .attachment .remove {
    inline-size: 1.5rem;
    block-size: 1.5rem;
    padding: 0.2rem;
  }
  .attachment.image .remove {
    position: absolute;
    inset-block-start: 0.1rem;
    inset-inline-end: 0.1rem;
    background: var(--_bg);
    border-radius: 50%;
  }
  .composer {
    display: flex;
    align-items: flex-end;
    gap: 0.5rem;
    padding: calc(var(--_space) / 1.5) var(--_space);
    border-block-start: 1px solid var(--_border);
  }
  .input {
    flex: 1;
    min-inline-size: 0;
    max-block-size: 12rem;
    padding: 0.55em 0.75em;
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) / 1.25);
    background: var(--_bg);
    color: var(--_fg);
    font: inherit;
    resize: none;
  }
  .input::placeholder {
    color: var(--_muted);
    opacity: 1;
  }

  /* ——— popup mode ——— */
  :host([mode='popup']) {
    position: fixed;
    inset-block-end: var(--stream-chat-offset, 1.25rem);
    inset-inline-end: var(--stream-chat-offset, 1.25rem);
    z-index: var(--stream-chat-z-index, 2147483000);
    block-size: auto;
  }
  .launcher {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    inline-size: 3.5rem;
    block-size: 3.5rem;
    border: 0;
    border-radius: 999px;
    background: var(--_accent);
    color: var(--_accent-fg);
    box-shadow: var(--_shadow);
  }
  .launcher .icon {
    inline-size: 1.6rem;
    block-size: 1.6rem;
  }
  :host([mode='popup']) .panel {
    position: absolute;
    inset-block-end: calc(100% + 0.75rem);
    inset-inline-end: 0;
    inline-size: min(var(--stream-chat-popup-width, 24rem), calc(100vw - 2rem));
    block-size: min(var(--stream-chat-popup-height, 36rem), calc(100vh - 7rem));
    box-shadow: var(--_shadow);
  }
  @media (max-width: 480px) {
    :host([mode='popup'][open]) .panel {
      position: fixed;
      inset: 0;
      inline-size: 100%;
      block-size: 100%;
      border-radius: 0;
      border: 0;
    }
  }
  .feedback {
    display: flex;
    gap: 0.5rem;
    align-items: flex-end;
  }
  .feedback .input {
    flex: 1;
  }
`;

// The CSS of rendered markdown and of the structured-value view comes with their parts (part-styles.ts).
export const styles = [theme];
