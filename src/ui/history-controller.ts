/**
 * The stored history of a `<stream-chat>`: a Lit ReactiveController that opens the store for the
 * element's `storage` / `storage-key`, loads the conversation it shows, saves the user's message before
 * the request goes out, saves the streaming answer as a throttled draft, replaces it with the final
 * messages, and keeps tabs in step. It listens to the element's own `stream-chat-*` events for the
 * stream, so the element only calls it at the few points where it must wait for storage.
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { ChatEvent } from '../core/events.js';
import type { ChatMessage } from '../core/messages.js';
import type { ChatResult } from '../core/options.js';
import {
  answeredToolCalls,
  DraftWriter,
  HistoryStore,
  createKeyStore,
  exportJSON,
  exportMarkdown,
  importJSON,
  toChatMessage,
  type ConversationRecord,
  type HistoryChange,
  type KeyStore,
  type MessageRecord,
  type Release,
  type StorageKind,
  type StorageProblem,
} from '../store/index.js';
import { defaultHistoryStrings, defineConversationList, type HistoryStrings } from './conversation-list.js';

/** What the controller needs from its element (`<stream-chat>` has all of it). */
export interface HistoryHost extends ReactiveControllerHost, HTMLElement {
  conversationId: string;
  storage?: StorageKind;
  storageKey?: string;
  model?: string;
  strings?: Partial<HistoryStrings> | object;
  readonly messages: ChatMessage[];
  readonly busy: boolean;
  openConversation(id: string): Promise<void>;
  newConversation(): Promise<void>;
  regenerate(): Promise<unknown>;
  send(text: string): Promise<unknown>;
  /** Adds a conversation's earlier messages before the ones shown (the last screen came first). */
  prependMessages(messages: ChatMessage[]): void;
}

export interface HistoryControllerOptions {
  /** Storage problems (fallback to memory, corrupt records). Default: `stream-chat-storage-error` on the host. */
  onProblem?: (problem: StorageProblem) => void;
  /** Milliseconds between two draft writes while an answer streams. Default 1000. */
  draftIntervalMs?: number;
  /** Replaces the store (tests). */
  createStore?: (storage: StorageKind, storageKey: string | undefined) => HistoryStore;
}

/**
 * Messages read first when a conversation opens: more than a screen, so the view is full and at its end
 * at once; the earlier ones follow in one read (see load()).
 */
export const FIRST_SCREEN_MESSAGES = 40;

/** A forced draft write (a block closed) is skipped if the last write is younger than this. */
const BLOCK_WRITE_GAP_MS = 250;

interface Turn {
  id: string;
  /** History length when the turn started: what follows is the turn's output. */
  base: number;
  draft: Promise<MessageRecord | null>;
  writer?: DraftWriter;
  text: string;
  lastForced: number;
  release: Release | null;
  /** The stored history already matches what is sent (saveUserMessage did it). */
  synced: boolean;
  /** The current step's tool calls as they streamed (id -> name and raw arguments), in order. */
  calls: Map<string, { name: string; args: string }>;
  /** The current step's tool results, by call id. */
  results: Map<string, ChatMessage>;
  /** Call ids whose assistant message and results are stored already (finished steps). */
  stored: Set<string>;
  /** Finished steps so far: a step's draft gets a writer only while no later step has finished. */
  steps: number;
}

export class HistoryController implements ReactiveController {
  store!: HistoryStore;
  /** "Remember my key": separate from the history (clearing one never clears the other). */
  keyStore!: KeyStore;
  /** Conversations of the namespace, newest first. */
  conversations: ConversationRecord[] = [];
  /** The open conversation's stored messages, with their status. */
  records: MessageRecord[] = [];
  /** True while another tab streams an answer into the open conversation. */
  answeringElsewhere = false;
  /** A short status for the list (import result, export error); cleared on the next action. */
  status = '';
  /** Resolves once the first conversation is loaded (tests and the demo wait for it). */
  ready: Promise<void> = Promise.resolve();
  /**
   * Resolves once the open conversation's earlier messages (read after its last screen) are shown.
   * The element awaits it before a send, so the model is always sent the whole conversation.
   */
  earlier: Promise<void> = Promise.resolve();
  /** True until `earlier` resolves. */
  loadingEarlier = false;

  #turn: Turn | undefined;
  /** The previous turn's final write: the next turn starts after it (and after its lock is released). */
  #finishing: Promise<void> = Promise.resolve();
  #unsubscribe?: () => void;
  #opened = { storage: '' as string, storageKey: '' as string | undefined };
  #initialId: string;
  /** The last answer this page saw fail (its error is on screen already). */
  #failedHere: MessageRecord | undefined;
  /** The conversation last loaded or shown. */
  #shownId: string | undefined;
  #listeners: [string, EventListener][] = [];
  /** Bumped by each load(): an earlier-messages read for a conversation no longer shown is dropped. */
  #loads = 0;

  constructor(
    readonly host: HistoryHost,
    readonly options: HistoryControllerOptions = {},
  ) {
    this.#initialId = host.conversationId;
    defineConversationList();
    host.addController(this);
  }

  get strings(): HistoryStrings {
    return { ...defaultHistoryStrings, ...(this.host.strings as Partial<HistoryStrings> | undefined) };
  }

  get problem(): StorageProblem | null {
    return this.store?.problem ?? null;
  }

  /** The last message, when it is an answer that never finished (reload mid-stream, failure). */
  get interrupted(): MessageRecord | undefined {
    const last = this.records.at(-1);
    // An answer that failed here and now already has the element's error banner (with Retry).
    if (last && last === this.#failedHere) return undefined;
    return last && last.role === 'assistant' && last.status === 'interrupted' ? last : undefined;
  }

  // ——— lifecycle ———

  hostConnected(): void {
    this.#listen('stream-chat-send', (e) => this.#beforeSend(e));
    this.#listen('stream-chat-start', () => this.#turnStarted());
    this.#listen('stream-chat-text', (e) => this.#text((e as CustomEvent<ChatEvent>).detail));
    this.#listen('stream-chat-tool-call', (e) => this.#toolCall((e as CustomEvent<ChatEvent>).detail));
    this.#listen('stream-chat-tool-end', (e) => this.#toolEnd((e as CustomEvent<ChatEvent>).detail));
    this.ready = this.#openStore();
  }

  hostDisconnected(): void {
    for (const [type, listener] of this.#listeners) this.host.removeEventListener(type, listener);
    this.#listeners = [];
    // A removed element writes nothing more: its draft stays as it was, as after a closed tab, and
    // becomes "interrupted" for whoever opens the conversation next.
    const turn = this.#turn;
    this.#turn = undefined;
    void turn?.writer?.close();
    void turn?.release?.();
    this.#unsubscribe?.();
    this.store?.close();
    this.#opened = { storage: '', storageKey: '' };
  }

  /** `storage` or `storage-key` changed: the history moves to the new namespace. */
  hostUpdate(): void {
    if (!this.store) return;
    const { storage = 'indexeddb', storageKey, conversationId } = this.host;
    if (storage !== this.#opened.storage || storageKey !== this.#opened.storageKey) {
      this.store.close();
      this.#unsubscribe?.();
      this.ready = this.#openStore(true);
    } else if (this.#shownId !== undefined && conversationId !== this.#shownId && !this.host.busy) {
      // The page set `conversation-id` (a router, a link): open it. The element's own switches set
      // #shownId first, through load() or conversationShown().
      this.#shownId = conversationId;
      this.ready = this.ready.then(() => this.host.openConversation(conversationId));
    }
  }

  #listen(type: string, listener: EventListener): void {
    this.host.addEventListener(type, listener);
    this.#listeners.push([type, listener]);
  }

  /**
   * Opens the namespace's store and shows a conversation: the one the page asked for (the
   * `conversation-id` attribute or property), else the latest. After a namespace change (another user
   * signed in), never the previous namespace's conversation: the latest of the new one, or a new one.
   */
  async #openStore(switched = false): Promise<void> {
    const storage = this.host.storage ?? 'indexeddb';
    const storageKey = this.host.storageKey || undefined;
    this.#opened = { storage, storageKey: this.host.storageKey };
    const onProblem = (problem: StorageProblem) => {
      if (this.options.onProblem) this.options.onProblem(problem);
      else this.host.dispatchEvent(new CustomEvent('stream-chat-storage-error', { detail: problem, bubbles: true, composed: true }));
      this.host.requestUpdate();
    };
    this.store = this.options.createStore?.(storage, storageKey) ?? new HistoryStore({ storage, storageKey, onProblem });
    this.keyStore = createKeyStore(storageKey, storage);
    this.#unsubscribe = this.store.subscribe((change, remote) => remote && void this.#changedElsewhere(change));
    await this.refreshList();
    if (!switched && (this.host.busy || this.host.messages.length)) return; // a send() that came first wins
    const requested = switched
      ? this.host.conversationId !== this.#shownId
      : this.#shownId !== undefined || this.host.hasAttribute('conversation-id') || this.host.conversationId !== this.#initialId;
    const id = requested ? this.host.conversationId : this.conversations[0]?.id;
    if (id) await this.host.openConversation(id);
    else if (switched) await this.host.newConversation();
  }

  // ——— hooks the element calls ———

  /**
   * Reads a conversation for the element to show: its last screen first, returned at once; the earlier
   * messages follow through `host.prependMessages()` (`earlier` resolves then). They are read in one go
   * right after, rather than when the reader scrolls to the top: the engine must send the whole
   * conversation anyway, and one indexed read of a few hundred records is cheap once the screen is painted.
   */
  async load(id: string): Promise<ChatMessage[]> {
    this.#shownId = id;
    const load = ++this.#loads;
    const last = await this.store.loadMessages(id, { last: FIRST_SCREEN_MESSAGES });
    this.records = await this.store.recoverDrafts(last);
    this.answeringElsewhere = this.records.some((r) => r.status === 'draft') || (await this.store.isAnsweringElsewhere(id));
    this.host.requestUpdate();
    const first = last[0];
    this.loadingEarlier = last.length >= FIRST_SCREEN_MESSAGES && !!first;
    this.earlier = this.loadingEarlier
      ? this.#loadEarlier(id, first.seq, load).finally(() => load === this.#loads && (this.loadingEarlier = false))
      : Promise.resolve();
    return answeredToolCalls(this.records).map(toChatMessage);
  }

  async #loadEarlier(id: string, before: number, load: number): Promise<void> {
    // The last screen is painted first (the element shows what load() returned, then renders).
    await new Promise((resolve) => setTimeout(resolve, 0));
    await this.host.updateComplete;
    if (load !== this.#loads) return;
    const earlier = await this.store.loadMessages(id, { before });
    if (load !== this.#loads || this.host.conversationId !== id || !earlier.length) return;
    this.records = [...earlier, ...this.records];
    // Checked with what follows: a step's results may be on the screen already shown.
    this.host.prependMessages(answeredToolCalls(this.records).slice(0, earlier.length).map(toChatMessage));
  }

  /**
   * The user's message was added: stores the history up to it (and drops stored messages an edit or a
   * regenerate replaced) before the request goes out, holding the conversation's answer lock. Waits if
   * another tab is answering in this conversation.
   */
  async saveUserMessage(history: readonly ChatMessage[]): Promise<void> {
    return this.saveHistory(history);
  }

  /**
   * The history about to be sent, whatever changed it (a new user message, a regenerate or retry that
   * dropped the last answer, an edit): stored first, under the conversation's answer lock.
   */
  async saveHistory(history: readonly ChatMessage[]): Promise<void> {
    await this.#finishing;
    const id = this.host.conversationId;
    const release = (await this.store.acquire(id)) ?? (await this.#waitForOtherTab(id));
    this.#turn = { ...newTurn(), id, base: history.length, release, synced: true };
    await this.#sync(id, history);
  }

  /** Saves the streaming answer: throttled, or at once with `force` (e.g. a block just closed). */
  saveDraft(text: string, options: { force?: boolean } = {}): void {
    const turn = this.#turn;
    if (!turn) return;
    turn.text = text;
    turn.writer?.save(text, options);
  }

  /** A turn ended (done, stopped or failed): the draft is replaced by the turn's messages. */
  finishTurn(result: ChatResult, messages: readonly ChatMessage[]): Promise<void> {
    const turn = this.#turn;
    this.#turn = undefined;
    if (!this.host.isConnected) return Promise.resolve();
    const done = this.#finishing.then(() => this.#finish(turn, result, messages));
    this.#finishing = done.catch(() => undefined);
    return done;
  }

  async #finish(turn: Turn | undefined, result: ChatResult, messages: readonly ChatMessage[]): Promise<void> {
    const id = turn?.id ?? this.host.conversationId;
    try {
      const draft = turn ? await turn.draft : null;
      await turn?.writer?.close();
      // Finished steps are stored already (as they ended): only what came after them replaces the draft.
      const stored = turn?.stored ?? new Set<string>();
      const produced = messages
        .slice(turn?.base ?? messages.length)
        .filter((m) => m.role !== 'assistant' || m.content || m.tool_calls?.length)
        .filter((m) => !(m.role === 'tool' && stored.has(m.tool_call_id ?? '')))
        .filter((m) => !(m.role === 'assistant' && m.tool_calls?.length && m.tool_calls.every((c) => stored.has(c.id))));
      const status = result.finishReason === 'error' ? 'interrupted' : 'final';
      if (draft && produced.length) {
        const written = await this.store.finish(draft, produced, { status, finishReason: result.finishReason, model: this.host.model });
        this.#failedHere = status === 'interrupted' ? written.at(-1) : undefined;
        this.#keep(id, [...this.records.filter((r) => r.seq < draft.seq), ...written]);
      } else if (draft) {
        await this.store.truncate(id, draft.seq);
        this.#keep(id, this.records.filter((r) => r.seq < draft.seq));
      } else await this.#sync(id, messages);
    } finally {
      await turn?.release?.();
      this.answeringElsewhere = false;
    }
    await this.refreshList();
  }

  /** Updates the open conversation's records (if `id` is still the one shown). */
  #keep(id: string, records: MessageRecord[]): void {
    if (id === this.host.conversationId) this.records = records;
    this.host.requestUpdate();
  }

  /** Another conversation is shown. An emptied one (the element's clear()) is deleted from storage. */
  async conversationShown(id: string, messages: readonly ChatMessage[]): Promise<void> {
    this.#shownId = id;
    if (!messages.length && this.records[0]?.conversationId === id) await this.store.deleteConversation(id);
    if (!messages.length) this.records = [];
    this.answeringElsewhere = await this.store.isAnsweringElsewhere(id);
    await this.refreshList();
  }

  // ——— list actions ———

  async refreshList(): Promise<void> {
    this.conversations = await this.store.listConversations();
    this.host.requestUpdate();
  }

  async open(id: string): Promise<void> {
    this.status = '';
    await this.host.openConversation(id);
  }

  async create(): Promise<void> {
    this.status = '';
    await this.host.newConversation();
  }

  async rename(id: string, title: string): Promise<void> {
    if (!title.trim()) return;
    await this.store.renameConversation(id, title);
    await this.refreshList();
  }

  async remove(id: string): Promise<void> {
    await this.store.deleteConversation(id);
    if (id === this.host.conversationId) {
      this.records = [];
      await this.host.newConversation();
    }
    await this.refreshList();
  }

  async clearAll(): Promise<void> {
    await this.store.clearAll();
    this.records = [];
    await this.host.newConversation();
    await this.refreshList();
  }

  /** The open conversation (or all, with `all`) as JSON or Markdown text. */
  async exportText(format: 'json' | 'markdown', all = false): Promise<string> {
    const ids = all ? undefined : [this.host.conversationId];
    return format === 'json' ? exportJSON(this.store, ids) : exportMarkdown(this.store, ids);
  }

  /** Imports an export file; the status says what was imported or exactly what is wrong. */
  async importText(text: string): Promise<boolean> {
    const result = await importJSON(this.store, text);
    this.status = result.ok ? this.strings.imported.replace('{count}', String(result.conversations.length)) : result.message;
    await this.refreshList();
    if (result.ok && result.conversations[0]) await this.host.openConversation(result.conversations[0].id);
    return result.ok;
  }

  /** Continues an interrupted answer (asks the model to go on), or asks for it again. */
  continueAnswer(): Promise<unknown> {
    return this.host.send(this.strings.continuePrompt);
  }

  regenerateAnswer(): Promise<unknown> {
    return this.host.regenerate();
  }

  // ——— streaming ———

  #beforeSend(event: Event): void {
    if (!this.answeringElsewhere) return;
    event.preventDefault(); // the other tab's answer would interleave with this one
    this.status = this.strings.answeringElsewhere;
    this.host.requestUpdate();
  }

  /** The run started: its answer gets a draft record, right after the history it answers. */
  #turnStarted(): void {
    const history = this.host.messages;
    const id = this.host.conversationId;
    // A regenerate sends no user message: its turn (and lock) begins here.
    const turn: Turn =
      this.#turn?.id === id
        ? this.#turn
        : { ...newTurn(), id, base: history.length, synced: false };
    turn.base = history.length;
    this.#turn = turn;
    turn.draft = (async () => {
      await this.#finishing;
      turn.release ??= await this.store.acquire(id);
      if (!turn.synced) await this.#sync(id, history);
      const [draft] = await this.store.append(id, [{ role: 'assistant', content: '' }], { status: 'draft', model: this.host.model });
      this.#keep(id, [...this.records, draft]);
      if (this.#turn !== turn || turn.steps) return draft; // a finished step took this draft already
      turn.writer = new DraftWriter(this.store, draft, { intervalMs: this.options.draftIntervalMs });
      if (turn.text) turn.writer.save(turn.text);
      return draft;
    })().catch(() => null);
  }

  #text(event: ChatEvent): void {
    if (event.type !== 'text' || !this.#turn) return;
    const turn = this.#turn;
    // A blank line closes a markdown block: a good moment to save, unless one was just saved.
    const closed = event.delta.includes('\n\n') && performance.now() - turn.lastForced > BLOCK_WRITE_GAP_MS;
    if (closed) turn.lastForced = performance.now();
    this.saveDraft(event.text, { force: closed });
  }

  #toolCall(event: ChatEvent): void {
    if (event.type !== 'tool-call' || !this.#turn) return;
    this.#turn.calls.set(event.id, { name: event.name, args: event.argsText });
  }

  /** A tool ended: once every call of the step has its result, the step is stored as it is. */
  #toolEnd(event: ChatEvent): void {
    const turn = this.#turn;
    if (event.type !== 'tool-end' || !turn || !turn.calls.has(event.id)) return;
    const content = event.error
      ? JSON.stringify({ error: event.error.message })
      : typeof event.result === 'string'
        ? event.result
        : (JSON.stringify(event.result) ?? 'null');
    // The same tool message the engine adds to the history.
    turn.results.set(event.id, { role: 'tool', tool_call_id: event.id, name: event.name, content });
    if (turn.results.size === turn.calls.size) this.#storeStep(turn);
  }

  /**
   * Stores a finished step (its text with its tool calls, then one result per call) in place of the
   * draft, and opens a new draft for the next step: a reload mid-loop keeps every finished step.
   */
  #storeStep(turn: Turn): void {
    const calls = [...turn.calls].map(([id, call]) => ({ id, type: 'function' as const, function: { name: call.name, arguments: call.args } }));
    const step: ChatMessage[] = [
      { role: 'assistant', content: turn.text || null, tool_calls: calls },
      ...calls.map((call) => turn.results.get(call.id)!),
    ];
    turn.calls = new Map();
    turn.results = new Map();
    const closing = turn.writer?.close();
    turn.writer = undefined; // the next step's text waits for its own draft
    turn.text = '';
    const steps = ++turn.steps;
    const previous = turn.draft;
    turn.draft = (async () => {
      const draft = await previous;
      if (!draft) return null;
      // A writer the draft got after this step ended (steps below keeps that from happening).
      const writer = turn.writer;
      turn.writer = undefined;
      await closing;
      await writer?.close();
      const written = await this.store.finish(draft, step, { status: 'final', model: this.host.model });
      for (const call of calls) turn.stored.add(call.id);
      const [next] = await this.store.append(turn.id, [{ role: 'assistant', content: '' }], { status: 'draft', model: this.host.model });
      this.#keep(turn.id, [...this.records.filter((r) => r.seq < draft.seq), ...written, next]);
      if (this.#turn !== turn || steps !== turn.steps) return next;
      turn.writer = new DraftWriter(this.store, next, { intervalMs: this.options.draftIntervalMs });
      if (turn.text) turn.writer.save(turn.text);
      return next;
    })().catch(() => null);
  }

  /** Makes the stored conversation match `history`: drops what differs, appends what is new. */
  async #sync(id: string, history: readonly ChatMessage[]): Promise<void> {
    // The records in hand are trusted only while the stored count says nobody else wrote: a long
    // conversation is then not read again before each message is sent.
    const cached = this.records;
    const record = await this.store.getConversation(id);
    const fresh =
      !!record &&
      cached.length === record.count &&
      cached.every((r, i) => r.conversationId === id && r.seq === i && r.status === 'final');
    const stored = fresh ? cached : await this.store.loadMessages(id);
    let same = matching(stored, history);
    // What this tab has shown, as it was then: a record changed since (or new) was written elsewhere.
    const known = new Map(cached.filter((r) => r.conversationId === id).map((r) => [r.seq, r.updatedAt]));
    if (stored.slice(same).some((r) => known.get(r.seq) !== r.updatedAt)) {
      // Another tab wrote after what this one has shown: keep its messages, add only ours after them.
      same = stored.length;
      history = history.slice(matching(cached, history));
    } else {
      // An edit or a regenerate here replaced the stored tail.
      if (same < stored.length) await this.store.truncate(id, stored[same].seq);
      history = history.slice(same);
    }
    const appended = history.length ? await this.store.append(id, [...history], { model: this.host.model }) : [];
    this.#keep(id, [...stored.slice(0, same), ...appended]);
    await this.refreshList();
  }

  async #waitForOtherTab(id: string): Promise<Release | null> {
    this.answeringElsewhere = true;
    this.status = this.strings.waitingForOtherTab;
    this.host.requestUpdate();
    const release = await this.store.acquire(id, { wait: true });
    this.answeringElsewhere = false;
    this.status = '';
    // The other tab's answer is stored; #sync keeps it and adds this message after it.
    return release;
  }

  /** Another tab changed something: refresh the list, and the open conversation if it is the one. */
  async #changedElsewhere(change: HistoryChange): Promise<void> {
    const current = this.host.conversationId;
    if ((change.type === 'deleted' && change.id === current) || change.type === 'cleared') {
      if (!this.host.busy) {
        this.records = [];
        await this.host.newConversation();
      }
    } else if (change.type === 'conversation' && change.id === current && !this.#turn) {
      this.answeringElsewhere = !!change.draft || (await this.store.isAnsweringElsewhere(current));
      if (!this.host.busy) await this.host.openConversation(current);
    }
    await this.refreshList();
  }

  // ——— rendering (inside the element's shadow root) ———

  /**
   * The conversations list; nothing with `storage="none"`. `newButton: false` when the host has its
   * own "New conversation" button.
   */
  renderList(options: { newButton?: boolean } = {}) {
    if ((this.host.storage ?? 'indexeddb') === 'none') return nothing;
    return html`<stream-chat-conversations
      part="conversations"
      ?hide-new=${options.newButton === false}
      .conversations=${this.conversations}
      .currentId=${this.host.conversationId}
      .strings=${this.strings}
      .status=${this.status}
      ?disabled=${this.host.busy}
      @conversation-open=${(e: CustomEvent<{ id: string }>) => void this.open(e.detail.id)}
      @conversation-new=${() => void this.create()}
      @conversation-rename=${(e: CustomEvent<{ id: string; title: string }>) => void this.rename(e.detail.id, e.detail.title)}
      @conversation-delete=${(e: CustomEvent<{ id: string }>) => void this.remove(e.detail.id)}
      @conversation-clear=${() => void this.clearAll()}
      @conversation-export=${(e: CustomEvent<{ format: 'json' | 'markdown'; all: boolean }>) => void this.#download(e.detail.format, e.detail.all)}
      @conversation-import=${(e: CustomEvent<{ text: string }>) => void this.importText(e.detail.text)}
    ></stream-chat-conversations>`;
  }

  /** Storage fallback, another tab answering, an interrupted answer (with Continue / Regenerate). */
  renderNotices() {
    const s = this.strings;
    const problem = this.problem;
    const interrupted = !this.host.busy && this.interrupted;
    return html`${problem ? html`<p class="notice storage-notice" part="storage-notice" role="status">${s.storageFallback[problem.reason] ?? problem.message}</p>` : nothing}
      ${this.answeringElsewhere && !this.host.busy ? html`<p class="notice" part="elsewhere-notice" role="status">${s.answeringElsewhere}</p>` : nothing}
      ${interrupted
        ? html`<p class="notice" part="interrupted-notice" role="status">
            ${s.interruptedAnswer}
            <button type="button" part="continue-button" @click=${() => void this.continueAnswer()}>${s.continueAnswer}</button>
            <button type="button" part="regenerate-interrupted-button" @click=${() => void this.regenerateAnswer()}>${s.regenerateAnswer}</button>
          </p>`
        : nothing}`;
  }

  async #download(format: 'json' | 'markdown', all: boolean): Promise<void> {
    const text = await this.exportText(format, all);
    const blob = new Blob([text], { type: format === 'json' ? 'application/json' : 'text/markdown' });
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = `${all ? 'conversations' : 'conversation'}.${format === 'json' ? 'json' : 'md'}`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 0);
  }
}

function newTurn(): Omit<Turn, 'id' | 'base' | 'synced'> {
  return {
    draft: Promise.resolve(null),
    text: '',
    lastForced: 0,
    release: null,
    calls: new Map(),
    results: new Map(),
    stored: new Set(),
    steps: 0,
  };
}

/** How many messages at the start of `history` the stored records already hold. */
function matching(stored: readonly ChatMessage[], history: readonly ChatMessage[]): number {
  let same = 0;
  while (same < stored.length && same < history.length && sameMessage(stored[same], history[same])) same++;
  return same;
}

/**
 * `stored` holds what `shown` says. An answer shown while another tab was still streaming it is a
 * prefix of what was stored since: the same message, and the stored one is the complete one.
 */
function sameMessage(stored: ChatMessage, shown: ChatMessage): boolean {
  if (stored.role !== shown.role || stored.tool_call_id !== shown.tool_call_id) return false;
  const a = stored.content ?? '';
  const b = shown.content ?? '';
  return a === b || (stored.role === 'assistant' && b.length > 0 && a.startsWith(b));
}
