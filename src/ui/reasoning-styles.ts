/** The reasoning block above an answer and the source pills under it (reasoning-view.ts, sources-view.ts). */
import { css } from 'lit';

export const reasoningStyles = css`
  .reasoning {
    color: var(--_muted);
    font-size: 0.875em;
  }
  .reasoning > summary {
    inline-size: fit-content;
    cursor: pointer;
  }
  .reasoning-text {
    max-block-size: 16em;
    overflow: auto;
    margin-block-start: 0.35rem;
    padding-inline-start: 0.75rem;
    border-inline-start: 2px solid var(--_border);
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  .sources {
    display: flex;
    flex-wrap: wrap;
    gap: 0.35rem;
    margin: 0;
    padding: 0;
    list-style: none;
    font-size: 0.8em;
  }
  .source {
    display: inline-flex;
    gap: 0.35rem;
    max-inline-size: min(24rem, 100%);
    padding: 0.1rem 0.6rem 0.1rem 0.15rem;
    border: 1px solid var(--_border);
    border-radius: 999px;
    background: var(--_surface);
    color: var(--_fg);
    text-decoration: none;
    white-space: nowrap;
  }
  a.source:hover {
    border-color: var(--_accent);
  }
  .source-number {
    min-inline-size: 1.4em;
    border-radius: 999px;
    background: var(--_border);
    text-align: center;
  }
  .source-title {
    overflow: hidden;
    text-overflow: ellipsis;
  }
  .source-host {
    color: var(--_muted);
  }
`;
