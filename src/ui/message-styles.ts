/**
 * The messages' styles (bubbles, actions, the editor, answer bodies themed over the render layer's
 * markdown and object view styles, tool calls): part of the messages' templates' lazily loaded part
 * (conversation-view-part.ts), adopted by the element's shadow root when it arrives (part-styles.ts),
 * after the element's own styles (styles.ts), where they stood when all of them were one sheet.
 */
import { css } from 'lit';

export const messageStyles = css`
  /* ——— messages ——— */
  .message {
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
    max-inline-size: 100%;
  }
  .message.user {
    align-items: flex-end;
  }
  .message.user .bubble {
    max-inline-size: 85%;
    padding: 0.5em 0.85em;
    border-radius: var(--_radius);
    border-end-end-radius: calc(var(--_radius) / 4);
    background: var(--_user-bg);
    color: var(--_user-fg);
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  .message:not([aria-busy='true']) {
    contain: layout style;
  }
  .message.assistant {
    align-items: stretch;
    background: var(--_assistant-bg);
    color: var(--_assistant-fg);
  }
  .actions {
    display: flex;
    gap: 0.125rem;
    opacity: 0.85;
  }
  .thinking,
  .note,
  .usage,
  .progress {
    margin: 0;
    color: var(--_muted);
    font-size: 0.875em;
  }
  .thinking {
    animation: pulse 1.6s ease-in-out infinite;
  }
  @keyframes pulse {
    50% {
      opacity: 0.5;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .thinking {
      animation: none;
    }
  }
  .editor {
    display: flex;
    flex-direction: column;
    gap: 0.4rem;
    inline-size: min(100%, 36rem);
  }
  .editor .input {
    min-block-size: 4.5em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.5em 0.75em;
  }
  .editor-actions {
    display: flex;
    justify-content: flex-end;
    gap: 0.4rem;
  }

  /* ——— answer bodies: the render layer's markdown styles (adopted first), themed here ——— */
  /* Plain text while the markdown part downloads (or if it could not). */
  .markdown.md-plain {
    white-space: pre-wrap;
  }
  .markdown .md-part-error {
    white-space: normal;
    color: var(--_error-fg);
  }
  .markdown p,
  .markdown ul,
  .markdown ol,
  .markdown table {
    margin-block: 0 0.75em;
  }
  .markdown h1,
  .markdown h2,
  .markdown h3,
  .markdown h4 {
    margin-block: 1em 0.5em;
    line-height: 1.25;
  }
  .markdown h1 {
    font-size: 1.35em;
  }
  .markdown h2 {
    font-size: 1.2em;
  }
  .markdown h3,
  .markdown h4 {
    font-size: 1.05em;
  }
  .markdown ul,
  .markdown ol {
    padding-inline-start: 1.5em;
  }
  .markdown a {
    color: var(--_link);
  }
  .md .md-code {
    background: var(--_code-bg);
    color: var(--stream-chat-code-fg, var(--_fg));
  }
  .md :not(pre) > code {
    background: var(--stream-chat-inline-code-bg, var(--_code-bg));
  }
  .md blockquote {
    border-left: 0;
    border-inline-start: 3px solid var(--_border);
    padding-inline: 1em 0;
  }
  .md .md-copy {
    color: var(--_fg);
  }
  .md .hljs-keyword,
  .md .hljs-selector-tag,
  .md .hljs-built_in,
  .md .hljs-meta .hljs-keyword {
    color: var(--stream-chat-hl-keyword, var(--_hl-keyword));
  }
  .md .hljs-string,
  .md .hljs-attr,
  .md .hljs-template-string,
  .md .hljs-regexp {
    color: var(--stream-chat-hl-string, var(--_hl-string));
  }
  .md .hljs-number,
  .md .hljs-literal,
  .md .hljs-symbol {
    color: var(--stream-chat-hl-number, var(--_hl-number));
  }
  .md .hljs-comment,
  .md .hljs-quote {
    color: var(--stream-chat-hl-comment, var(--_hl-comment));
  }
  .md .hljs-title,
  .md .hljs-title.function_,
  .md .hljs-section {
    color: var(--stream-chat-hl-title, var(--_hl-title));
  }
  .md .hljs-type,
  .md .hljs-class .hljs-title,
  .md .hljs-tag,
  .md .hljs-name {
    color: var(--stream-chat-hl-type, var(--_hl-type));
  }
  .md .hljs-variable,
  .md .hljs-params,
  .md .hljs-property {
    color: var(--stream-chat-hl-variable, var(--_hl-variable));
  }
  .markdown code,
  .tool-call pre,
  .tool-name {
    font-family: var(--_mono);
  }
  .tool-call pre,
  .tool-name {
    font-size: 0.875em;
  }
  /* Structured values and tool arguments are labelled fields: read as text, not as code. */
  .object,
  .tool-call div.tool-args {
    font-size: 0.875em;
  }
  .tool-call div.tool-args {
    max-block-size: 16rem;
    overflow: auto;
  }
  .markdown :not(pre) > code {
    padding: 0.1em 0.3em;
    border-radius: 0.3em;
    background: var(--_code-bg);
  }
  .markdown pre {
    position: relative;
    padding: 0.75em;
    border-radius: calc(var(--_radius) / 1.5);
    background: var(--_code-bg);
    overflow-x: auto;
  }
  .markdown pre code {
    font-size: 0.85em;
  }
  .markdown table {
    border-collapse: collapse;
    display: block;
    overflow-x: auto;
  }
  .markdown th,
  .markdown td {
    padding: 0.3em 0.6em;
    border: 1px solid var(--_border);
    text-align: start;
  }
  .markdown blockquote {
    margin-inline: 0;
    padding-inline-start: 0.75em;
    border-inline-start: 3px solid var(--_border);
    color: var(--_muted);
  }
  .markdown img {
    max-inline-size: 100%;
  }
  .object {
    margin: 0;
  }
  .ov-card {
    border-color: var(--_border);
  }
  .ov-invalid > .ov-label,
  .ov-invalid > .ov-data,
  li.ov-invalid {
    color: var(--_error-fg);
  }
  .ov-issues {
    background: var(--_error-bg);
    color: var(--_error-fg);
  }

  /* ——— tool calls ——— */
  .tool-call {
    display: flex;
    flex-direction: column;
    gap: 0.35rem;
    padding: 0.5rem 0.75rem;
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) / 1.5);
    background: var(--_surface);
    font-size: 0.9em;
  }
  .tool-head {
    display: flex;
    align-items: center;
    gap: 0.5rem;
  }
  .tool-name {
    font-weight: 600;
  }
  .tool-source {
    color: var(--_muted);
    font-size: 0.8em;
  }
  .tool-remote {
    padding: 0 0.4rem;
    border: 1px solid var(--_border);
    border-radius: 999px;
    color: var(--_muted);
    font-size: 0.8em;
  }
  .tool-status {
    margin-inline-start: auto;
    color: var(--_muted);
    font-size: 0.9em;
  }
  .tool-call[data-status='error'] .tool-status,
  .tool-error {
    color: var(--_error-fg);
  }
  .tool-error {
    margin: 0;
  }
  .tool-label {
    display: block;
    color: var(--_muted);
    font-size: 0.85em;
  }
  .tool-call pre {
    margin: 0;
    max-block-size: 12rem;
    overflow: auto;
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  .tool-approval {
    display: flex;
    gap: 0.5rem;
  }
`;
