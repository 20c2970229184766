/**
 * `<stream-chat>`: the chat element. This file defines the class only (no side effect on import);
 * `define.ts` registers the tag. The element holds no network or parsing logic: a turn is one
 * `runChat` call, whose events are re-dispatched as `stream-chat-<type>` DOM events and applied to
 * the transcript.
 */
import { LitElement, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import { runChat } from '../core/index.js';
import type { ChatError, ChatEvent } from '../core/events.js';
import type { ChatMessage } from '../core/messages.js';
import type { MarkdownOptions, ObjectViewStrings } from '../render/index.js';
import type { ChatResult, ModelPrice, ProviderName, RunChatOptions, Schema, Tool } from '../core/options.js';
import { AnswerState } from './answer-state.js';
import { promptsConverter, type ChatMode, type ChatTheme, type SendDetail, type StorageKind, type SystemPrompt } from './chat-types.js';
import { isSendKey } from './composer.js';
import type { ListContext } from './message-list.js';
import { renderPanel } from './panel-view.js';
import { crashedResult, refusedResult } from './turn-results.js';
import type { ObjectBodyOptions, ObjectRenderer } from './object-body.js';
import { ScrollFollower } from './scroll-follower.js';
import { ToolClock } from './tool-clock.js';
import { defaultStrings, format, type Strings } from './strings.js';
import { styles } from './styles.js';
import { HistoryController } from './history-controller.js';
import {
  answerText,
  itemsFromHistory,
  newAnswer,
  nextKey,
  type AssistantItem,
  type Item,
  type ToolCallState,
  type UserItem,
} from './view-model.js';

/** How long the "Copied" check stays. */
const COPIED_MS = 1500;

function newConversationId(): string {
  return globalThis.crypto?.randomUUID?.() ?? `c${Date.now().toString(36)}${Math.random().toString(36).slice(2)}`;
}

export type { ChatMode, ChatTheme, SendDetail, StorageKind, SystemPrompt } from './chat-types.js';

/**
 * A streaming LLM chat: type a message, watch the answer arrive as markdown, run page tools, show
 * structured output as it streams. Inline, or as a popup with a launcher button.
 *
 * @summary Streaming LLM chat element.
 *
 * @tagname stream-chat
 *
 * @attr busy - Present while a turn runs (reflected from the read-only `busy` property).
 *
 * @fires stream-chat-send - Before a user message is sent (cancelable). Detail: `{ text, messages }`.
 * @fires stream-chat-start - A turn started. Detail: the engine's `start` event.
 * @fires stream-chat-text - Text arrived. Detail: `{ delta, text, step }`.
 * @fires stream-chat-tool-call - A tool call's arguments are streaming. Detail: `{ id, name, argsText, args, step }`.
 * @fires stream-chat-tool-approval - A tool waits for approval. Detail: `{ id, name, args, approve(), deny(reason?) }`.
 * @fires stream-chat-tool-start - A tool started running.
 * @fires stream-chat-tool-end - A tool finished. Detail: `{ id, name, args, result?, error?, durationMs }`.
 * @fires stream-chat-object - The structured value so far. Detail: `{ value, complete, issues }`.
 * @fires stream-chat-usage - Token usage of a step, and the turn's total (with cost when priced).
 * @fires stream-chat-retry - The engine retries. Detail: `{ attempt, delayMs, error }`.
 * @fires stream-chat-error - Something failed. Detail: `{ error: { kind, message, retryable, status? }, text }`.
 * @fires stream-chat-end - The turn ended. Detail: `{ message, finishReason, usage, durationMs, object?, error? }`.
 * @fires stream-chat-storage-error - The history could not be read or written.
 * @fires stream-chat-open - Popup mode: the panel opened.
 * @fires stream-chat-close - Popup mode: the panel closed.
 *
 * @csspart launcher - Popup mode: the round button that opens and closes the panel.
 * @csspart panel - The chat box (a dialog in popup mode).
 * @csspart header - Top bar; holds `heading`, `new-button`, `close-button`.
 * @csspart heading - The title.
 * @csspart new-button - Starts a new conversation.
 * @csspart close-button - Popup mode: closes the panel.
 * @csspart transcript - The scrolling list of messages (role="log").
 * @csspart message - Every message; also `user-message` or `assistant-message`.
 * @csspart user-message - A message the user sent.
 * @csspart assistant-message - An answer (all its steps, tool calls included).
 * @csspart bubble - The user's text bubble (also `user-bubble`).
 * @csspart markdown - An answer's rendered text.
 * @csspart object - An answer's structured value (with `schema`).
 * @csspart thinking - Shown until the first token.
 * @csspart note - "Stopped" / "Interrupted" under a cut answer.
 * @csspart usage - The usage line (`show-usage`).
 * @csspart message-actions - The row of message buttons.
 * @csspart copy-button - Copies a message.
 * @csspart edit-button - Edits a user message (resend drops what followed).
 * @csspart regenerate-button - Asks again for the last answer.
 * @csspart editor - The edit form; `edit-input`, `save-edit-button`, `cancel-edit-button` inside.
 * @csspart tool-call - One tool call; `tool-name`, `tool-status`, `tool-arguments`, `tool-result`, `tool-error` inside.
 * @csspart approve-button - Lets a tool run.
 * @csspart deny-button - Refuses a tool call.
 * @csspart empty - The empty state: `welcome` and `starter-prompts` (each a `starter-prompt` button).
 * @csspart jump-button - "Jump to latest", while the reader is scrolled up.
 * @csspart notice - Retry notice ("retrying in 2 s").
 * @csspart error - The error banner; `error-message`, `retry-button`, `dismiss-button` inside.
 * @csspart composer - The form at the bottom.
 * @csspart input - The message box.
 * @csspart send-button - Sends the message.
 * @csspart stop-button - Stops the answer (replaces `send-button` while busy).
 *
 * @cssprop --stream-chat-bg - Background.
 * @cssprop --stream-chat-fg - Text colour.
 * @cssprop --stream-chat-muted - Secondary text (status, notes, placeholders).
 * @cssprop --stream-chat-border - Borders.
 * @cssprop --stream-chat-surface - Tool cards, hovered buttons.
 * @cssprop --stream-chat-accent - Send button, launcher, primary buttons.
 * @cssprop --stream-chat-accent-fg - Text on the accent colour.
 * @cssprop --stream-chat-user-bg - The user's bubbles.
 * @cssprop --stream-chat-user-fg - Text in the user's bubbles.
 * @cssprop --stream-chat-assistant-bg - Answers' background (transparent by default).
 * @cssprop --stream-chat-assistant-fg - Answers' text.
 * @cssprop --stream-chat-code-bg - Code blocks and inline code.
 * @cssprop --stream-chat-code-fg - Code blocks' text.
 * @cssprop --stream-chat-link - Links in answers.
 * @cssprop --stream-chat-error-bg - Error banner background.
 * @cssprop --stream-chat-error-fg - Error text.
 * @cssprop --stream-chat-focus - Focus ring.
 * @cssprop --stream-chat-shadow - Popup and launcher shadow.
 * @cssprop --stream-chat-font - Font family (system font stack by default).
 * @cssprop --stream-chat-font-mono - Monospace font family.
 * @cssprop --stream-chat-font-size - Base font size (0.9375rem).
 * @cssprop --stream-chat-radius - Corner radius (0.75rem).
 * @cssprop --stream-chat-spacing - Base spacing (0.75rem).
 * @cssprop --stream-chat-max-width - Width of the message column (48rem).
 * @cssprop --stream-chat-height - Inline mode: the element's height (36rem).
 * @cssprop --stream-chat-popup-width - Popup panel width (24rem).
 * @cssprop --stream-chat-popup-height - Popup panel height (36rem).
 * @cssprop --stream-chat-offset - Popup mode: distance from the viewport's corner (1.25rem).
 * @cssprop --stream-chat-z-index - Popup mode: stacking order.
 * @cssprop --stream-chat-hl-keyword - Syntax highlighting colours: also -string, -number, -comment, -title, -type, -variable.
 */
export class StreamChat extends LitElement {
  static override styles = styles;
  static override shadowRootOptions: ShadowRootInit = { ...LitElement.shadowRootOptions, delegatesFocus: false };

  static override properties: PropertyDeclarations = {
    provider: { type: String },
    baseUrl: { type: String, attribute: 'base-url' },
    endpoint: { type: String },
    model: { type: String },
    systemPrompt: { attribute: 'system-prompt' },
    conversationId: { type: String, attribute: 'conversation-id' },
    storageKey: { type: String, attribute: 'storage-key' },
    storage: { type: String },
    mode: { type: String, reflect: true },
    heading: { type: String },
    placeholder: { type: String },
    theme: { type: String, reflect: true },
    welcome: { type: String },
    starterPrompts: { attribute: 'starter-prompts', converter: promptsConverter },
    showUsage: { type: Boolean, attribute: 'show-usage' },
    maxSteps: { type: Number, attribute: 'max-steps' },
    maxRetries: { type: Number, attribute: 'max-retries' },
    idleTimeoutMs: { type: Number, attribute: 'idle-timeout-ms' },
    temperature: { type: Number },
    currency: { type: String },
    opened: { type: Boolean, reflect: true, attribute: 'open' },
    apiKey: { attribute: false },
    headers: { attribute: false },
    tools: { attribute: false },
    schema: { attribute: false },
    context: { attribute: false },
    renderObject: { attribute: false },
    strings: { attribute: false },
    prices: { attribute: false },
    allowedImageOrigins: { attribute: false },
    items: { state: true, attribute: false },
    chatError: { state: true, attribute: false },
    notice: { state: true, attribute: false },
    announcement: { state: true, attribute: false },
    following: { state: true, attribute: false },
    editingKey: { state: true, attribute: false },
    copiedKey: { state: true, attribute: false },
    canSend: { state: true, attribute: false },
  };

  /** `openai` (Chat Completions, default), `openai-responses`, `sse` or `websocket`. */
  declare provider: ProviderName;
  /** OpenAI-compatible base URL (a proxy, a local server). */
  declare baseUrl: string | undefined;
  /** Full URL of an SSE or WebSocket backend. */
  declare endpoint: string | undefined;
  /** The model name the server knows (`gpt-4o-mini`, `llama3.2`; `dev` for the local dev model). */
  declare model: string | undefined;
  /** The system prompt, or a function of `context` that returns it. */
  declare systemPrompt: SystemPrompt | undefined;
  /** The conversation shown: set it to open a stored one; it changes when the user starts or switches one. */
  declare conversationId: string;
  /** Namespace of the stored history (e.g. one per signed-in user). */
  declare storageKey: string | undefined;
  /** Where history is kept: `indexeddb` (default), `memory` (this page only) or `none` (no list either). */
  declare storage: StorageKind;
  /** `inline` (default) or `popup`: a launcher button that opens the chat in a panel. */
  declare mode: ChatMode;
  /** The title in the chat's header (default from `strings.heading`). */
  declare heading: string | undefined;
  /** Placeholder of the message box (default from `strings.placeholder`). */
  declare placeholder: string | undefined;
  /** `light` or `dark`; unset follows the system's preference. */
  declare theme: ChatTheme | undefined;
  /** Shown in an empty conversation. */
  declare welcome: string | undefined;
  /** Buttons shown in an empty conversation; a click sends the prompt. */
  declare starterPrompts: string[];
  /** Shows tokens (and cost when `prices` knows the model) under each answer. */
  declare showUsage: boolean;
  /** Model calls in one turn (tool loop). Engine default 8. */
  declare maxSteps: number | undefined;
  /** Retries before the first token. Engine default 2. */
  declare maxRetries: number | undefined;
  /** A stream silent for this long fails with a timeout. Engine default 30 000. */
  declare idleTimeoutMs: number | undefined;
  /** Sampling temperature sent to the model, when set. */
  declare temperature: number | undefined;
  /** ISO currency code of `prices`, for the usage line. Default USD. */
  declare currency: string;
  /** Popup mode: whether the panel is open (the `open` attribute). */
  declare opened: boolean;
  /** The provider's API key. Never reflected, stored or exported; leave unset behind a proxy that adds its own. */
  declare apiKey: string | undefined;
  /** Extra request headers (a proxy's auth, an organisation id). Never stored. */
  declare headers: Record<string, string> | undefined;
  /** Page tools the model may call: `{ name, description, parameters: zodSchema, execute(args, { signal, context }), needsApproval? }`. */
  declare tools: Tool[] | undefined;
  /** A zod schema: answers are structured output, shown live and validated while they stream. */
  declare schema: Schema | undefined;
  /** Any value handed to `systemPrompt` (when a function) and to every tool's `execute`. */
  declare context: unknown;
  /** Structured output view: returns a Lit template, a Node, or a string (shown as text). */
  declare renderObject: ObjectRenderer | undefined;
  /** UI text overrides, for translation (see UI strings below); missing keys stay English. */
  declare strings: Partial<Strings> | undefined;
  /** Price per million tokens, by model name. */
  declare prices: Record<string, ModelPrice> | undefined;
  /** Origins whose images in answers load without a click. */
  declare allowedImageOrigins: string[] | undefined;

  declare protected items: Item[];
  declare protected chatError: ChatError | undefined;
  declare protected notice: string;
  declare protected announcement: string;
  declare protected following: boolean;
  declare protected editingKey: string | undefined;
  declare protected copiedKey: string | undefined;
  declare protected canSend: boolean;

  /** The history, in the OpenAI message shape: what the model is sent and what is stored. */
  protected history: ChatMessage[] = [];
  private current?: { abort(): void; done: Promise<ChatResult>; answer: AssistantItem };
  private isBusy = false;
  private draft = '';
  private copiedTimer?: ReturnType<typeof setTimeout>;
  /** Bumped when anything every bubble depends on changes; see message-list.ts. */
  private stamp = 0;
  /** Conversations of this page's life when no store is wired (storage="memory"/"none"). */
  private readonly memory = new Map<string, ChatMessage[]>();
  private mergedStrings?: { from: Partial<Strings>; merged: Strings };
  private cachedMarkdown?: { strings: Strings; origins: string[] | undefined; options: MarkdownOptions };
  private readonly toolClock = new ToolClock(this, () => this.items, (item) => this.touch(item));
  /** The stored history: conversations, drafts while an answer streams, other tabs, the remembered key. */
  readonly historyController: HistoryController;
  private readonly follower = new ScrollFollower(this, (stuck) => (this.following = stuck));

  constructor() {
    super();
    this.provider = 'openai';
    this.storage = 'indexeddb';
    this.mode = 'inline';
    this.conversationId = newConversationId();
    this.starterPrompts = [];
    this.showUsage = false;
    this.currency = 'USD';
    this.opened = false;
    this.items = [];
    this.notice = '';
    this.announcement = '';
    this.following = true;
    this.canSend = false;
    // Created last: it reads the generated conversation id to tell it from one the page sets.
    this.historyController = new HistoryController(this, { onProblem: (problem) => this.reportStorageError(problem) });
  }

  /** Alias of `baseUrl`, spelled as the engine and the OpenAI SDK spell it. */
  get baseURL(): string | undefined {
    return this.baseUrl;
  }
  set baseURL(value: string | undefined) {
    this.baseUrl = value;
  }

  /** True while a turn runs (reflected as the `busy` attribute). Read-only. */
  get busy(): boolean {
    return this.isBusy;
  }

  /** A copy of the conversation's history. Read-only. */
  get messages(): ChatMessage[] {
    return this.history.map((message) => ({ ...message }));
  }

  private get text(): Strings {
    if (!this.strings) return defaultStrings;
    if (this.mergedStrings?.from !== this.strings) {
      this.mergedStrings = { from: this.strings, merged: { ...defaultStrings, ...this.strings } };
    }
    return this.mergedStrings.merged;
  }

  /** How structured values are shown: the host's view or the default one, with the schema and strings. */
  private readonly objectOptions = (): ObjectBodyOptions => ({
    renderObject: this.renderObject,
    schema: this.schema,
    strings: this.objectStrings(),
  });

  /** The object view's text (structured output and tool arguments), from the element's strings. */
  private objectStrings(): Partial<ObjectViewStrings> {
    const s = this.text;
    return {
      pending: s.objectPending,
      missing: s.objectMissing,
      empty: s.objectEmpty,
      yes: s.objectYes,
      no: s.objectNo,
      issues: s.objectIssues,
    };
  }

  /** Options of the markdown bodies, rebuilt when the strings or the image policy change. */
  private markdownOptions(strings: Strings): MarkdownOptions {
    if (this.cachedMarkdown?.strings === strings && this.cachedMarkdown.origins === this.allowedImageOrigins) {
      return this.cachedMarkdown.options;
    }
    const options: MarkdownOptions = {
      allowedImageOrigins: this.allowedImageOrigins,
      strings: {
        copy: strings.copyCode,
        copyLabel: strings.copyCodeLabel,
        copied: strings.copied,
        loadImage: strings.loadImage,
        loadImageLabel: strings.loadImageLabel,
      },
    };
    this.cachedMarkdown = { strings, origins: this.allowedImageOrigins, options };
    return options;
  }

  // ——— public methods ———

  /** Sends `text` as if the user typed it. Resolves when the turn ends, also on error; never rejects. */
  async send(text: string): Promise<ChatResult> {
    const content = text.trim();
    if (!content) return this.refused('There is nothing to send.');
    if (!this.confirmSend(content)) return this.refused('The message was not sent (stream-chat-send was cancelled).');
    return this.sendConfirmed(content);
  }

  /** Stops the running turn; the partial answer stays. */
  stop(): void {
    this.current?.abort();
  }

  /** Asks again for the last answer (drops it first). */
  async regenerate(): Promise<ChatResult> {
    if (!this.history.some((message) => message.role === 'user')) return this.refused('There is no message to answer.');
    await this.settle();
    if (this.historyComplete()) await this.hook(() => this.historyComplete()); // indexes below count them
    const lastUser = this.history.findLastIndex((message) => message.role === 'user');
    this.history = this.history.slice(0, lastUser + 1);
    this.items = this.items.filter((item) => item.kind === 'user' || item.index <= lastUser);
    this.setBusy(true);
    await this.hook(() => this.historyTruncated(this.history));
    return this.runTurn();
  }

  /** Starts a new, empty conversation (the current one stays stored). */
  async newConversation(): Promise<void> {
    await this.settle();
    this.remember();
    this.conversationId = newConversationId();
    this.show([]);
    await this.hook(() => this.conversationChanged(this.conversationId, []));
  }

  /** Opens a stored conversation. */
  async openConversation(id: string): Promise<void> {
    await this.settle();
    this.remember();
    this.conversationId = id;
    let messages: ChatMessage[] = [];
    await this.hook(async () => void (messages = await this.loadConversation(id)));
    this.show(messages);
    await this.hook(() => this.conversationChanged(id, this.history));
  }

  /** Empties the current conversation. */
  async clear(): Promise<void> {
    await this.settle();
    this.show([]);
    this.memory.delete(this.conversationId);
    await this.hook(() => this.conversationChanged(this.conversationId, []));
  }

  /** Popup mode: opens the panel and moves focus to the message box. */
  open(): void {
    if (this.opened) return;
    this.opened = true;
    this.dispatchEvent(new CustomEvent('stream-chat-open', { bubbles: true, composed: true }));
    this.updateComplete.then(() => this.input?.focus());
  }

  /** Popup mode: closes the panel and gives focus back to the launcher. */
  close(): void {
    if (!this.opened) return;
    this.opened = false;
    this.dispatchEvent(new CustomEvent('stream-chat-close', { bubbles: true, composed: true }));
    this.updateComplete.then(() => this.launcher?.focus());
  }

  /** Focuses the message box (opens the popup first in popup mode). */
  override focus(options?: FocusOptions): void {
    if (this.mode === 'popup' && !this.opened) this.open();
    this.updateComplete.then(() => this.input?.focus(options));
  }

  // ——— hook points for the stored history ———
  // The history layer fills these in; each may be async and is awaited where the order matters
  // (the user's message is stored before the request goes out). A failing hook never stops a turn.

  /** The user's message was appended to the history and is about to be sent. Awaited before the request. */
  protected async userMessageAdded(messages: readonly ChatMessage[]): Promise<void> {
    await this.historyController.saveHistory(messages);
  }

  /** The answer after the last user message was dropped (regenerate, retry). Awaited before the request. */
  protected async historyTruncated(messages: readonly ChatMessage[]): Promise<void> {
    await this.historyController.saveHistory(messages);
  }

  /** The text in the message box changed (to keep a draft per conversation). */
  protected draftChanged(_text: string): void {}

  /** A turn ended (normally, stopped or failed); `messages` is the history after it. Awaited before send() resolves. */
  protected async turnEnded(result: ChatResult, messages: readonly ChatMessage[]): Promise<void> {
    this.remember();
    await this.historyController.finishTurn(result, messages);
  }

  /** Reads a conversation's history. */
  protected async loadConversation(id: string): Promise<ChatMessage[]> {
    return this.historyController.load(id);
  }

  /**
   * Resolves once the whole opened conversation is shown (its last screen comes first, the earlier
   * messages after): awaited before a request, which must carry the whole conversation.
   */
  protected historyComplete(): Promise<void> | undefined {
    return this.historyController.loadingEarlier ? this.historyController.earlier : undefined;
  }

  /** Another conversation is shown (new, opened, cleared). */
  protected async conversationChanged(id: string, messages: readonly ChatMessage[]): Promise<void> {
    await this.historyController.conversationShown(id, messages);
  }

  /** Runs a hook; a failure is reported as a storage error and the chat goes on. */
  private async hook(run: () => void | Promise<void>): Promise<void> {
    try {
      await run();
    } catch (cause) {
      const message = cause instanceof Error ? cause.message : String(cause);
      this.reportStorageError({ kind: 'storage', message, retryable: false, cause });
    }
  }

  /** Reports a storage failure to the host (`stream-chat-storage-error`, detail = the error). */
  protected reportStorageError(error: ChatError): void {
    this.dispatchEvent(new CustomEvent('stream-chat-storage-error', { detail: error, bubbles: true, composed: true }));
  }

  /** Replaces the shown conversation by `messages`. */
  protected show(messages: ChatMessage[]): void {
    this.history = [...messages];
    this.items = itemsFromHistory(this.history, this.schema ? this.objectOptions : undefined);
    this.chatError = undefined;
    this.editingKey = undefined;
    this.follower.jumpToEnd();
  }

  /**
   * Adds a conversation's earlier messages before the ones shown, without moving the reader's view: at
   * the end it stays at the end (the follower keeps it there); elsewhere the same lines stay in view.
   */
  prependMessages(messages: ChatMessage[]): void {
    if (!messages.length) return;
    const scroller = this.renderRoot.querySelector<HTMLElement>('[part~="transcript"]');
    const fromEnd = scroller ? scroller.scrollHeight - scroller.scrollTop : 0;
    this.history = [...messages, ...this.history];
    this.items = itemsFromHistory(this.history, this.schema ? this.objectOptions : undefined);
    this.editingKey = undefined;
    if (scroller && !this.follower.stuck) {
      void this.updateComplete.then(() => (scroller.scrollTop = scroller.scrollHeight - fromEnd));
    }
  }

  // ——— turns ———

  private confirmSend(text: string): boolean {
    const detail: SendDetail = { text, messages: this.messages };
    return this.dispatchEvent(
      new CustomEvent('stream-chat-send', { detail, cancelable: true, bubbles: true, composed: true }),
    );
  }

  private async sendConfirmed(content: string, replacing?: UserItem): Promise<ChatResult> {
    await this.settle();
    const length = this.history.length;
    if (this.historyComplete()) await this.hook(() => this.historyComplete());
    // Earlier messages that arrived meanwhile were put before the edited one: its index moved with them.
    const cut = replacing ? replacing.index + this.history.length - length : this.history.length;
    this.history = [...this.history.slice(0, cut), { role: 'user', content }];
    const at = replacing ? this.items.findIndex((item) => item.kind === 'user' && item.index === cut) : -1;
    const kept = replacing ? this.items.slice(0, at < 0 ? this.items.length : at) : this.items;
    const user: UserItem = { kind: 'user', key: nextKey('u'), text: content, index: cut, version: 0 };
    this.items = [...kept, user];
    this.setBusy(true); // busy from here: a second Enter while storage works must not send twice
    await this.hook(() => this.userMessageAdded(this.history));
    return this.runTurn();
  }

  /** Waits for the running turn to end, stopping it first. */
  private async settle(): Promise<void> {
    if (!this.current) return;
    const { done } = this.current;
    this.current.abort();
    await done;
  }

  private runTurn(): Promise<ChatResult> {
    const answer = newAnswer(this.history.length);
    const state = new AnswerState(
      answer,
      this.schema ? this.objectOptions : undefined,
    );
    const controller = new AbortController();
    const history = this.history;
    this.items = [...this.items, answer];
    this.chatError = undefined;
    this.notice = '';
    this.announcement = '';
    this.setBusy(true);
    this.follower.jumpToEnd();
    const done = this.consume(history, state, controller.signal).then(async (result) => {
      this.current = undefined;
      this.history = result.messages;
      this.endAnswer(answer, result);
      this.setBusy(false);
      await this.hook(() => this.turnEnded(result, this.history));
      return result;
    });
    this.current = { abort: () => controller.abort(), done, answer };
    return done;
  }

  private async consume(history: ChatMessage[], state: AnswerState, signal: AbortSignal): Promise<ChatResult> {
    let result: ChatResult | undefined;
    try {
      const run = runChat(this.runOptions(history, signal));
      signal.addEventListener('abort', () => run.abort(), { once: true });
      for await (const event of run) {
        this.notice =
          event.type === 'retry'
            ? this.retryNotice(event.delayMs)
            : event.type === 'error' && event.retrying
              ? this.text.askingAgain
              : event.type === 'text' || event.type === 'object'
                ? ''
                : this.notice;
        if (state.apply(event)) this.touch(state.item);
        if (event.type === 'error' && !event.retrying) this.chatError = event.error;
        if (event.type === 'tool-start') this.toolClock.start();
        this.emit(event);
      }
      result = await run.result;
    } catch (cause) {
      // The engine promises not to throw; should it, the turn still ends cleanly with what arrived.
      result = crashedResult(history, answerText(state.item), cause);
      state.apply({ type: 'error', error: result.error!, text: answerText(state.item) });
      this.chatError = result.error;
    }
    return result;
  }

  private runOptions(messages: ChatMessage[], signal: AbortSignal): RunChatOptions {
    return {
      provider: this.provider,
      baseURL: this.baseUrl || undefined,
      endpoint: this.endpoint || undefined,
      apiKey: this.apiKey || undefined,
      model: this.model || undefined,
      headers: this.headers,
      messages,
      system: this.systemPrompt || undefined,
      context: this.context,
      tools: this.tools?.length ? this.tools : undefined,
      schema: this.schema,
      signal,
      maxSteps: this.maxSteps,
      maxRetries: this.maxRetries,
      idleTimeoutMs: this.idleTimeoutMs,
      temperature: this.temperature,
      prices: this.prices,
    };
  }

  private endAnswer(answer: AssistantItem, result: ChatResult): void {
    this.notice = '';
    if (result.error && result.finishReason !== 'aborted') this.chatError = result.error;
    // A turn that failed before any content leaves no empty bubble; the banner says what happened.
    const empty = answer.segments.length === 0 && !answer.object?.state.value;
    if (empty && answer.status !== 'done') this.items = this.items.filter((item) => item !== answer);
    else this.touch(answer);
    if (answer.status === 'done') {
      // Announced once, when the whole answer is on screen, as the reader will hear it (rendered text).
      const shown = answer.segments.flatMap((s) => (s.kind === 'text' ? [s.body.shown] : []));
      void Promise.all(shown).then(() => {
        if (this.items.includes(answer)) this.announcement = this.spokenText(answer) || this.text.answerReady;
      });
    }
  }

  /** The answer's rendered text, without the code blocks' toolbars. */
  private spokenText(answer: AssistantItem): string {
    const article = this.renderRoot.querySelector(`[data-key="${answer.key}"]`);
    if (!article) return answerText(answer);
    return [...article.querySelectorAll('.markdown')]
      .map((body) => {
        const copy = body.cloneNode(true) as Element;
        for (const bar of copy.querySelectorAll('.md-code-bar, button')) bar.remove();
        return copy.textContent ?? '';
      })
      .join(' ')
      .replace(/\s+/g, ' ')
      .trim();
  }

  private emit(event: ChatEvent): void {
    this.dispatchEvent(new CustomEvent(`stream-chat-${event.type}`, { detail: event, bubbles: true, composed: true }));
  }

  private refused(message: string): ChatResult {
    return refusedResult(this.messages, message);
  }

  private retryNotice(delayMs: number): string {
    return format(this.text.retrying, { seconds: Math.max(1, Math.round(delayMs / 1000)) });
  }

  private setBusy(busy: boolean): void {
    this.isBusy = busy;
    this.toggleAttribute('busy', busy);
    this.stamp++;
    this.requestUpdate();
  }

  /** Marks an item changed so the list re-renders it (and only it). */
  private touch(item: Item): void {
    item.version++;
    this.requestUpdate();
  }

  private remember(): void {
    if (this.history.length) this.memory.set(this.conversationId, [...this.history]);
  }

  // ——— user actions ———

  private get input(): HTMLTextAreaElement | null {
    return this.renderRoot?.querySelector('textarea[part="input"]') ?? null;
  }

  private get launcher(): HTMLButtonElement | null {
    return this.renderRoot?.querySelector('[part="launcher"]') ?? null;
  }

  private readonly onInput = (event: InputEvent) => {
    const area = event.target as HTMLTextAreaElement;
    this.draft = area.value;
    this.canSend = this.draft.trim().length > 0;
    this.fitInput(area);
    this.draftChanged(this.draft);
  };

  /** Grows the message box with its text, up to the max height set in CSS. */
  private fitInput(area: HTMLTextAreaElement): void {
    area.style.blockSize = 'auto';
    area.style.blockSize = `${area.scrollHeight}px`;
  }

  /** Sets the message box's text (a restored draft, a failed edit). */
  protected setDraft(text: string): void {
    this.draft = text;
    this.canSend = text.trim().length > 0;
    const area = this.input;
    if (area) {
      area.value = text;
      this.fitInput(area);
    }
  }

  private readonly submit = () => {
    const text = this.draft.trim();
    if (!text || this.isBusy) return;
    if (!this.confirmSend(text)) return; // the host said no: the text stays in the box
    this.setDraft('');
    this.draftChanged('');
    void this.sendConfirmed(text);
  };

  private readonly sendPrompt = (text: string) => {
    if (this.confirmSend(text)) void this.sendConfirmed(text);
  };

  private readonly retry = () => {
    this.chatError = undefined;
    void this.regenerate();
  };

  private async copy(item: Item): Promise<void> {
    const text = item.kind === 'user' ? item.text : answerText(item);
    try {
      await navigator.clipboard.writeText(text);
    } catch {
      return; // no clipboard permission: nothing to confirm
    }
    this.copiedKey = item.key;
    this.stamp++;
    clearTimeout(this.copiedTimer);
    this.copiedTimer = setTimeout(() => {
      this.copiedKey = undefined;
      this.stamp++;
    }, COPIED_MS);
  }

  private decide(call: ToolCallState, approved: boolean): void {
    if (approved) call.approve?.();
    else {
      call.deny?.();
      call.status = 'denied';
    }
    call.approve = call.deny = undefined;
    const owner = this.items.find(
      (item) => item.kind === 'assistant' && item.segments.some((s) => s.kind === 'tool' && s.call === call),
    );
    if (owner) this.touch(owner);
  }

  private readonly onKeydown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && this.mode === 'popup' && this.opened) {
      event.stopPropagation();
      this.close();
    }
  };

  /** The list's actions: created once, so guarded bubbles keep working handlers. */
  private readonly listActions: Pick<
    ListContext,
    'copy' | 'startEdit' | 'submitEdit' | 'cancelEdit' | 'regenerate' | 'decide' | 'toolArgs' | 'isSendKey' | 'sendPrompt'
  > = {
    copy: (item) => void this.copy(item),
    startEdit: (item) => {
      this.editingKey = item.key;
      this.stamp++;
      this.updateComplete.then(() =>
        this.renderRoot.querySelector<HTMLTextAreaElement>('[part="edit-input"]')?.focus(),
      );
    },
    submitEdit: (item, text) => {
      const content = text.trim();
      if (!this.confirmSend(content)) return;
      this.editingKey = undefined;
      this.stamp++;
      void this.sendConfirmed(content, item);
    },
    cancelEdit: () => {
      this.editingKey = undefined;
      this.stamp++;
    },
    regenerate: () => void this.regenerate(),
    decide: (call, approved) => this.decide(call, approved),
    toolArgs: {
      schemaOf: (name) => this.tools?.find((tool) => tool.name === name)?.parameters,
      strings: () => this.objectStrings(),
    },
    isSendKey,
    sendPrompt: (text) => this.sendPrompt(text),
  };

  // ——— rendering ———

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('strings') || changed.has('showUsage') || changed.has('currency')) this.stamp++;
  }

  /** Extra content for the header, next to "New conversation" (the history layer's list button). */
  protected renderHeaderExtras(): unknown {
    return this.historyController.renderList({ newButton: false });
  }

  protected override render() {
    const strings = this.text;
    const lastAnswer = this.items.findLast((item) => item.kind === 'assistant');
    return renderPanel({
      list: {
        ...this.listActions,
        strings,
        busy: this.isBusy,
        lastAnswerKey: lastAnswer?.key,
        editingKey: this.editingKey,
        copiedKey: this.copiedKey,
        showUsage: this.showUsage,
        currency: this.currency,
        locale: this.closest('[lang]')?.getAttribute('lang') ?? '',
        now: this.toolClock.now,
        markdown: this.markdownOptions(strings),
        welcome: this.welcome ?? '',
        starterPrompts: this.starterPrompts ?? [],
        stamp: this.stamp,
      },
      composer: {
        strings,
        placeholder: this.placeholder ?? strings.placeholder,
        busy: this.isBusy,
        canSend: this.canSend,
        submit: this.submit,
        stop: () => this.stop(),
        input: this.onInput,
      },
      items: this.items,
      popup: this.mode === 'popup',
      opened: this.opened,
      heading: this.heading ?? strings.heading,
      busy: this.isBusy,
      following: this.following,
      notice: this.notice,
      error: this.chatError,
      announcement: this.announcement,
      headerExtras: this.renderHeaderExtras(),
      historyNotices: this.historyController.renderNotices(),
      toggle: () => (this.opened ? this.close() : this.open()),
      close: () => this.close(),
      newConversation: () => void this.newConversation(),
      jumpToEnd: () => this.follower.jumpToEnd(),
      retry: this.retry,
      dismissError: () => (this.chatError = undefined),
      keydown: this.onKeydown,
    });
  }

  protected override updated(): void {
    const scroller = this.renderRoot.querySelector<HTMLElement>('.transcript');
    const content = scroller?.querySelector<HTMLElement>('.content');
    if (scroller && content) this.follower.observe(scroller, content);
  }
}
