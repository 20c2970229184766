/**
 * The stored history of a `<stream-chat>`: a Lit ReactiveController that opens the store for the
 * element's `storage` / `storage-key`, shows the conversation the page asks for (or the latest), acts
 * on the conversations list, and follows what other tabs do. The recording of turns is the store's
 * `HistorySession`; the turn controller reaches it through `TurnHistory`, implemented here.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { lazyPart, type ChatEvent, type ChatMessage, type ChatResult, type Feedback, type RunChatOptions } from '../core/index.js';
import {
  answeredToolCalls,
  HistorySession,
  HistoryStore,
  toChatMessage,
  type ConversationRecord,
  type HistoryChange,
  type MessageRecord,
  type ResumePoint,
  type StorageKind,
  type StorageProblem,
  type StreamedText,
} from '../store/index.js';
// Direct, not through the store's entry: export and import are a part loaded on first use.
import { exportJSON, exportMarkdown, importJSON } from '../store/export-part.js';
import { defaultHistoryStrings, defineConversationList, type HistoryStrings } from './conversation-list.js';
import type { TurnHistory } from './turn-controller.js';
import { dataUrlOf } from './attachment-files.js';
import type { VersionCount } from '../store/branch-tree.js';
import type { Strings } from './strings.js';
import type { Item } from './view-model.js';

/** Versions of messages (versions.ts): loaded on the first edit or regenerate, or with a conversation that has them. */
const versionsPart = lazyPart('versions', () => import('./versions.js'));

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
  /** Extends the last, cut answer in place. */
  continue(): Promise<unknown>;
  /** Adds a conversation's earlier messages before the ones shown (the last screen came first). */
  prependMessages(messages: ChatMessage[]): void;
}

export interface HistoryControllerOptions {
  /** Milliseconds between two draft writes while an answer streams. Default 1000. */
  draftIntervalMs?: number;
  /** Says something to screen readers (a version switched). */
  announce?(text: string): void;
  /** Replaces the store (tests). */
  createStore?: (storage: StorageKind, storageKey: string | undefined) => HistoryStore;
  /**
   * Reads on a background answer a reload cut (`resumable`, see resume-answer.ts): the element's engine
   * options (undefined when it is not resumable), and the turn that reads the answer on in place.
   */
  resume?: { options(): RunChatOptions | undefined; run(point: ResumePoint): Promise<unknown> };
  /**
   * True while none of the history is on screen (a closed popup): the stored conversations are then
   * read on the user's intent (the pointer or focus on the element, a touch) or when it opens, not at
   * page load. Writes (a `send()` from code) work meanwhile.
   */
  dormant?(): boolean;
}

/** What shows the user is about to use the element: its stored history is read then. */
const INTENT_EVENTS = ['pointerover', 'focusin', 'touchstart'] as const;

/**
 * Messages read first when a conversation opens: more than a screen, so the view is full and at its end
 * at once; the earlier ones follow in one read (see load()).
 */
export const FIRST_SCREEN_MESSAGES = 40;

export class HistoryController implements ReactiveController, TurnHistory {
  session!: HistorySession;
  /** A short status for the list (import result, export error); cleared on the next action. */
  status = '';
  /** Resolves once the first conversation is loaded (tests and the demo wait for it). */
  ready: Promise<void> = Promise.resolve();
  /**
   * Resolves once the open conversation's earlier messages (read after its last screen) are shown.
   * A send waits for it, so the model is always sent the whole conversation.
   */
  earlier: Promise<void> = Promise.resolve();
  /** True until `earlier` resolves. */
  loadingEarlier = false;
  /** Per message position, its version shown and how many it has (messages with several only). */
  branches = new Map<number, VersionCount>();
  /** Bumped when `branches` changes, so the messages show their switchers again. */
  branchChanges = 0;
  /** Why the interrupted answer cannot be resumed, shown with it. */
  resumeNote = '';

  #unsubscribe?: () => void;
  #opened = { storage: '' as string, storageKey: '' as string | undefined };
  #initialId: string;
  /** The conversation last loaded or shown. */
  #shownId: string | undefined;
  /** Bumped by each load(): an earlier-messages read for a conversation no longer shown is dropped. */
  #loads = 0;
  /** The store is open but its conversations are not read yet (see `dormant`): `wake()` reads them. */
  #asleep = false;

  constructor(
    readonly host: HistoryHost,
    readonly options: HistoryControllerOptions = {},
  ) {
    this.#initialId = host.conversationId;
    defineConversationList();
    host.addController(this);
  }

  get store(): HistoryStore {
    return this.session.store;
  }

  /** The open conversation's stored messages, with their status. */
  get records(): MessageRecord[] {
    return this.session?.records ?? [];
  }

  /** Conversations of the namespace, newest first. */
  get conversations(): ConversationRecord[] {
    return this.session?.conversations ?? [];
  }

  get strings(): HistoryStrings {
    return { ...defaultHistoryStrings, ...(this.host.strings as Partial<HistoryStrings> | undefined) };
  }

  get problem(): StorageProblem | null {
    return this.session?.store.problem ?? null;
  }

  // ——— lifecycle ———

  hostConnected(): void {
    this.ready = this.#openStore();
  }

  /**
   * Reads the stored conversations of a store opened dormant (a closed popup), and shows the one the page
   * asked for or the latest; `ready` resolves once they are shown. Does nothing once awake.
   */
  readonly wake = (): Promise<void> => {
    if (!this.#asleep) return this.ready;
    this.#asleep = false;
    this.#stopListening();
    this.ready = this.ready.then(() => this.#showFirst(false));
    return this.ready;
  };

  #stopListening(): void {
    for (const type of INTENT_EVENTS) this.host.removeEventListener(type, this.wake);
  }

  hostDisconnected(): void {
    this.#asleep = false;
    this.#stopListening();
    // A removed element writes nothing more: its draft stays as it was, as after a closed tab, and
    // becomes "interrupted" for whoever opens the conversation next.
    this.session?.close();
    this.#unsubscribe?.();
    this.session?.store.close();
    this.#opened = { storage: '', storageKey: '' };
  }

  /** `storage` or `storage-key` changed: the history moves to the new namespace. */
  hostUpdate(): void {
    if (!this.session) return;
    if (this.#asleep && !this.options.dormant?.()) void this.wake(); // the popup opened
    const { storage = 'indexeddb', storageKey, conversationId } = this.host;
    if (storage !== this.#opened.storage || storageKey !== this.#opened.storageKey) {
      this.session.store.close();
      this.#unsubscribe?.();
      // Asleep, nothing was shown: the new namespace's store opens asleep too.
      this.ready = this.#openStore(!this.#asleep);
    } else if (this.#shownId !== undefined && conversationId !== this.#shownId && !this.host.busy) {
      // The page set `conversation-id` (a router, a link): open it. The element's own switches set
      // #shownId first, through load() or shown().
      this.#shownId = conversationId;
      this.ready = this.ready.then(() => this.host.openConversation(conversationId));
    }
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
      this.host.dispatchEvent(new CustomEvent('stream-chat-storage-error', { detail: problem, bubbles: true, composed: true }));
      this.host.requestUpdate();
    };
    const store = this.options.createStore?.(storage, storageKey) ?? new HistoryStore({ storage, storageKey, onProblem });
    this.session = new HistorySession(store, {
      conversationId: () => this.host.conversationId,
      model: () => this.host.model,
      changed: () => this.host.requestUpdate(),
      draftIntervalMs: this.options.draftIntervalMs,
    });
    // Asleep, nothing of the history is shown: waking reads it as it is then.
    this.#unsubscribe = store.subscribe((change, remote) => remote && !this.#asleep && void this.#changedElsewhere(change));
    if (!switched && this.options.dormant?.()) {
      this.#asleep = true;
      for (const type of INTENT_EVENTS) this.host.addEventListener(type, this.wake, { passive: true });
      return;
    }
    await this.#showFirst(switched);
  }

  /** Lists the conversations and shows the requested one, or the latest (see #openStore). */
  async #showFirst(switched: boolean): Promise<void> {
    await this.session.refreshList();
    if (!switched && (this.host.busy || this.host.messages.length)) return; // a send() that came first wins
    const requested = switched
      ? this.host.conversationId !== this.#shownId
      : this.#shownId !== undefined || this.host.hasAttribute('conversation-id') || this.host.conversationId !== this.#initialId;
    const id = requested ? this.host.conversationId : this.session.conversations[0]?.id;
    if (id) await this.host.openConversation(id);
    else if (switched) await this.host.newConversation();
  }

  // ——— TurnHistory: what the turn controller calls ———

  beforeSend(): boolean {
    if (!this.session?.answeringElsewhere) return true;
    // The other tab's answer would interleave with this one.
    this.status = this.strings.answeringElsewhere;
    this.host.requestUpdate();
    return false;
  }

  complete(): Promise<void> | undefined {
    return this.loadingEarlier ? this.earlier : undefined;
  }

  /** An edit or a regenerate replaces the message at history `index`: what is there is kept as a version. */
  async keepVersion(index: number): Promise<void> {
    await (await versionsPart.load()).keepVersion(this, this.records[index]?.seq ?? index);
  }

  turnStarting(messages: readonly ChatMessage[]): Promise<ChatMessage[] | undefined> {
    return this.session.turnStarting(messages);
  }

  /** The version switcher of `item`, where its message has several versions. */
  readonly versions = (item: Item, strings: Strings, busy: boolean) => versionsPart.loaded?.renderVersions(this, item, strings, busy);

  async saveFiles(files: { id: string; blob: Blob }[]): Promise<void> {
    await this.session.saveFiles(files);
  }

  async fileData(fileId: string): Promise<string | undefined> {
    const blob = await this.session.loadFile(fileId);
    return blob && dataUrlOf(blob);
  }

  turnStarted(messages: readonly ChatMessage[]): void {
    this.session.turnStarted(messages);
  }

  arrived(event: StreamedText): void {
    this.session.arrived(event);
  }

  stepFinished(messages: readonly ChatMessage[]): void {
    this.session.stepFinished(messages);
  }

  checkpoint(event: Extract<ChatEvent, { type: 'checkpoint' }>): void {
    this.session.checkpoint(event.text, { responseId: event.responseId, after: event.sequence });
  }

  turnEnded(result: ChatResult, messages: readonly ChatMessage[]): Promise<void> {
    if (!this.host.isConnected) return Promise.resolve(); // see hostDisconnected()
    return this.session.turnEnded(result, messages);
  }

  /**
   * Reads a conversation for the element to show: its last screen first, returned at once; the earlier
   * messages follow through `host.prependMessages()` (`earlier` resolves then). They are read in one go
   * right after, rather than when the reader scrolls to the top: the engine must send the whole
   * conversation anyway, and one indexed read of a few hundred records is cheap once the screen is painted.
   */
  async load(id: string): Promise<ChatMessage[]> {
    this.#shownId = id;
    const load = ++this.#loads;
    const { session } = this;
    const [last, branches] = await Promise.all([session.store.loadMessages(id, { last: FIRST_SCREEN_MESSAGES }), session.store.loadBranches(id)]);
    // Most conversations never forked: they read no more than this one empty range.
    this.branches = branches.length ? await versionsPart.load().then((part) => part.countsOf(branches), () => new Map()) : new Map();
    this.branchChanges++;
    session.records = await session.store.recoverDrafts(last);
    session.answeringElsewhere = session.records.some((r) => r.status === 'draft') || (await session.store.isAnsweringElsewhere(id));
    this.host.requestUpdate();
    const first = last[0];
    this.loadingEarlier = last.length >= FIRST_SCREEN_MESSAGES && !!first;
    this.earlier = this.loadingEarlier
      ? this.#loadEarlier(id, first.seq, load).finally(() => load === this.#loads && (this.loadingEarlier = false))
      : Promise.resolve();
    return answeredToolCalls(session.records).map(toChatMessage);
  }

  async #loadEarlier(id: string, before: number, load: number): Promise<void> {
    // The last screen is painted first (the element shows what load() returned, then renders).
    await new Promise((resolve) => setTimeout(resolve, 0));
    await this.host.updateComplete;
    if (load !== this.#loads) return;
    const earlier = await this.session.store.loadMessages(id, { before });
    if (load !== this.#loads || this.host.conversationId !== id || !earlier.length) return;
    this.session.records = [...earlier, ...this.session.records];
    // Checked with what follows: a step's results may be on the screen already shown.
    this.host.prependMessages(answeredToolCalls(this.session.records).slice(0, earlier.length).map(toChatMessage));
  }

  /** Another conversation is shown. An emptied one (the element's clear()) is deleted from storage. */
  async shown(id: string, messages: readonly ChatMessage[]): Promise<void> {
    this.#shownId = id;
    if (!messages.length) this.branches = new Map();
    this.resumeNote = '';
    await this.session.shown(id, messages);
    this.#resumeCut(id);
  }

  /** The last answer was cut by a reload while the server went on writing it: read it on (resume-answer.ts). */
  #resumeCut(id: string): void {
    const record = this.session.records.at(-1);
    if (this.options.resume && record?.status === 'interrupted' && record.resume) {
      import('./resume-answer.js').then((m) => m.resumeAnswer(this, id, record)).catch(() => {});
    }
  }

  // ——— list actions ———

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
    await this.session.refreshList();
  }

  async remove(id: string): Promise<void> {
    await this.store.deleteConversation(id);
    if (id === this.host.conversationId) {
      this.session.records = [];
      await this.host.newConversation();
    }
    await this.session.refreshList();
  }

  async clearAll(): Promise<void> {
    await this.store.clearAll();
    this.session.records = [];
    await this.host.newConversation();
    await this.session.refreshList();
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
    await this.session.refreshList();
    if (result.ok && result.conversations[0]) await this.host.openConversation(result.conversations[0].id);
    return result.ok;
  }

  /** Continues an interrupted answer in place (the model writes what follows it). */
  /** Keeps a rating with the stored message at `index` of the shown history. */
  setFeedback(index: number, feedback: Feedback | undefined): Promise<void> {
    return this.session?.setFeedback(index, feedback) ?? Promise.resolve();
  }

  continueAnswer(): Promise<unknown> {
    return this.host.continue();
  }

  regenerateAnswer(): Promise<unknown> {
    return this.host.regenerate();
  }

  /** Another tab changed something: refresh the list, and the open conversation if it is the one. */
  async #changedElsewhere(change: HistoryChange): Promise<void> {
    const current = this.host.conversationId;
    const { session } = this;
    if ((change.type === 'deleted' && change.id === current) || change.type === 'cleared') {
      if (!this.host.busy) {
        session.records = [];
        await this.host.newConversation();
      }
    } else if (change.type === 'conversation' && change.id === current && !session.recording) {
      session.answeringElsewhere = !!change.draft || (await session.store.isAnsweringElsewhere(current));
      if (!this.host.busy) await this.host.openConversation(current);
    }
    await session.refreshList();
  }
}
