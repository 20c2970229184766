/**
 * `<stream-chat-conversations>`: the list of stored conversations, newest first, with new, open,
 * rename, delete, clear all, export and import. Native buttons with labels throughout, so it works from
 * the keyboard and with a screen reader as it is. It holds no data of its own: it shows what it is given
 * and says what the user asked for with `conversation-*` events (the history controller acts on them).
 */
import { css, html, LitElement, nothing, type PropertyDeclarations } from 'lit';
import type { ConversationRecord, StorageProblemReason } from '../store/index.js';

export interface HistoryStrings {
  conversations: string;
  showConversations: string;
  hideConversations: string;
  newConversation: string;
  untitled: string;
  /** `{title}` is replaced. */
  openConversation: string;
  rename: string;
  /** Accessible name of a row's rename button; `{title}` is replaced. */
  renameButton: string;
  /** `{title}` is replaced. */
  renameLabel: string;
  saveTitle: string;
  cancel: string;
  delete: string;
  /** `{title}` is replaced. */
  deleteLabel: string;
  clearAll: string;
  confirmClearAll: string;
  exportJson: string;
  exportMarkdown: string;
  exportAllJson: string;
  importFile: string;
  /** `{count}` is replaced. */
  imported: string;
  noConversations: string;
  current: string;
  /** `{count}` is replaced. */
  messageCount: string;
  /** `{count}` is replaced: stored messages that could not be read and were skipped, shown apart. */
  unreadableCount: string;
  answeringElsewhere: string;
  waitingForOtherTab: string;
  interruptedAnswer: string;
  continueAnswer: string;
  regenerateAnswer: string;
  storageFallback: Partial<Record<StorageProblemReason, string>>;
}

export const defaultHistoryStrings: HistoryStrings = {
  conversations: 'Conversations',
  showConversations: 'Conversations',
  hideConversations: 'Hide conversations',
  newConversation: 'New conversation',
  untitled: 'New conversation',
  openConversation: 'Open “{title}”',
  rename: 'Rename',
  renameButton: 'Rename “{title}”',
  renameLabel: 'New title for “{title}”',
  saveTitle: 'Save',
  cancel: 'Cancel',
  delete: 'Delete',
  deleteLabel: 'Delete “{title}”',
  clearAll: 'Delete all',
  confirmClearAll: 'Really delete all conversations?',
  exportJson: 'Export (JSON)',
  exportMarkdown: 'Export (Markdown)',
  exportAllJson: 'Export all (JSON)',
  importFile: 'Import…',
  imported: 'Imported {count} conversation(s).',
  noConversations: 'No saved conversations yet.',
  current: 'open',
  messageCount: '{count} messages',
  unreadableCount: '{count} unreadable',
  answeringElsewhere: 'This conversation is answering in another tab.',
  waitingForOtherTab: 'This conversation is answering in another tab; your message will be sent when it is done.',
  interruptedAnswer: 'This answer was interrupted.',
  continueAnswer: 'Continue',
  regenerateAnswer: 'Regenerate',
  storageFallback: {},
};

const fill = (template: string, values: Record<string, string | number>) =>
  template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));

export class ConversationList extends LitElement {
  static override properties: PropertyDeclarations = {
    conversations: { attribute: false },
    currentId: { attribute: false },
    strings: { attribute: false },
    status: { attribute: false },
    disabled: { type: Boolean, reflect: true },
    expanded: { type: Boolean, reflect: true },
    hideNew: { type: Boolean, attribute: 'hide-new' },
    renaming: { state: true },
    confirming: { state: true },
  };

  static override styles = css`
    :host { position: relative; display: inline-block; font: inherit; color: inherit; }
    .bar, .tools { display: flex; flex-wrap: wrap; gap: 0.4em; align-items: center; }
    button, .file { font: inherit; font-size: 0.9em; padding: 0.25em 0.6em; border-radius: 0.4em; cursor: pointer;
      border: 1px solid var(--stream-chat-border, color-mix(in srgb, currentColor 30%, transparent));
      background: transparent; color: inherit; }
    button:hover, .file:hover { background: var(--stream-chat-surface, color-mix(in srgb, currentColor 8%, transparent)); }
    button:focus-visible, .file:focus-within, input:focus-visible {
      outline: 2px solid var(--stream-chat-focus, Highlight); outline-offset: 2px; }
    button[disabled] { opacity: 0.5; cursor: default; }
    /* A drop-down under the toggle: it sits in the chat's header without pushing the transcript. */
    #panel { position: absolute; inset-block-start: calc(100% + 0.3em); inset-inline-end: 0; z-index: 10;
      inline-size: min(30em, 90vw); box-sizing: border-box; padding: 0.6em;
      background: var(--stream-chat-bg, Canvas); color: var(--stream-chat-fg, CanvasText);
      border: 1px solid var(--stream-chat-border, color-mix(in srgb, currentColor 25%, transparent));
      border-radius: var(--stream-chat-radius, 0.6em);
      box-shadow: var(--stream-chat-shadow, 0 0.5em 1.5em rgb(0 0 0 / 0.2)); }
    #panel[hidden] { display: none; }
    ul { list-style: none; margin: 0 0 0.5em; padding: 0; max-block-size: 18em; overflow: auto; }
    li { display: flex; gap: 0.3em; align-items: center; padding: 0.15em 0; }
    .open { flex: 1; min-inline-size: 0; text-align: start; border-color: transparent; overflow: hidden;
      text-overflow: ellipsis; white-space: nowrap; }
    li[aria-current='true'] .open { font-weight: 600; border-color: currentColor; }
    .count { opacity: 0.7; font-size: 0.8em; white-space: nowrap; }
    .status { margin: 0 0 0.5em; font-size: 0.9em; }
    .file { position: relative; }
    .file input { position: absolute; inset: 0; opacity: 0; inline-size: 100%; cursor: pointer; }
    input[type='text'] { font: inherit; flex: 1; min-inline-size: 0; }
  `;

  declare conversations: ConversationRecord[];
  declare currentId: string | undefined;
  declare strings: HistoryStrings;
  declare status: string;
  declare disabled: boolean;
  declare expanded: boolean;
  /** No "New conversation" button (the host has its own). */
  declare hideNew: boolean;
  declare protected renaming: string | undefined;
  declare protected confirming: boolean;

  constructor() {
    super();
    this.conversations = [];
    this.strings = defaultHistoryStrings;
    this.status = '';
    this.disabled = false;
    this.expanded = false;
    this.hideNew = false;
    this.confirming = false;
  }

  #say(type: string, detail: object = {}): void {
    this.dispatchEvent(new CustomEvent(`conversation-${type}`, { detail, bubbles: true, composed: true }));
  }

  /** Closes the drop-down and gives focus back to its toggle. */
  #collapse(): void {
    this.expanded = false;
    this.confirming = false;
    this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[part="toggle"]')?.focus());
  }

  #onPanelKeydown(event: KeyboardEvent): void {
    if (event.key !== 'Escape' || this.renaming) return;
    event.stopPropagation(); // the popup would close as well
    this.#collapse();
  }

  #title(c: ConversationRecord): string {
    return c.title || this.strings.untitled;
  }

  #startRename(id: string): void {
    this.renaming = id;
    this.updateComplete.then(() => {
      const input = this.renderRoot.querySelector<HTMLInputElement>('input[type="text"]');
      input?.focus();
      input?.select();
    });
  }

  #finishRename(event: Event, id: string): void {
    event.preventDefault();
    const input = (event.target as HTMLFormElement).querySelector('input')!;
    this.#say('rename', { id, title: input.value });
    this.renaming = undefined;
    this.#focusRow(id, '.rename');
  }

  #cancelRename(id: string): void {
    this.renaming = undefined;
    this.#focusRow(id, '.rename');
  }

  /** After a row's form goes away, focus returns to where the user was, not to the page's start. */
  #focusRow(id: string, selector: string): void {
    this.updateComplete.then(() =>
      this.renderRoot.querySelector<HTMLElement>(`li[data-id="${CSS.escape(id)}"] ${selector}`)?.focus(),
    );
  }

  async #importFile(event: Event): Promise<void> {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    if (file) this.#say('import', { text: await file.text() });
    input.value = '';
  }

  override render() {
    const s = this.strings;
    return html`<div class="bar">
        <button type="button" part="toggle" aria-expanded=${this.expanded ? 'true' : 'false'} aria-controls="panel"
          @click=${() => (this.expanded = !this.expanded)}>
          ${s.showConversations} (${this.conversations.length})
        </button>
        ${this.hideNew ? nothing : html`<button type="button" part="new" ?disabled=${this.disabled} @click=${() => this.#say('new')}>${s.newConversation}</button>`}
      </div>
      <div id="panel" ?hidden=${!this.expanded} @keydown=${(e: KeyboardEvent) => this.#onPanelKeydown(e)}>
        ${this.status ? html`<p class="status" role="status">${this.status}</p>` : nothing}
        ${this.conversations.length
          ? html`<ul aria-label=${s.conversations}>${this.conversations.map((c) => this.#row(c))}</ul>`
          : html`<p>${s.noConversations}</p>`}
        ${this.expanded ? this.#tools() : nothing}
      </div>`;
  }

  /** Export, import and clear: rendered while the drop-down is open (a page load never shows them). */
  #tools() {
    const s = this.strings;
    return html`<div class="tools">
      <button type="button" part="export-json" @click=${() => this.#say('export', { format: 'json', all: false })}>${s.exportJson}</button>
      <button type="button" part="export-markdown" @click=${() => this.#say('export', { format: 'markdown', all: false })}>${s.exportMarkdown}</button>
      <button type="button" part="export-all" @click=${() => this.#say('export', { format: 'json', all: true })}>${s.exportAllJson}</button>
      <label class="file" part="import">${s.importFile}<input type="file" accept="application/json,.json" @change=${(e: Event) => void this.#importFile(e)} /></label>
      ${this.confirming
        ? html`<span role="group" aria-label=${s.confirmClearAll}>${s.confirmClearAll}
            <button type="button" part="confirm-clear" @click=${() => { this.confirming = false; this.#say('clear'); }}>${s.clearAll}</button>
            <button type="button" @click=${() => (this.confirming = false)}>${s.cancel}</button></span>`
        : html`<button type="button" part="clear" ?disabled=${this.disabled || !this.conversations.length}
            @click=${() => (this.confirming = true)}>${s.clearAll}</button>`}
    </div>`;
  }

  #row(c: ConversationRecord) {
    const s = this.strings;
    const title = this.#title(c);
    const current = c.id === this.currentId;
    if (this.renaming === c.id) {
      return html`<li data-id=${c.id}>
        <form style="display:contents" @submit=${(e: Event) => this.#finishRename(e, c.id)}
          @keydown=${(e: KeyboardEvent) => e.key === 'Escape' && (e.stopPropagation(), this.#cancelRename(c.id))}>
          <input type="text" .value=${c.title} aria-label=${fill(s.renameLabel, { title })} />
          <button type="submit">${s.saveTitle}</button>
          <button type="button" @click=${() => this.#cancelRename(c.id)}>${s.cancel}</button>
        </form>
      </li>`;
    }
    return html`<li data-id=${c.id} aria-current=${current ? 'true' : 'false'}>
      <button type="button" class="open" title=${title} aria-label=${fill(s.openConversation, { title })}
        ?disabled=${this.disabled} @click=${() => (this.#say('open', { id: c.id }), this.#collapse())}>${title}</button>
      <span class="count">${fill(s.messageCount, { count: c.count })}${c.unreadable
          ? html` <span class="unreadable" part="unreadable-count">(${fill(s.unreadableCount, { count: c.unreadable })})</span>`
          : nothing}</span>
      <button type="button" class="rename" aria-label=${fill(s.renameButton, { title })} @click=${() => this.#startRename(c.id)}>${s.rename}</button>
      <button type="button" class="delete" aria-label=${fill(s.deleteLabel, { title })} ?disabled=${this.disabled && current}
        @click=${() => this.#say('delete', { id: c.id })}>${s.delete}</button>
    </li>`;
  }
}

/** Registers `<stream-chat-conversations>` (safe to call more than once). */
export function defineConversationList(tag = 'stream-chat-conversations'): void {
  if (!customElements.get(tag)) customElements.define(tag, ConversationList);
}
