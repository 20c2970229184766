/**
 * One page's view of the stored history: the conversations of its namespace, the records of the
 * conversation it shows, and the recording of its turns. Before a request, the history about to be
 * sent is stored under the conversation's answer lock; while the answer streams it is a throttled
 * draft; each finished tool step is stored as the engine built it (and a new draft opened after it);
 * at the end the draft is replaced by the turn's messages. DOM-free: the element's history controller
 * wires it to the page.
 */
import type { ChatEvent, ChatMessage, ChatResult, Feedback } from '../core/index.js';
import { DraftWriter } from './draft-writer.js';
import type { HistoryStore } from './history-store.js';
import { reconcile } from './reconcile.js';
import { toChatMessage, type ConversationRecord, type MessageRecord } from './records.js';
import { answeredToolCalls } from './tool-pairs.js';
import type { Release } from './tab-sync.js';
import type { ResumePoint } from './resume-point.js';

/** A forced draft write (a block closed) is skipped if the last write is younger than this. */
const BLOCK_WRITE_GAP_MS = 250;

export interface HistorySessionOptions {
  /** The conversation shown now. */
  conversationId(): string;
  /** The model recorded with the messages written. */
  model(): string | undefined;
  /** Something shown changed (records, the list, a flag). */
  changed(): void;
  /** Milliseconds between two draft writes while an answer streams. Default 1000. */
  draftIntervalMs?: number;
}

/** The answer's text or reasoning, streaming in. */
export type StreamedText = Extract<ChatEvent, { type: 'text' | 'reasoning' }>;

interface Turn {
  id: string;
  /** History length when the turn started: what follows is the turn's output. */
  base: number;
  draft: Promise<MessageRecord | null>;
  writer?: DraftWriter;
  text: string;
  /** The model's reasoning so far in this step. */
  reasoning?: string;
  lastForced: number;
  release: Release | null;
  /** The stored history already matches what is sent (turnStarting did it). */
  synced: boolean;
  /** Call ids whose assistant message and results are stored already (finished steps). */
  stored: Set<string>;
  /** Finished steps so far: a step's draft gets a writer only while no later step has finished. */
  steps: number;
  /** A background answer's last checkpoint: its text is `text`, saved only together with it. */
  resume?: ResumePoint;
}

export class HistorySession {
  /** Conversations of the namespace, newest first. */
  conversations: ConversationRecord[] = [];
  /** The open conversation's stored messages, with their status. */
  records: MessageRecord[] = [];
  /** True while another tab streams an answer into the open conversation. */
  answeringElsewhere = false;
  /** True while a send waits for another tab's answer in this conversation to end. */
  waitingForOtherTab = false;
  #turn: Turn | undefined;
  /** The previous turn's final write: the next turn starts after it (and after its lock is released). */
  #finishing: Promise<void> = Promise.resolve();
  /** The last answer this page saw fail (its error is on screen already). */
  #failedHere: MessageRecord | undefined;

  constructor(
    readonly store: HistoryStore,
    private readonly options: HistorySessionOptions,
  ) {}

  /** True while a turn of this page is being recorded. */
  get recording(): boolean {
    return !!this.#turn;
  }

  /** The last message, when it is an answer that never finished (reload mid-stream, failure). */
  get interrupted(): MessageRecord | undefined {
    const last = this.records.at(-1);
    // An answer that failed here and now already has the element's error banner (with Retry).
    if (last && last === this.#failedHere) return undefined;
    return last && last.role === 'assistant' && last.status === 'interrupted' ? last : undefined;
  }

  async refreshList(): Promise<void> {
    this.conversations = await this.store.listConversations();
    this.options.changed();
  }

  /** Another conversation is shown. An emptied one (the element's clear()) is deleted from storage. */
  async shown(id: string, messages: readonly ChatMessage[]): Promise<void> {
    if (!messages.length && this.records[0]?.conversationId === id) await this.store.deleteConversation(id);
    if (!messages.length) this.records = [];
    this.answeringElsewhere = await this.store.isAnsweringElsewhere(id);
    await this.refreshList();
  }

  /** Stops recording (the page went away): the draft stays as it is, "interrupted" for the next reader. */
  close(): void {
    const turn = this.#turn;
    this.#turn = undefined;
    void turn?.writer?.close();
    void turn?.release?.();
  }

  // ——— files ———

  /** Keeps the bytes of files sent in the current conversation. */
  saveFiles(files: { id: string; blob: Blob }[]): Promise<void> {
    return this.store.saveFiles(this.options.conversationId(), files);
  }

  /** A kept file of the current conversation. */
  loadFile(fileId: string): Promise<Blob | undefined> {
    return this.store.loadFile(this.options.conversationId(), fileId);
  }

  // ——— a turn ———

  /**
   * The history about to be sent, whatever changed it (a new user message, a regenerate or retry that
   * dropped the last answer, an edit): stored first (dropping stored messages an edit or a regenerate
   * replaced), under the conversation's answer lock. When another tab is answering in it, this waits
   * for that answer and returns the history to send instead: the conversation as stored, that answer
   * included, then this tab's new message.
   */
  async turnStarting(history: readonly ChatMessage[]): Promise<ChatMessage[] | undefined> {
    await this.#finishing;
    const id = this.options.conversationId();
    const own = await this.store.acquire(id);
    const release = own ?? (await this.#waitForOtherTab(id));
    this.#turn = { ...newTurn(), id, base: history.length, release, synced: true };
    await this.#sync(id, history);
    if (own) return undefined;
    const current = answeredToolCalls(this.records).map(toChatMessage);
    if (this.#turn?.id === id) this.#turn.base = current.length;
    return current;
  }

  /** The run started: its answer gets a draft record, right after the history it answers. */
  turnStarted(history: readonly ChatMessage[]): void {
    const id = this.options.conversationId();
    // A turn that did not go through turnStarting begins here, with its lock.
    const turn: Turn = this.#turn?.id === id ? this.#turn : { ...newTurn(), id, base: history.length, synced: false };
    turn.base = history.length;
    this.#turn = turn;
    turn.draft = (async () => {
      await this.#finishing;
      turn.release ??= await this.store.acquire(id);
      if (!turn.synced) await this.#sync(id, history);
      const draft = await this.#draftFor(id, history.length);
      this.#keep(id, [...this.records.filter((r) => r.seq !== draft.seq), draft]);
      if (this.#turn !== turn || turn.steps) return draft; // a finished step took this draft already
      this.#startWriter(turn, draft);
      return draft;
    })().catch(() => null);
  }

  /**
   * Saves the streaming answer, its text and the step's reasoning so far, as a throttled draft; at once
   * when a markdown block just closed.
   */
  arrived({ type, delta, text }: StreamedText): void {
    const turn = this.#turn;
    // A background answer's text is saved with its checkpoint (checkpoint() below), never ahead of it.
    if (!turn || turn.resume) return;
    // A blank line closes a markdown block: a good moment to save, unless one was just saved.
    const closed = delta.includes('\n\n') && performance.now() - turn.lastForced > BLOCK_WRITE_GAP_MS;
    if (closed) turn.lastForced = performance.now();
    if (type === 'text') turn.text = text;
    else turn.reasoning = text;
    turn.writer?.save(turn.text, { force: closed, reasoning: turn.reasoning });
  }

  /** A background answer moved on: its text and its place on the server, saved together (resume-point.ts). */
  checkpoint(text: string, resume: ResumePoint): void {
    const turn = this.#turn;
    if (!turn) return;
    turn.text = text;
    turn.resume = resume;
    turn.writer?.save(text, { resume });
  }

  /**
   * Stores a finished step (its text with its tool calls, then one result per call, as the engine
   * added them to the history) in place of the draft, and opens a new draft for the next step: a
   * reload mid-loop keeps every finished step.
   */
  stepFinished(messages: readonly ChatMessage[]): void {
    const turn = this.#turn;
    if (!turn) return;
    const step = [...messages];
    const calls = step.flatMap((m) => (m.role === 'assistant' ? (m.tool_calls ?? []) : []));
    const closing = turn.writer?.close();
    turn.writer = undefined; // the next step's text waits for its own draft
    turn.text = '';
    turn.reasoning = turn.resume = undefined;
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
      const written = await this.store.finish(draft, step, { status: 'final', model: this.options.model() });
      for (const call of calls) turn.stored.add(call.id);
      const next = await this.#appendDraft(turn.id);
      this.#keep(turn.id, [...this.records.filter((r) => r.seq < draft.seq), ...written, next]);
      if (this.#turn !== turn || steps !== turn.steps) return next;
      this.#startWriter(turn, next);
      return next;
    })().catch(() => null);
  }

  /** A turn ended (done, stopped or failed): the draft is replaced by the turn's messages. */
  turnEnded(result: ChatResult, messages: readonly ChatMessage[]): Promise<void> {
    const turn = this.#turn;
    this.#turn = undefined;
    const done = this.#finishing.then(() => this.#finish(turn, result, messages));
    this.#finishing = done.catch(() => undefined);
    return done;
  }

  async #finish(turn: Turn | undefined, result: ChatResult, messages: readonly ChatMessage[]): Promise<void> {
    const id = turn?.id ?? this.options.conversationId();
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
        const written = await this.store.finish(draft, produced, { status, finishReason: result.finishReason, model: this.options.model() });
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

  /**
   * The record the answer streams into: a new draft after the history, or, when the answer continues
   * a cut one (the history sent stops before it), that answer's own record, which holds its text so
   * far: a reload mid-continuation keeps the cut text and what was added to it.
   */
  async #draftFor(id: string, base: number): Promise<MessageRecord> {
    const last = this.records.at(-1);
    if (this.records.length === base + 1 && last?.role === 'assistant' && !last.tool_calls?.length) return { ...last, status: 'draft' };
    return this.#appendDraft(id);
  }

  #appendDraft(id: string): Promise<MessageRecord> {
    return this.store.append(id, [{ role: 'assistant', content: '' }], { status: 'draft', model: this.options.model() }).then(([draft]) => draft);
  }

  #startWriter(turn: Turn, draft: MessageRecord): void {
    turn.writer = new DraftWriter(this.store, draft, { intervalMs: this.options.draftIntervalMs });
    if (turn.text || turn.reasoning) turn.writer.save(turn.text, { resume: turn.resume, reasoning: turn.reasoning });
  }

  /**
   * Keeps a reader's rating with the stored answer at `index` of the shown history (undefined takes it
   * back). A final message only: a draft is rewritten as it streams.
   */
  async setFeedback(index: number, feedback: Feedback | undefined): Promise<void> {
    const record = answeredToolCalls(this.records)[index];
    if (!record || record.status !== 'final') return;
    const saved = await this.store.saveMessage({ ...record, feedback });
    // With its new updatedAt, or the next turn would take it for another tab's write.
    this.#keep(record.conversationId, this.records.map((r) => (r.seq === record.seq ? saved : r)));
  }

  /** Updates the open conversation's records (if `id` is still the one shown). */
  #keep(id: string, records: MessageRecord[]): void {
    if (id === this.options.conversationId()) this.records = records;
    this.options.changed();
  }

  /** Makes the stored conversation match `history` (see reconcile.ts). */
  async #sync(id: string, history: readonly ChatMessage[]): Promise<void> {
    this.#keep(id, await reconcile(this.store, id, this.records, history, this.options.model()));
    await this.refreshList();
  }

  async #waitForOtherTab(id: string): Promise<Release | null> {
    this.answeringElsewhere = this.waitingForOtherTab = true;
    this.options.changed();
    const release = await this.store.acquire(id, { wait: true });
    this.answeringElsewhere = this.waitingForOtherTab = false;
    // The other tab's answer is stored; #sync keeps it and adds this message after it.
    return release;
  }
}

function newTurn(): Omit<Turn, 'id' | 'base' | 'synced'> {
  return { draft: Promise.resolve(null), text: '', lastForced: 0, release: null, stored: new Set(), steps: 0 };
}
