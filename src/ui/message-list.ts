/**
 * The transcript's content. `repeat` keeps each bubble's DOM for the life of its item and `guard`
 * skips every item whose version did not change, so an update costs one item, not the transcript.
 * The bubbles' templates are a part loaded with the first message (conversation-view-loader.ts).
 */
import { html, nothing, type TemplateResult } from 'lit';
import { guard } from 'lit/directives/guard.js';
import { repeat } from 'lit/directives/repeat.js';
import type { ConversationViewLoader } from './conversation-view-loader.js';
import type { MessageContext } from './message-view.js';
import type { Item } from './view-model.js';

export interface ListContext extends MessageContext {
  /** Loads the messages' templates (a lazily loaded part). */
  viewLoader: ConversationViewLoader;
  welcome: string;
  starterPrompts: string[];
  sendPrompt(text: string): void;
  /** Changes whenever something every item depends on changes (strings, editing…; `busy` is a key of its own). */
  stamp: number;
}

function renderEmpty(ctx: ListContext): TemplateResult | typeof nothing {
  if (!ctx.welcome && ctx.starterPrompts.length === 0) return nothing;
  return html`<div class="empty" part="empty">
    ${ctx.welcome ? html`<p class="welcome" part="welcome">${ctx.welcome}</p>` : nothing}
    ${ctx.starterPrompts.length
      ? html`<ul class="starters" part="starter-prompts" aria-label=${ctx.strings.starterPrompts}>
          ${ctx.starterPrompts.map(
            (prompt) => html`<li>
              <button type="button" class="button starter" part="starter-prompt" ?disabled=${ctx.busy}
                @click=${() => ctx.sendPrompt(prompt)}>${prompt}</button>
            </li>`,
          )}
        </ul>`
      : nothing}
  </div>`;
}

export function renderMessageList(items: readonly Item[], ctx: ListContext): TemplateResult {
  if (items.length === 0) return html`${renderEmpty(ctx)}`;
  const view = ctx.viewLoader.view();
  if (!view) return renderWaiting(ctx);
  return html`${repeat(
    items,
    (item) => item.key,
    (item) =>
      guard([item, item.version, ctx.stamp, ctx.busy, view], () =>
        item.kind === 'user' ? view.renderUserMessage(item, ctx) : view.renderAssistantMessage(item, ctx),
      ),
  )}`;
}

/** While the templates download: nothing to read yet; if they cannot be, why, and a Retry button. */
function renderWaiting(ctx: ListContext): TemplateResult {
  const error = ctx.viewLoader.error;
  if (!error) return html`<p class="view-loading" part="view-loading" aria-busy="true"></p>`;
  return html`<p class="notice view-error" part="view-error" role="alert">${error.message}
    <button type="button" class="button" part="view-retry-button" @click=${ctx.viewLoader.retry}>${ctx.strings.retry}</button></p>`;
}

