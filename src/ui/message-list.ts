/**
 * The transcript's content. `repeat` keeps each bubble's DOM for the life of its item and `guard`
 * skips every item whose version did not change, so an update costs one item, not the transcript.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { guard } from 'lit/directives/guard.js';
import { repeat } from 'lit/directives/repeat.js';
import { renderAssistantMessage, renderUserMessage, type MessageContext } from './message-view.js';
import type { Item } from './view-model.js';

export interface ListContext extends MessageContext {
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
  return html`${items.length === 0 ? renderEmpty(ctx) : nothing}
    ${repeat(
      items,
      (item) => item.key,
      (item) =>
        guard([item, item.version, ctx.stamp, ctx.busy], () =>
          item.kind === 'user' ? renderUserMessage(item, ctx) : renderAssistantMessage(item, ctx),
        ),
    )}`;
}
