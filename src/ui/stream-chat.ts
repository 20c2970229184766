/**
 * `<stream-chat>`: the chat element. This file defines the class only (no side effect on import);
 * `define.ts` registers the tag. The element holds no network or parsing logic: a turn is one
 * `runChat` call run by the turn controller (turn-controller.ts); the stored history is the history
 * controller's (history-controller.ts). The element keeps the properties, public methods, template and
 * the wiring between them.
 */
import { html, LitElement, ReactiveElement, type PropertyDeclarations, type PropertyValues } from 'lit';
import type { ChatMessage, ChatResult, McpServerOptions, ModelPrice, ProviderName, RequestHook, RunChatOptions, Schema, Tool } from '../core/index.js';
// Direct, not through core's entry: the element's first load must not pull the engine in (unwrap.ts has no imports).
import { toRaw } from '../core/unwrap.js';
import type { FenceRenderers, MarkdownOptions, ObjectViewStrings } from '../render/index.js';
import { promptsConverter, type ChatMode, type ChatTheme, type StorageKind, type SystemPrompt } from './chat-types.js';
import { prepareFile, refusal, type PreparedFile } from './attachment-files.js';
import { AttachmentTray } from './attachment-tray.js';
import { isSendKey } from './composer.js';
import { Dictation } from './dictation.js';
import { canSpeak, ReadAloud } from './read-aloud.js';
import { PartsPrefetcher } from './parts-prefetcher.js';
import { PartStyles } from './part-styles.js';
import { ConversationViewLoader } from './conversation-view-loader.js';
import { TrustedTypesNotice } from './trusted-types-notice.js';
import { HistoryController } from './history-controller.js';
import { renderHistoryList, renderHistoryNotices } from './history-view.js';
import type { ListContext } from './message-list.js';
import type { ObjectBodyOptions, ObjectRenderer } from './object-body.js';
import { renderPanel } from './panel-view.js';
import { createShell, shellKey, shellPartOf, type ShellView } from './panel-shell.js';
import { modelLabel, renderModelPicker, type ModelChoice } from './model-picker.js';
import { ScrollFollower } from './scroll-follower.js';
import { defaultStrings, type Strings } from './strings.js';
import { styles } from './styles.js';
import { TurnController } from './turn-controller.js';
import { refusedResult } from './turn-results.js';
import { answerText, type AssistantItem, type Item } from './view-model.js';
import { feedbackPart } from './answer-actions.js';
import { markdownPart, plainTextPart } from '../render/index.js';

/** How long the "Copied" check stays. */
const COPIED_MS = 1500;

/** What ends the first paint's static shell (panel-shell.ts): the visitor is about to use the chat. */
const SHELL_INTENT = ['pointerover', 'focusin', 'touchstart', 'click'] as const;

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
 * @fires stream-chat-attachment-refused - Files were not attached (type outside `accept`, too many, too large). Detail: `{ message, files }`.
 * @fires stream-chat-voice-error - Dictation or reading aloud stopped on a failure (a refused microphone, no speech heard, the speech service unreachable, synthesis failed). Detail: `{ source: 'dictation' | 'read-aloud', error, message }` (`error`: the browser's code).
 * @fires stream-chat-start - A turn started. Detail: the engine's `start` event.
 * @fires stream-chat-text - Text arrived. Detail: `{ delta, text, step }`.
 * @fires stream-chat-tool-call - A tool call's arguments are streaming. Detail: `{ id, name, argsText, args, step, remote? }` (`remote: true`: the backend runs it, never the page).
 * @fires stream-chat-tool-approval - A tool waits for approval. Detail: `{ id, name, args, approve(), deny(reason?) }`.
 * @fires stream-chat-tool-start - A tool started running.
 * @fires stream-chat-tool-end - A tool finished. Detail: `{ id, name, args, result?, error?, durationMs, remote? }`.
 * @fires stream-chat-reasoning - The model's visible reasoning streaming in. Detail: `{ delta, text, step }`.
 * @fires stream-chat-source - A source the answer cites, once per URL. Detail: `{ url, title?, step }`.
 * @fires stream-chat-state - An agent's shared state (AG-UI). Detail: `{ value }`.
 * @fires stream-chat-progress - A backend's progress. Detail: `{ step?, iteration?, totalTokens?, costUsd? }`.
 * @fires stream-chat-step-end - A step that ran tools ended. Detail: `{ step, messages }` (its assistant message and tool results, as added to the history).
 * @fires stream-chat-object - The structured value so far. Detail: `{ value, complete, issues }`.
 * @fires stream-chat-usage - Token usage of a step, and the turn's total (with cost when priced).
 * @fires stream-chat-retry - The engine retries. Detail: `{ attempt, delayMs, error }`.
 * @fires stream-chat-fallback - The model failed for good before answering; the next of `fallbackModels` is asked. Detail: `{ from, to, error, step }`.
 * @fires stream-chat-checkpoint - With `resumable`: the background response moved on. Detail: `{ responseId, sequence, text, step }` (stored with the draft, to resume after a reload).
 * @fires stream-chat-notice - Something to know that did not stop the answer (an MCP server that could not be reached). Detail: `{ message, source }`.
 * @fires stream-chat-error - Something failed. Detail: `{ error: { kind, message, retryable, status?, option? }, text }` (kind `config`: a mistake in the options, named by `option`; nothing was sent).
 * @fires stream-chat-end - The turn ended. Detail: `{ message, finishReason, usage, durationMs, object?, error? }`.
 * @fires stream-chat-rendered - Follows `stream-chat-end` once the whole answer is on screen (the smoothed text has caught up): read or capture the DOM here. Detail: `{ message, finishReason }`.
 * @fires stream-chat-storage-error - The history could not be read or written.
 * @fires stream-chat-branch - The version shown of an edited question or a regenerated answer changed (the user switched). Detail: `{ messageId, index, count }` (`messageId`: `<conversationId>:<position>`, the message's place in the conversation from 0; `index`: the version now shown, from 0).
 * @fires stream-chat-renderer-error - A fence renderer (`renderers`) threw, rejected or took longer than 10 s; its code block is shown with a notice. Detail: `{ language, message }`.
 * @fires stream-chat-feedback - The reader rated an answer (thumbs up or down), or added a comment to the rating. Detail: `{ messageId, rating: 'up' | 'down', comment? }` (`messageId`: `<conversationId>:<index of the message in the history>`). The rating is stored with the message.
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
 * @csspart reasoning - The model's reasoning above its answer, a `<details>` open while it thinks and folded once the answer starts; `reasoning-summary` ("Thinking…", "Thought for 4 s") and `reasoning-text` (plain text) inside.
 * @csspart sources - What an answer cites, under it: numbered pills, each a `source` (a link in a new tab for http(s) addresses, text otherwise) with the title and the host.
 * @csspart note - "Stopped" / "Interrupted" under a cut answer.
 * @csspart cut-note - Under an answer the model stopped at its length limit (also `note`); holds `continue-cut-button`.
 * @csspart continue-cut-button - Asks the model to go on after an answer cut at its length limit.
 * @csspart filtered-note - Under an answer the provider's content filter stopped (also `note`).
 * @csspart usage - The usage line (`show-usage`).
 * @csspart progress - A backend's progress under its answer (step, iteration, tokens, cost).
 * @csspart message-actions - The row of message buttons.
 * @csspart copy-button - Copies a message.
 * @csspart read-aloud-button - Reads an answer aloud, and stops (only with `read-aloud`; `aria-pressed` while reading).
 * @csspart edit-button - Edits a user message (resend keeps the earlier version and what followed it as a version).
 * @csspart regenerate-button - Asks again for the last answer (the earlier answer stays as a version).
 * @csspart versions - `‹ 2 / 3 ›` on a message with several versions (edited, regenerated); `previous-version-button`, `version-position`, `next-version-button` inside. Disabled while an answer streams.
 * @csspart editor - The edit form; `edit-input`, `save-edit-button`, `cancel-edit-button` inside.
 * @csspart tool-call - One tool call; `tool-name`, `tool-status`, `tool-arguments`, `tool-result`, `tool-error` inside; `tool-remote` marks a tool the backend ran (`data-remote`).
 * @csspart approve-button - Lets a tool run.
 * @csspart deny-button - Refuses a tool call.
 * @csspart empty - The empty state: `welcome` and `starter-prompts` (each a `starter-prompt` button).
 * @csspart jump-button - "Jump to latest", while the reader is scrolled up.
 * @csspart notice - Retry notice ("retrying in 2 s").
 * @csspart error - The error banner; `error-message`, `retry-button`, `dismiss-button` inside.
 * @csspart view-loading - Holds the messages' place while their templates (a part loaded with the first message) download; `view-error` with a `view-retry-button` if they cannot be.
 * @csspart composer - The form at the bottom.
 * @csspart input - The message box.
 * @csspart send-button - Sends the message.
 * @csspart attach-button - The paperclip (only with `accept`).
 * @csspart attachments - A list of attachment previews (in the composer and in a sent message).
 * @csspart attachment - One preview: a thumbnail for an image, a name and size chip otherwise.
 * @csspart attachment-remove - Removes a file from the composer before it is sent.
 * @csspart attachment-error - Why files were refused.
 * @csspart stop-button - Stops the answer (replaces `send-button` while busy).
 * @csspart voice-button - The microphone: starts and stops dictation (only with `voice`, where the browser can transcribe; `aria-pressed` while listening).
 * @csspart voice-notice - Why dictation or reading aloud stopped (a refused microphone, no speech heard…).
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
    accept: { type: String },
    voice: { type: Boolean },
    readAloud: { type: Boolean, attribute: 'read-aloud' },
    resumable: { type: Boolean },
    theme: { type: String, reflect: true },
    welcome: { type: String },
    starterPrompts: { attribute: 'starter-prompts', converter: promptsConverter },
    showUsage: { type: Boolean, attribute: 'show-usage' },
    maxSteps: { type: Number, attribute: 'max-steps' },
    maxRetries: { type: Number, attribute: 'max-retries' },
    idleTimeoutMs: { type: Number, attribute: 'idle-timeout-ms' },
    temperature: { type: Number },
    continuationMode: { type: String, attribute: 'continuation-mode' },
    currency: { type: String },
    opened: { type: Boolean, reflect: true, attribute: 'open' },
    apiKey: { attribute: false },
    headers: { attribute: false },
    request: { attribute: false },
    tools: { attribute: false },
    mcpServers: { attribute: false },
    models: { attribute: false },
    fallbackModels: { attribute: false },
    schema: { attribute: false },
    context: { attribute: false },
    renderObject: { attribute: false },
    strings: { attribute: false },
    prices: { attribute: false },
    allowedImageOrigins: { attribute: false },
    renderers: { attribute: false },
    following: { state: true, attribute: false },
    editingKey: { state: true, attribute: false },
    copiedKey: { state: true, attribute: false },
    canSend: { state: true, attribute: false },
  };

  /** `openai` (Chat Completions, default), `openai-responses`, `ag-ui` (an AG-UI agent), `ai-sdk` (an AI SDK UI message stream route), `sse` or `websocket`. */
  declare provider: ProviderName;
  /** OpenAI-compatible base URL (a proxy, a local server), absolute or relative to the page (`/v1`). */
  declare baseUrl: string | undefined;
  /** URL of an AG-UI, AI SDK, SSE or WebSocket backend, absolute or relative to the page (`/api/chat`). */
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
  /** Files a user may attach, as `<input accept>` reads it (`image/*,.pdf,.txt`); absent: no attach button. */
  declare accept: string | undefined;
  /** A microphone button for dictation, where the browser can transcribe speech (absent where it cannot). */
  declare voice: boolean;
  /** A button on each answer that reads it aloud with the browser's speech synthesis. */
  declare readAloud: boolean;
  /**
   * With `provider="openai-responses"`: answers run as background responses on the server, and one
   * that was streaming when the page closed goes on streaming into its bubble after a reload. Stop
   * cancels it on the server.
   */
  declare resumable: boolean;
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
  /**
   * How `continue()` asks for the rest of a cut answer: `instruction` (default; any server) or `prefix`
   * (the cut answer sent last as an assistant prefix: DeepSeek, Mistral, vLLM, llama.cpp).
   */
  declare continuationMode: 'instruction' | 'prefix' | undefined;
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
  /**
   * Shapes the request of an `ag-ui`, `ai-sdk`, `sse` or `websocket` backend:
   * `({ messages, prompt, model, conversationId, context }) => ({ url?, method?, headers?, body? })`.
   */
  declare request: RequestHook | undefined;
  /** Page tools the model may call: `{ name, description, parameters: zodSchema, execute(args, { signal, context }), needsApproval? }`. */
  declare tools: Tool[] | undefined;
  /** MCP servers over Streamable HTTP whose tools the model may call: `[{ url, name?, headers?, needsApproval? }]` (approval asked by default). */
  declare mcpServers: McpServerOptions[] | undefined;
  /** Models the user may choose from, in a picker in the header: `[{ id, label? }]`. The choice is `model`, kept per conversation. */
  declare models: ModelChoice[] | undefined;
  /** Models tried in order when the current one fails for good before answering; the answer says which one did. */
  declare fallbackModels: string[] | undefined;
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
  /**
   * Show a closed code fence of a language as something else: `{ mermaid: (code, { signal }) => Node |
   * Promise<Node> }`. Runs once the fence closes; `signal` aborts after 10 s, or when the answer leaves
   * the screen. The node is sanitized (SVG and HTML, nothing that runs or loads); a renderer that fails
   * leaves the code with a notice and fires `stream-chat-renderer-error`.
   */
  declare renderers: FenceRenderers | undefined;

  declare protected editingKey: string | undefined;
  declare protected copiedKey: string | undefined;
  declare protected canSend: boolean;
  declare protected following: boolean;

  private draft = '';
  private copiedTimer?: ReturnType<typeof setTimeout>;
  /** Bumped when anything every bubble depends on changes; see message-list.ts. */
  private stamp = 0;
  /**
   * Popup mode: the panel's contents are rendered from the first time it opens on (and kept, with the
   * draft and the scroll position). A closed popup's page load pays for the launcher only.
   */
  private panelShown = false;
  /**
   * The first paint, static markup without listeners (panel-shell.ts), while the chat is
   * empty and untouched; Lit renders the panel from the first intent, state or `updateComplete` on.
   */
  private shell: ChildNode[] | undefined;
  /** The texts the shell shows (it is drawn again only when they change). */
  private shellKey = '';
  /** Rendered by Lit from now on (the shell is never painted again). */
  private awake = false;
  private mergedStrings?: { from: Partial<Strings>; merged: Strings };
  private cachedMarkdown?: { strings: Strings; origins: string[] | undefined; renderers?: FenceRenderers; options: MarkdownOptions };
  private readonly follower = new ScrollFollower(this, (stuck) => (this.following = stuck));
  /** The stored history: conversations, drafts while an answer streams, other tabs. */
  readonly historyController: HistoryController;
  /** The transcript and the running turn. */
  private readonly turns: TurnController;
  /** Downloads the lazily loaded parts (markdown, engine, provider) on intent: pointer, focus, touch. */
  private readonly prefetcher = new PartsPrefetcher(this);
  /** The CSS of the markdown and object view parts, adopted when they arrive. */
  private readonly partStyles = new PartStyles(this);
  /** The messages' templates, loaded when the first message must be shown. */
  private readonly viewLoader = new ConversationViewLoader(this);
  /** Files waiting in the composer. */
  private readonly tray = new AttachmentTray(this);
  /** The microphone button's dictation into the message box (`voice`). */
  private readonly dictation = new Dictation(this, {
    text: () => this.draft,
    show: (text) => this.setDraft(text),
    lang: () => this.speechLang(),
    strings: () => this.text,
  });
  /** The answers' read-aloud buttons (`read-aloud`). */
  private readonly reader = new ReadAloud(this, {
    root: () => this.renderRoot,
    items: () => this.turns.items,
    lang: () => this.speechLang(),
    strings: () => this.text,
  });

  constructor() {
    super();
    this.provider = 'openai';
    this.storage = 'indexeddb';
    this.mode = 'inline';
    this.conversationId = newConversationId();
    this.starterPrompts = [];
    this.showUsage = false;
    this.voice = false;
    this.readAloud = false;
    this.resumable = false;
    this.currency = 'USD';
    this.opened = false;
    this.following = true;
    this.canSend = false;
    // Created last: it reads the generated conversation id to tell it from one the page sets.
    this.historyController = new HistoryController(this, {
      announce: (text) => ((this.turns.announcement = text), this.requestUpdate()),
      resume: {
        options: () => (this.resumable && this.provider === 'openai-responses' ? this.runOptions([]) : undefined),
        run: (point) => this.turns.continueAnswer(point),
      },
      // A closed popup shows no history: it is read on intent (pointer, focus, touch) or when it opens.
      dormant: () => this.mode === 'popup' && !this.opened,
    });
    this.turns = new TurnController(this, {
      history: this.historyController,
      runOptions: (messages, signal) => this.runOptions(messages, signal),
      strings: () => this.text,
      objectOptions: () => (this.schema ? this.objectOptions : undefined),
      followEnd: () => this.follower.jumpToEnd(),
      spokenText: (answer) => this.spokenText(answer),
      modelLabel: (id) => modelLabel(this.models, id),
    });
    // Says so when the page's Trusted Types policy keeps answers from rendering as HTML.
    new TrustedTypesNotice(this, (error) => this.turns.reportProblem(error));
    for (const type of SHELL_INTENT) this.addEventListener(type, this.wakeOnIntent, { capture: true, passive: type !== 'click' });
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
    return this.turns.busy;
  }

  /** A copy of the conversation's history. Read-only. */
  get messages(): ChatMessage[] {
    return this.turns.messages;
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
    schema: toRaw(this.schema),
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
    const cached = this.cachedMarkdown;
    if (cached?.strings === strings && cached.origins === this.allowedImageOrigins && cached.renderers === this.renderers) {
      return cached.options;
    }
    const options: MarkdownOptions = {
      allowedImageOrigins: this.allowedImageOrigins,
      renderers: this.renderers,
      // The markdown part reads the strings it knows by name (copied, loadImage, rendererFailed...).
      strings: { ...strings, copy: strings.copyCode, copyLabel: strings.copyCodeLabel },
    };
    this.cachedMarkdown = { strings, origins: this.allowedImageOrigins, renderers: this.renderers, options };
    return options;
  }

  /** The engine's options for one turn, from the element's properties. */
  private runOptions(messages: ChatMessage[], signal?: AbortSignal): RunChatOptions {
    return {
      provider: this.provider,
      baseURL: this.baseUrl || undefined,
      endpoint: this.endpoint || undefined,
      apiKey: this.apiKey || undefined,
      model: this.model || undefined,
      headers: this.headers,
      request: this.request,
      conversationId: this.conversationId,
      messages,
      system: this.systemPrompt || undefined,
      context: this.context,
      tools: this.tools?.length ? this.tools : undefined,
      mcpServers: this.mcpServers?.length ? this.mcpServers : undefined,
      fallbackModels: this.fallbackModels?.length ? this.fallbackModels : undefined,
      schema: this.schema,
      signal,
      maxSteps: this.maxSteps,
      maxRetries: this.maxRetries,
      idleTimeoutMs: this.idleTimeoutMs,
      temperature: this.temperature,
      prices: this.prices,
      continuationMode: this.continuationMode,
      background: this.resumable && this.provider === 'openai-responses',
    };
  }

  // ——— public methods ———

  /** Sends `text` as if the user typed it. Resolves when the turn ends, also on error; never rejects. */
  async send(text: string, options: { attachments?: File[] } = {}): Promise<ChatResult> {
    const files = options.attachments ?? [];
    if (!files.length) return this.turns.send(text);
    // Files sent from code pass the same limits; without `accept` any type is taken.
    const refused = refusal(files, 0, this.accept ?? '*');
    if (refused) return refusedResult(this.turns.messages, refused);
    let prepared: PreparedFile[];
    try {
      prepared = await Promise.all(files.map(prepareFile));
    } catch {
      return refusedResult(this.turns.messages, 'A file could not be read.');
    }
    return this.turns.send(text, prepared);
  }

  /** Stops the running turn (and reading aloud); the partial answer stays. */
  stop(): void {
    this.reader.stop();
    this.turns.stop();
  }

  /** Asks again for the last answer (drops it first). */
  regenerate(): Promise<ChatResult> {
    return this.turns.regenerate();
  }

  /**
   * Extends the last answer in place when it was cut (stopped, a dropped connection, the token limit):
   * the model writes what follows, in the same bubble, with no visible message (see `continuation-mode`).
   */
  continue(): Promise<ChatResult> {
    return this.turns.continueAnswer();
  }

  /** Starts a new, empty conversation (the current one stays stored). */
  async newConversation(): Promise<void> {
    await this.turns.settle();
    this.conversationId = newConversationId();
    this.editingKey = undefined;
    await this.turns.showEmpty(this.conversationId);
  }

  /** Opens a stored conversation. */
  async openConversation(id: string): Promise<void> {
    await this.turns.settle();
    this.conversationId = id;
    await this.turns.open(id);
    this.editingKey = undefined;
    // The model the conversation was last answered with, when the user may choose it.
    const model = this.historyController.conversations.find((c) => c.id === id)?.model;
    if (model && this.models?.some((m) => m.id === model)) this.model = model;
  }

  /** Empties the current conversation. */
  async clear(): Promise<void> {
    await this.turns.settle();
    this.editingKey = undefined;
    await this.turns.showEmpty(this.conversationId);
  }

  /**
   * Adds a conversation's earlier messages before the ones shown, without moving the reader's view: at
   * the end it stays at the end (the follower keeps it there); elsewhere the same lines stay in view.
   */
  prependMessages(messages: ChatMessage[]): void {
    if (!messages.length) return;
    const scroller = this.renderRoot.querySelector<HTMLElement>('[part~="transcript"]');
    const fromEnd = scroller ? scroller.scrollHeight - scroller.scrollTop : 0;
    this.turns.prepend(messages);
    this.editingKey = undefined;
    if (scroller && !this.follower.stuck) {
      void this.updateComplete.then(() => (scroller.scrollTop = scroller.scrollHeight - fromEnd));
    }
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

  /** The answer's rendered text, without the code blocks' toolbars. */
  private spokenText(answer: AssistantItem): string {
    const article = this.renderRoot.querySelector(`[data-key="${answer.key}"]`);
    // Part of the markdown part (loaded once an answer is shown): nothing on the first load.
    const spoken = markdownPart.loaded?.spokenText;
    if (!article || !spoken) return answerText(answer).slice(0, 2_000);
    return spoken(article.querySelectorAll('.markdown'));
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
    this.dictation.edited(this.draft);
  };

  /** The language spoken and read aloud: the element's (`lang` on it or an ancestor), else the browser's. */
  private speechLang(): string {
    return this.closest('[lang]')?.getAttribute('lang') ?? '';
  }

  /** Grows the message box with its text, up to the max height set in CSS. */
  private fitInput(area: HTMLTextAreaElement): void {
    area.style.blockSize = 'auto';
    area.style.blockSize = `${area.scrollHeight}px`;
  }

  /** Sets the message box's text. */
  private setDraft(text: string): void {
    this.draft = text;
    this.canSend = text.trim().length > 0;
    const area = this.input;
    if (area) {
      area.value = text;
      this.fitInput(area);
    }
  }

  private readonly submit = async () => {
    const text = this.draft.trim();
    const tray = this.tray;
    if ((!text && !tray.files.length && !tray.busy) || this.turns.busy) return;
    if (tray.busy) await tray.ready(); // an image still shrinking goes with this message
    if (!this.turns.confirm(text)) return; // refused: the text and files stay in the box
    this.dictation.stop();
    this.reader.stop();
    this.setDraft('');
    void this.turns.sendConfirmed(text, undefined, tray.take());
  };

  /** Copies a message's text; an answer `asText`: as it reads on screen, without markdown syntax. */
  private async copy(item: Item, asText = false): Promise<void> {
    const plain = asText ? await plainTextPart.load().catch(() => undefined) : undefined;
    const bodies = this.renderRoot.querySelectorAll(`[data-key="${item.key}"] .markdown`);
    const text = item.kind === 'user' ? item.text : plain ? plain.plainText(bodies) : answerText(item);
    try {
      await navigator.clipboard.writeText(text);
    } catch {
      return; // no clipboard permission: nothing to confirm
    }
    this.copiedKey = asText ? `${item.key}:text` : item.key;
    this.stamp++;
    clearTimeout(this.copiedTimer);
    this.copiedTimer = setTimeout(() => {
      this.copiedKey = undefined;
      this.stamp++;
    }, COPIED_MS);
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
    | 'copy'
    | 'copyText'
    | 'rate'
    | 'startEdit'
    | 'submitEdit'
    | 'cancelEdit'
    | 'regenerate'
    | 'renderFailed'
    | 'continueCut'
    | 'decide'
    | 'toolArgs'
    | 'isSendKey'
    | 'sendPrompt'
  > = {
    copy: (item) => void this.copy(item),
    copyText: (item) => void this.copy(item, true),
    rate: (item, feedback) =>
      void feedbackPart.load().then((part) => {
        part.applyFeedback(this, this.turns.history, item, feedback, (index, value) => this.historyController.setFeedback(index, value));
        this.requestUpdate();
      }, () => {}),
    startEdit: (item) => {
      this.editingKey = item.key;
      this.stamp++;
      this.updateComplete.then(() =>
        this.renderRoot.querySelector<HTMLTextAreaElement>('[part="edit-input"]')?.focus(),
      );
    },
    submitEdit: (item, text) => {
      if (!this.turns.edit(item, text)) return;
      this.editingKey = undefined;
      this.stamp++;
    },
    cancelEdit: () => {
      this.editingKey = undefined;
      this.stamp++;
    },
    regenerate: () => void this.turns.regenerate(),
    renderFailed: (item, cause) => this.turns.renderFailed(item, cause),
    continueCut: () => void this.historyController.continueAnswer(),
    decide: (call, approved) => this.turns.decide(call, approved),
    toolArgs: {
      // Out of any framework proxy (a Vue ref), as the engine reads them: zod cannot be read through one.
      schemaOf: (name) => toRaw(toRaw(this.tools)?.find((tool) => toRaw(tool).name === name)?.parameters),
      strings: () => this.objectStrings(),
    },
    isSendKey,
    sendPrompt: (text) => void this.turns.send(text),
  };

  // ——— rendering ———

  /**
   * The first paint of an empty, idle chat (or a closed popup's launcher) is the static shell
   * (panel-shell.ts), not Lit's templates: a visitor who never uses the chat does not pay for them. Any
   * state the shell cannot show (a message, a stored conversation, a notice, an open popup, options that
   * add controls) renders with Lit.
   */
  protected override update(changed: PropertyValues<this>): void {
    if (!this.awake && this.shellFits()) {
      // ReactiveElement's own update (LitElement's would render the templates): reflects the attributes.
      (ReactiveElement.prototype as unknown as { update(changed: PropertyValues): void }).update.call(this, changed);
      const view = this.shellView();
      const key = shellKey(view);
      // Most updates before the first intent change nothing it shows (the stored list read, still empty).
      if (key === this.shellKey) return;
      const shell = createShell(view);
      for (const node of this.shell ?? []) node.remove();
      this.shell = [...shell.childNodes];
      this.renderRoot.append(shell);
      this.shellKey = key;
      return;
    }
    this.awake = true;
    for (const node of this.shell ?? []) node.remove();
    this.shell = undefined;
    super.update(changed);
  }

  /** True while the element is what the shell draws: empty, idle, nothing to say, no extra controls, not opened. */
  private shellFits(): boolean {
    const { turns, historyController: history, tray } = this;
    const session = history.session;
    return (
      !this.opened &&
      !this.panelShown &&
      !this.models?.length &&
      this.accept == null &&
      !this.voice &&
      !this.starterPrompts?.length &&
      this.following &&
      !this.canSend &&
      turns.items.length === 0 &&
      !turns.busy &&
      !turns.error &&
      !turns.notice &&
      !turns.announcement &&
      !tray.files.length &&
      !tray.error &&
      !this.dictation.notice &&
      !this.reader.notice &&
      !history.status &&
      !history.problem &&
      !session?.waitingForOtherTab &&
      !session?.answeringElsewhere &&
      !session?.interrupted &&
      history.conversations.length === 0
    );
  }

  private shellView(): ShellView {
    const strings = this.text;
    return {
      strings,
      popup: this.mode === 'popup',
      heading: this.heading ?? strings.heading,
      placeholder: this.placeholder ?? strings.placeholder,
      welcome: this.welcome ?? '',
      conversations: this.storage === 'none' ? undefined : `${this.historyController.strings.showConversations} (0)`,
    };
  }

  /**
   * Lit takes over from the shell: at once on an event (the focus or click it carries moves to the same
   * control in Lit's rendering), on the next update otherwise.
   */
  private wake(now: boolean): void {
    if (this.awake) return;
    this.awake = true;
    for (const type of SHELL_INTENT) this.removeEventListener(type, this.wakeOnIntent, { capture: true });
    if (!this.shell) return; // nothing painted yet: the first update renders with Lit
    this.requestUpdate();
    if (now) this.performUpdate();
  }

  private readonly wakeOnIntent = (event: Event) => {
    const part = this.shell && shellPartOf(this.shell, event.composedPath()[0] ?? null);
    this.wake(true);
    if (!part || (event.type !== 'focusin' && event.type !== 'click')) return;
    const target = this.renderRoot.querySelector<HTMLElement>(`[part~="${part}"]`);
    if (!target) return;
    if (event.type === 'click') {
      // The click happened on the shell's control, which is gone: Lit's control gets it instead.
      event.stopImmediatePropagation();
      event.preventDefault();
    }
    const act = (control: HTMLElement) => (event.type === 'focusin' ? control.focus() : control.click());
    // The conversations list is an element of its own: its toggle exists once it has rendered.
    if (target instanceof LitElement) void target.updateComplete.then(() => target.shadowRoot?.querySelector('button') && act(target.shadowRoot.querySelector('button')!));
    else act(target);
  };

  /** Code that waits for the rendering reads Lit's: the shell gives way first. */
  protected override getUpdateComplete(): Promise<boolean> {
    this.wake(false);
    return super.getUpdateComplete();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('strings') || changed.has('showUsage') || changed.has('currency') || changed.has('readAloud')) this.stamp++;
  }

  /**
   * An update that throws (a part of the template failing on an answer's shape) would reject
   * `updateComplete` into the page and leave the turn running behind a frozen view: it ends the
   * running turn with a render error instead, or shows that error when no turn runs.
   */
  protected override scheduleUpdate(): void | Promise<unknown> {
    try {
      return super.scheduleUpdate();
    } catch (cause) {
      this.turns.updateFailed(cause);
    }
  }

  protected override render() {
    const strings = this.text;
    const turns = this.turns;
    const lastAnswer = turns.items.findLast((item) => item.kind === 'assistant');
    this.panelShown ||= this.mode !== 'popup' || this.opened;
    return renderPanel({
      list: {
        ...this.listActions,
        viewLoader: this.viewLoader,
        strings,
        busy: turns.busy,
        lastAnswerKey: lastAnswer?.key,
        editingKey: this.editingKey,
        copiedKey: this.copiedKey,
        showUsage: this.showUsage,
        currency: this.currency,
        locale: this.closest('[lang]')?.getAttribute('lang') ?? '',
        now: turns.toolClock.now,
        markdown: this.markdownOptions(strings),
        readAloud: this.readAloud && canSpeak() ? this.reader : undefined,
        versions: this.historyController.versions,
        welcome: this.welcome ?? '',
        starterPrompts: this.starterPrompts ?? [],
        stamp: this.stamp + this.historyController.branchChanges,
      },
      composer: {
        strings,
        placeholder: this.placeholder ?? strings.placeholder,
        busy: turns.busy,
        canSend: this.canSend || this.tray.files.length > 0,
        submit: () => void this.submit(),
        accept: this.accept ?? undefined,
        tray: this.tray,
        voice: this.voice && this.dictation.available ? this.dictation : undefined,
        voiceNotice: this.dictation.notice || this.reader.notice,
        stop: () => this.stop(),
        input: this.onInput,
      },
      items: turns.items,
      popup: this.mode === 'popup',
      opened: this.opened,
      shown: this.panelShown,
      heading: this.heading ?? strings.heading,
      busy: turns.busy,
      following: this.following,
      notice: turns.notice,
      error: turns.error,
      announcement: turns.announcement,
      headerExtras: html`${renderModelPicker(this.models, this.model, strings.model, (id) => (this.model = id))}${renderHistoryList(
        this.historyController,
        { newButton: false },
      )}`,
      historyNotices: renderHistoryNotices(this.historyController),
      toggle: () => (this.opened ? this.close() : this.open()),
      close: () => this.close(),
      newConversation: () => void this.newConversation(),
      jumpToEnd: () => this.follower.jumpToEnd(),
      retry: () => void this.turns.retry(),
      dismissError: () => this.turns.dismissError(),
      keydown: this.onKeydown,
    });
  }

  protected override updated(): void {
    if (this.shell) return;
    const scroller = this.renderRoot.querySelector<HTMLElement>('.transcript');
    const content = scroller?.querySelector<HTMLElement>('.content');
    if (scroller && content) this.follower.observe(scroller, content);
  }
}
