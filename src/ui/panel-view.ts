/**
 * The element's frame: launcher (popup mode), header, transcript (role="log"), "jump to latest",
 * retry notice, error banner, composer, and the polite live region that reads each finished answer once.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { ChatError } from '../core/index.js';
import { renderComposer, type ComposerContext } from './composer.js';
import { renderErrorBanner } from './error-banner.js';
import { closeIcon, downIcon, plusIcon } from './icons.js';
import { renderLauncher } from './launcher.js';
import { renderMessageList, type ListContext } from './message-list.js';
import type { Item } from './view-model.js';

export interface PanelContext {
  list: ListContext;
  composer: ComposerContext;
  items: readonly Item[];
  popup: boolean;
  opened: boolean;
  /** False until a popup first opens: the panel is then an empty, hidden frame. */
  shown: boolean;
  heading: string;
  busy: boolean;
  following: boolean;
  notice: string;
  error: ChatError | undefined;
  announcement: string;
  /** Extra header content (the conversation list's button). */
  headerExtras: unknown;
  /** Notices of the stored history (storage fallback, another tab answering, an interrupted answer). */
  historyNotices?: unknown;
  toggle(): void;
  close(): void;
  newConversation(): void;
  jumpToEnd(): void;
  retry(): void;
  dismissError(): void;
  keydown(event: KeyboardEvent): void;
}

export function renderPanel(ctx: PanelContext): TemplateResult {
  const { strings } = ctx.list;
  return html`${ctx.popup ? renderLauncher(ctx.opened, strings, ctx.toggle) : nothing}
    <section id="panel" class="panel" part="panel" role=${ctx.popup ? 'dialog' : 'region'} aria-label=${ctx.heading}
      ?hidden=${ctx.popup && !ctx.opened} @keydown=${ctx.keydown}>
      ${ctx.shown ? renderContents(ctx) : nothing}
    </section>`;
}

/** Everything inside the panel (not rendered while a popup has never been opened). */
function renderContents(ctx: PanelContext): TemplateResult {
  const { strings } = ctx.list;
  return html`<header class="header" part="header">
    <h2 class="heading" part="heading">${ctx.heading}</h2>
      ${ctx.headerExtras}
      <button type="button" class="icon-button" part="new-button" aria-label=${strings.newConversation}
        title=${strings.newConversation} @click=${ctx.newConversation}>${plusIcon()}</button>
      ${ctx.popup
        ? html`<button type="button" class="icon-button" part="close-button" aria-label=${strings.closeChat}
            title=${strings.closeChat} @click=${ctx.close}>${closeIcon()}</button>`
        : nothing}
    </header>
    <div class="transcript" part="transcript" role="log" aria-live="off" aria-label=${strings.transcriptLabel}
      aria-busy=${ctx.busy ? 'true' : 'false'} tabindex="0">
      <div class="content">${renderMessageList(ctx.items, ctx.list)}</div>
    </div>
    ${ctx.following
      ? nothing
      : html`<button type="button" class="jump" part="jump-button" @click=${ctx.jumpToEnd}>
          ${downIcon()}<span>${strings.jumpToLatest}</span>
        </button>`}
    ${ctx.notice ? html`<p class="notice" part="notice" role="status">${ctx.notice}</p>` : nothing}
    ${ctx.historyNotices ?? nothing}
    ${ctx.error ? renderErrorBanner(ctx.error, strings, ctx.retry, ctx.dismissError) : nothing}
    ${renderComposer(ctx.composer)}
    <div class="visually-hidden" aria-live="polite" aria-atomic="true">${ctx.announcement}</div>`;
}
