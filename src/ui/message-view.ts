/**
 * One bubble of the transcript. User messages can be copied and edited (edit resends and drops what
 * followed); answers hold their text segments, tool calls and structured value, and can be copied and
 * regenerated. The bodies are stable containers filled outside the template (see mount.ts).
 */
import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { MarkdownOptions } from '../render/index.js';
import { checkIcon, copyIcon, editIcon, regenerateIcon, speakerIcon, stopIcon } from './icons.js';
import type { ReadAloud } from './read-aloud.js';
import { renderAttachments } from './attachment-tray.js';
import { mount } from './mount.js';
import type { Strings } from './strings.js';
import { renderToolCall, type ToolArgsOptions } from './tool-call-view.js';
import { renderProgress } from './progress-line.js';
import { mountExtra } from './answer-extras-loader.js';
import { renderUsage } from './usage-line.js';
import { renderAnswerActions, renderFeedbackNote, type AnswerActionsContext } from './answer-actions.js';
import type { AssistantItem, Item, ToolCallState, UserItem } from './view-model.js';

export interface MessageContext extends AnswerActionsContext {
  strings: Strings;
  busy: boolean;
  /** Key of the last answer: only it offers regenerate. */
  lastAnswerKey?: string;
  /** Key of the user message being edited. */
  editingKey?: string;
  /** Key of the message whose text was just copied. */
  copiedKey?: string;
  showUsage: boolean;
  currency: string;
  /** The element's language (`lang`, else the page's), for numbers. */
  locale: string;
  now: number;
  /** Image policy and UI text for rendered markdown. */
  markdown: MarkdownOptions;
  copy(item: Item): void;
  startEdit(item: UserItem): void;
  submitEdit(item: UserItem, text: string): void;
  cancelEdit(): void;
  regenerate(): void;
  /** Showing `item` threw (its body shows what it can); the element reports it. */
  renderFailed(item: AssistantItem, cause: unknown): void;
  /** Asks the model to go on after an answer cut at its length limit. */
  continueCut(): void;
  decide(call: ToolCallState, approved: boolean): void;
  /** Tool schemas and view strings for the live arguments of tool calls. */
  toolArgs: ToolArgsOptions;
  /** Enter sends, Shift+Enter adds a line, composing text (IME) never sends. */
  isSendKey(event: KeyboardEvent): boolean;
  /** Read aloud, when `read-aloud` is set and the browser can speak; undefined: no button. */
  readAloud?: ReadAloud;
  /** The version switcher of a message with several versions (versions.ts). */
  versions?(item: Item, strings: Strings, busy: boolean): unknown;
}

function readAloudButton(item: AssistantItem, reader: ReadAloud, strings: Strings): TemplateResult {
  const speaking = reader.speaking === item;
  const label = speaking ? strings.stopReading : strings.readAloud;
  return html`<button type="button" class="icon-button" part="read-aloud-button" aria-label=${label} title=${label}
    aria-pressed=${speaking ? 'true' : 'false'} @pointerenter=${() => reader.prefetch()} @focus=${() => reader.prefetch()}
    @click=${() => void reader.toggle(item)}>${speaking ? stopIcon() : speakerIcon()}</button>`;
}

function copyButton(item: Item, ctx: MessageContext): TemplateResult {
  const copied = ctx.copiedKey === item.key;
  const label = copied ? ctx.strings.copied : item.kind === 'assistant' ? ctx.strings.copyMarkdown : ctx.strings.copy;
  return html`<button type="button" class="icon-button" part="copy-button" aria-label=${label} title=${label}
    @click=${() => ctx.copy(item)}>${copied ? checkIcon() : copyIcon()}</button>`;
}

function renderEditor(item: UserItem, ctx: MessageContext): TemplateResult {
  const submit = (form: HTMLFormElement) => {
    const text = (form.elements.namedItem('text') as HTMLTextAreaElement).value;
    if (text.trim()) ctx.submitEdit(item, text);
  };
  return html`<form class="editor" part="editor"
      @submit=${(event: SubmitEvent) => {
        event.preventDefault();
        submit(event.currentTarget as HTMLFormElement);
      }}>
      <textarea name="text" class="input" part="edit-input" aria-label=${ctx.strings.edit} .value=${item.text}
        @keydown=${(event: KeyboardEvent) => {
          if (event.key === 'Escape') {
            event.stopPropagation();
            ctx.cancelEdit();
          } else if (ctx.isSendKey(event)) {
            event.preventDefault();
            submit((event.currentTarget as HTMLTextAreaElement).form!);
          }
        }}></textarea>
      <div class="editor-actions">
        <button type="button" class="button" part="cancel-edit-button" @click=${() => ctx.cancelEdit()}>
          ${ctx.strings.cancel}
        </button>
        <button type="submit" class="button primary" part="save-edit-button">${ctx.strings.saveAndSend}</button>
      </div>
    </form>`;
}

export function renderUserMessage(item: UserItem, ctx: MessageContext): TemplateResult {
  const editing = ctx.editingKey === item.key;
  return html`<article class="message user" part="message user-message" data-key=${item.key}
      aria-label=${ctx.strings.you}>
    ${editing
      ? renderEditor(item, ctx)
      : html`${item.attachments?.length ? renderAttachments(item.attachments, ctx.strings) : nothing}
          ${item.text ? html`<div class="bubble" part="bubble user-bubble">${item.text}</div>` : nothing}
          <div class="actions" part="message-actions">
            ${ctx.versions?.(item, ctx.strings, ctx.busy)}
            ${copyButton(item, ctx)}
            <button type="button" class="icon-button" part="edit-button" aria-label=${ctx.strings.edit}
              title=${ctx.strings.edit} ?disabled=${ctx.busy} @click=${() => ctx.startEdit(item)}>
              ${editIcon()}
            </button>
          </div>`}
  </article>`;
}

/**
 * An answer that ended early without an error looks complete unless it says so: cut at the model's
 * token limit (with Continue, on the last answer), or stopped by the provider's content filter.
 */
function renderCutNote(item: AssistantItem, ctx: MessageContext, isLast: boolean): TemplateResult | typeof nothing {
  if (item.status !== 'done') return nothing;
  if (item.finishReason === 'content_filter') {
    return html`<p class="note" part="note filtered-note" role="note">${ctx.strings.filtered}</p>`;
  }
  if (item.finishReason !== 'length') return nothing;
  return html`<p class="note" part="note cut-note" role="note">${ctx.strings.cutAtLimit}
    ${isLast
      ? html`<button type="button" class="button" part="continue-cut-button" ?disabled=${ctx.busy}
          @click=${() => ctx.continueCut()}>${ctx.strings.continueCut}</button>`
      : nothing}</p>`;
}

export function renderAssistantMessage(item: AssistantItem, ctx: MessageContext): TemplateResult {
  const { strings } = ctx;
  const live = item.status === 'waiting' || item.status === 'streaming';
  const empty = item.segments.length === 0 && !item.object;
  const isLast = ctx.lastAnswerKey === item.key;
  return html`<article class="message assistant" part="message assistant-message" data-key=${item.key}
      data-status=${item.status} aria-label=${strings.assistant} aria-busy=${live ? 'true' : 'false'}>
    ${item.reasoning ? html`<div class="answer-reasoning" ${mountExtra('reasoning', item, strings)}></div>` : nothing}
    ${repeat(item.segments, (segment) => segment.key, (segment) =>
      segment.kind === 'text'
        ? html`<div class="markdown" part="markdown" ${mount((el) => segment.body.attach(el, ctx.markdown, strings, (cause) => ctx.renderFailed(item, cause)))}></div>`
        : renderToolCall(segment.call, strings, ctx.now, ctx.decide, ctx.toolArgs),
    )}
    ${item.object
      ? html`<div class="object" part="object" data-complete=${item.object.state.complete ? 'true' : 'false'}
          ${mount((el) => item.object!.attach(el, (cause) => ctx.renderFailed(item, cause)))}></div>`
      : nothing}
    ${item.sources?.length ? html`<div class="answer-sources" ${mountExtra('sources', item, strings)}></div>` : nothing}
    ${(item.notices ?? []).map((notice) => html`<p class="note notice" part="notice" role="status">${notice}</p>`)}
    ${live && empty && !item.reasoning ? html`<p class="thinking" part="thinking">${strings.thinking}</p>` : nothing}
    ${item.status === 'stopped' ? html`<p class="note" part="note">${strings.stopped}</p>` : nothing}
    ${item.status === 'error' ? html`<p class="note" part="note">${strings.interrupted}</p>` : nothing}
    ${renderCutNote(item, ctx, isLast)}
    ${item.progress ? renderProgress(item.progress, strings, ctx.locale) : nothing}
    ${ctx.showUsage && item.usage ? renderUsage(item.usage, strings, ctx.currency, ctx.locale) : nothing}
    ${live || empty
      ? nothing
      : html`<div class="actions" part="message-actions">
          ${ctx.versions?.(item, strings, ctx.busy)}
          ${copyButton(item, ctx)}${renderAnswerActions(item, ctx)}
          ${ctx.readAloud ? readAloudButton(item, ctx.readAloud, strings) : nothing}
          ${isLast
            ? html`<button type="button" class="icon-button" part="regenerate-button"
                aria-label=${strings.regenerate} title=${strings.regenerate} ?disabled=${ctx.busy}
                @click=${() => ctx.regenerate()}>${regenerateIcon()}</button>`
            : nothing}
        </div>${renderFeedbackNote(item, ctx)}`}
  </article>`;
}
