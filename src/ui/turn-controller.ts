/**
 * The turns of a `<stream-chat>`: a Lit ReactiveController that owns the transcript (the history sent
 * to the model and the items shown for it) and the running turn. It sends, stops, regenerates, edits
 * and retries; runs one `runChat` per turn; applies its events to the answer on screen, re-dispatches
 * them as `stream-chat-<type>` DOM events, and tells the stored history what happened through
 * `TurnHistory`, called directly at each point where the order matters.
 */
import type { RenderedDetail } from './event-map.js';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { runChatLazy as runChat, type ChatError, type ChatEvent, type ChatMessage, type ChatResult, type RunChatOptions } from '../core/index.js';
import { AnswerState } from './answer-state.js';
import type { SendDetail } from './chat-types.js';
import type { ObjectBodyOptions } from './object-body.js';
import type { PreparedFile } from './attachment-files.js';
import { format, type Strings } from './strings.js';
import { ToolClock } from './tool-clock.js';
import { crashedResult, refusedResult } from './turn-results.js';
import { renderError, safely, TurnFailure } from './render-failure.js';
import { TextBody } from './text-body.js';
import { itemsFromHistory } from './items-from-history.js';
import { answerText, newAnswer, nextKey, type AssistantItem, type Item, type ToolCallState, type UserItem } from './view-model.js';

/**
 * What the turns tell the stored history, in this order for a turn: `beforeSend` (a user message),
 * `complete`, `turnStarting` (awaited before the request), `turnStarted`, `arrived`* (text, reasoning),
 * `stepFinished`*, `turnEnded` (awaited before `send()` resolves). A failing call never stops a turn:
 * it is reported as `stream-chat-storage-error`.
 */
export interface TurnHistory {
  /** May a user message be sent now? False refuses it (another tab is answering in this conversation). */
  beforeSend(): boolean;
  /** Resolves once the whole opened conversation is shown (the request must carry all of it). */
  complete(): Promise<void> | undefined;
  /**
   * The history about to be sent (a new message, an edit, a regenerate): stored before the request.
   * Returns the history to send instead when another tab answered in this conversation meanwhile
   * (its answer, then this message), else nothing.
   */
  turnStarting(messages: readonly ChatMessage[]): Promise<ChatMessage[] | undefined | void>;
  /** The run started: its answer is about to stream after `messages`. */
  turnStarted(messages: readonly ChatMessage[]): void;
  /** The current step's text so far (`delta` is what arrived now). */
  /** The answer's text, or the step's reasoning, streaming in. */
  arrived(event: Extract<ChatEvent, { type: 'text' | 'reasoning' }>): void;
  /** A step that ran tools ended: its assistant message and tool messages, from the engine. */
  stepFinished(messages: readonly ChatMessage[]): void;
  /** A background answer moved on (`resumable`): its text so far and where it stands on the server. */
  checkpoint?(event: Extract<ChatEvent, { type: 'checkpoint' }>): void;
  /** The turn ended (done, stopped or failed); `messages` is the history after it. */
  turnEnded(result: ChatResult, messages: readonly ChatMessage[]): Promise<void>;
  /**
   * An edit or a regenerate is about to replace the message at `index` (before `turnStarting`): the
   * stored history keeps it, and what follows it, as a version.
   */
  keepVersion?(index: number): Promise<void>;
  /** Reads a conversation to show (its last screen may come first, the rest through the host). */
  load(id: string): Promise<ChatMessage[]>;
  /** Another conversation is shown (new, opened, cleared). */
  shown(id: string, messages: readonly ChatMessage[]): Promise<void>;
  /** Keeps the bytes of files sent in the current conversation (after turnStarting created it). */
  saveFiles(files: { id: string; blob: Blob }[]): Promise<void>;
  /** A kept file of the current conversation as a `data:` URL, or undefined when it is not kept. */
  fileData(fileId: string): Promise<string | undefined>;
}

export interface TurnOptions {
  history: TurnHistory;
  /** The engine's options for a turn over `messages` (from the element's properties). */
  runOptions(messages: ChatMessage[], signal: AbortSignal): RunChatOptions;
  /** The element's merged UI strings. */
  strings(): Strings;
  /** How structured values are shown, when answers are structured output. */
  objectOptions(): (() => ObjectBodyOptions) | undefined;
  /** A turn began or a conversation was shown: the view goes to the end and follows it. */
  followEnd(): void;
  /** The finished answer as a screen reader will hear it (its rendered text). */
  spokenText(answer: AssistantItem): string;
  /** What the user calls a model (its label in `models`). */
  modelLabel(id: string | undefined): string;
}

export class TurnController implements ReactiveController {
  /** The history, in the OpenAI message shape: what the model is sent and what is stored. */
  history: ChatMessage[] = [];
  #items: Item[] = [];
  /** The answers' bodies were let go when the element left the page (see hostDisconnected). */
  #released = false;
  busy = false;
  /** The error banner's error. */
  error: ChatError | undefined;
  /** "Retrying in 2 s" and the like. */
  notice = '';
  /** Read by screen readers when an answer is complete. */
  announcement = '';
  /** Redraws running tools' elapsed time. */
  readonly toolClock: ToolClock;
  private current?: { abort(): void; done: Promise<ChatResult>; answer: AssistantItem; fail(cause: unknown): void };
  /** An update failed and its render error is being shown: the same failure is not reported again. */
  private updateFailing = false;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: TurnOptions,
  ) {
    this.toolClock = new ToolClock(host, () => this.items, (item) => this.touch(item));
    host.addController(this);
  }

  /** What the transcript shows. An answer no longer shown stops rendering (a fence renderer's signal aborts). */
  get items(): Item[] {
    return this.#items;
  }
  set items(next: Item[]) {
    const kept = new Set(next);
    for (const item of this.#items) if (!kept.has(item)) releaseBodies(item);
    this.#items = next;
  }

  /**
   * A removed element's turn runs on to its end, as it does when a framework moves the element; the
   * stored history writes nothing more for it (see history-controller.ts). Its answers stop rendering
   * unless it is back within the task (moved): their bodies keep the text and render again on return.
   */
  hostDisconnected(): void {
    queueMicrotask(() => {
      if (this.host.isConnected || this.#released) return;
      this.#released = true;
      this.#items.forEach(releaseBodies);
    });
  }

  hostConnected(): void {
    if (!this.#released) return;
    this.#released = false;
    this.#items.forEach((item) => this.touch(item)); // rendered again, the answers' bodies mounted again
  }

  // ——— sending ———

  /** Sends `text` as if the user typed it. Resolves when the turn ends; never rejects. */
  send(text: string, files: PreparedFile[] = []): Promise<ChatResult> {
    const content = text.trim();
    if (!content && !files.length) return Promise.resolve(this.refused('There is nothing to send.'));
    if (!this.confirm(content)) return Promise.resolve(this.refused('The message was not sent (stream-chat-send was cancelled).'));
    return this.sendConfirmed(content, undefined, files);
  }

  /** Asks the history, then the page (`stream-chat-send`, cancelable), whether `text` may be sent. */
  confirm(text: string): boolean {
    if (!this.options.history.beforeSend()) return false;
    const detail: SendDetail = { text, messages: this.messages };
    return this.host.dispatchEvent(new CustomEvent('stream-chat-send', { detail, cancelable: true, bubbles: true, composed: true }));
  }

  /** Sends an edit of `item` in its place: what followed it is dropped. False when it was not sent. */
  edit(item: UserItem, text: string): boolean {
    const content = text.trim();
    if (!this.confirm(content)) return false;
    void this.sendConfirmed(content, item);
    return true;
  }

  /** Sends text already confirmed; `replacing` is the user message an edit replaces. */
  async sendConfirmed(content: string, replacing?: UserItem, files: PreparedFile[] = []): Promise<ChatResult> {
    await this.settle();
    const length = this.history.length;
    // The whole opened conversation must be shown (its earlier messages come after its last screen).
    const complete = this.options.history.complete();
    if (complete) await this.guard(() => complete);
    // Earlier messages that arrived meanwhile were put before the edited one: its index moved with them.
    const cut = replacing ? replacing.index + this.history.length - length : this.history.length;
    // An edit keeps the files of the message it replaces.
    const attachments = files.length ? files.map((f) => f.attachment) : replacing?.attachments;
    const message: ChatMessage = { role: 'user', content };
    if (attachments?.length) message.attachments = attachments;
    this.history = [...this.history.slice(0, cut), message];
    const at = replacing ? this.items.findIndex((item) => item.kind === 'user' && item.index === cut) : -1;
    const kept = replacing ? this.items.slice(0, at < 0 ? this.items.length : at) : this.items;
    const user: UserItem = { kind: 'user', key: nextKey('u'), text: content, index: cut, version: 0 };
    if (attachments?.length) user.attachments = attachments;
    this.items = [...kept, user];
    this.setBusy(true); // busy from here: a second Enter while storage works must not send twice
    if (replacing) await this.guard(() => this.options.history.keepVersion?.(cut));
    let current: ChatMessage[] | undefined | void;
    await this.guard(async () => void (current = await this.options.history.turnStarting(this.history)));
    // Another tab answered first: its answer is shown and sent before this message.
    if (current) {
      this.history = [...current];
      this.items = itemsFromHistory(this.history, this.options.objectOptions());
      this.options.followEnd();
    }
    if (files.length) await this.guard(() => this.options.history.saveFiles(files.map((f) => ({ id: f.attachment.id, blob: f.blob }))));
    await this.loadFiles();
    return this.runTurn();
  }

  /** Asks again for the last answer (drops it first). */
  async regenerate(): Promise<ChatResult> {
    if (!this.history.some((message) => message.role === 'user')) return this.refused('There is no message to answer.');
    await this.settle();
    const complete = this.options.history.complete(); // the indexes below count the earlier messages
    if (complete) await this.guard(() => complete);
    const lastUser = this.history.findLastIndex((message) => message.role === 'user');
    const answered = this.history.length > lastUser + 1;
    this.history = this.history.slice(0, lastUser + 1);
    this.items = this.items.filter((item) => item.kind === 'user' || item.index <= lastUser);
    this.setBusy(true);
    if (answered) await this.guard(() => this.options.history.keepVersion?.(lastUser + 1));
    await this.guard(async () => void (await this.options.history.turnStarting(this.history)));
    await this.loadFiles();
    return this.runTurn();
  }

  /**
   * Extends the last answer in place when it was cut (stopped, a dropped connection, the token limit):
   * the model writes what follows it, into the same bubble; no message of the user's is added. With
   * `resume`, the background response that was writing it is read on instead (after a reload).
   */
  async continueAnswer(resume?: { responseId: string; after: number }): Promise<ChatResult> {
    await this.settle();
    const complete = this.options.history.complete();
    if (complete) await this.guard(() => complete);
    const last = this.history.at(-1);
    const answer = this.items.at(-1);
    const segment = answer?.kind === 'assistant' ? answer.segments.at(-1) : undefined;
    const cut = last?.role === 'assistant' && !last.tool_calls?.length && typeof last.content === 'string' && last.content !== '';
    // A structured answer is one JSON value: its rest is not text to append, so it is asked for again.
    if (!cut || answer?.kind !== 'assistant' || segment?.kind !== 'text' || this.options.objectOptions()) {
      return this.refused('There is no cut answer to continue.');
    }
    // The cut text is shown at once in a fresh body that goes on streaming what the model adds.
    const body = new TextBody();
    body.push(last.content as string);
    answer.segments[answer.segments.length - 1] = { kind: 'text', key: nextKey('t'), step: 1, body };
    answer.status = 'waiting';
    answer.error = undefined;
    answer.finishReason = undefined;
    this.setBusy(true);
    await this.guard(async () => void (await this.options.history.turnStarting(this.history)));
    await this.loadFiles();
    return this.runTurn(answer, resume && { resume: { ...resume, text: last.content as string }, messages: this.history.slice(0, -1) });
  }

  /** The error banner's Retry: asks again for the last answer. */
  retry(): Promise<ChatResult> {
    this.dismissError();
    return this.regenerate();
  }

  /** Stops the running turn; the partial answer stays. */
  stop(): void {
    this.current?.abort();
  }

  /** Waits for the running turn to end, stopping it first. */
  async settle(): Promise<void> {
    if (!this.current) return;
    const { done } = this.current;
    this.current.abort();
    await done;
  }

  /** A copy of the history. */
  get messages(): ChatMessage[] {
    return this.history.map((message) => ({ ...message }));
  }

  // ——— conversations ———

  /** Shows the stored conversation `id` (after the running turn ends). */
  async open(id: string): Promise<void> {
    let messages: ChatMessage[] = [];
    await this.guard(async () => void (messages = await this.options.history.load(id)));
    this.show(messages);
    await this.guard(() => this.options.history.shown(id, this.history));
  }

  /** Shows the empty conversation `id` (a new one, or the current one cleared). */
  async showEmpty(id: string): Promise<void> {
    this.show([]);
    await this.guard(() => this.options.history.shown(id, []));
  }

  /** Replaces the shown conversation by `messages`. */
  show(messages: ChatMessage[]): void {
    this.history = [...messages];
    this.items = itemsFromHistory(this.history, this.options.objectOptions());
    this.error = undefined;
    this.options.followEnd();
    this.host.requestUpdate();
    if (messages.some((m) => m.attachments?.length)) void this.loadFiles();
  }

  /**
   * Puts the kept bytes back into attachments read from storage (records hold only their description),
   * so the model is sent them and the previews show them. A file no longer kept is sent without bytes.
   */
  async loadFiles(): Promise<void> {
    let changed = false;
    for (const message of this.history) {
      for (const a of message.attachments ?? []) {
        if (a.data !== undefined || a.text !== undefined) continue;
        const data = await this.options.history.fileData(a.id).catch(() => undefined);
        if (data !== undefined) {
          a.data = data;
          changed = true;
        }
      }
    }
    if (!changed) return;
    for (const item of this.items) if (item.kind === 'user' && item.attachments) item.version++;
    this.host.requestUpdate();
  }

  /** Adds a conversation's earlier messages before the ones shown. */
  prepend(messages: ChatMessage[]): void {
    this.history = [...messages, ...this.history];
    this.items = itemsFromHistory(this.history, this.options.objectOptions());
    this.host.requestUpdate();
  }

  // ——— the turn ———

  /**
   * Runs a turn into a new answer, or into `continuing`, the cut answer `continueAnswer()` reopened
   * (continued by the model, or read on with `extra`'s `resume`).
   */
  private runTurn(continuing?: AssistantItem, extra?: Partial<RunChatOptions>): Promise<ChatResult> {
    const answer = continuing ?? newAnswer(this.history.length);
    const state = new AnswerState(answer, this.options.objectOptions());
    const controller = new AbortController();
    const turn = new TurnFailure(controller);
    const history = this.history;
    if (continuing) this.touch(answer);
    else this.items = [...this.items, answer];
    this.error = undefined;
    this.notice = '';
    this.announcement = '';
    this.setBusy(true);
    this.options.followEnd();
    const done = this.consume(history, state, turn, Boolean(continuing), extra)
      .then(async (result) => {
        this.current = undefined;
        this.history = result.messages;
        this.endAnswer(answer, result);
        this.setBusy(false);
        await this.guard(() => this.options.history.turnEnded(result, this.history));
        return result;
      })
      // Nothing above should throw; should it, send() still resolves, with what arrived.
      .catch((cause: unknown) => {
        this.current = undefined;
        this.setBusy(false);
        const result = crashedResult(history, safely(() => answerText(answer), ''), cause);
        this.error = result.error;
        return result;
      });
    this.current = { abort: () => controller.abort(), done, answer, fail: (cause) => turn.fail(cause) };
    return done;
  }

  private async consume(history: ChatMessage[], state: AnswerState, turn: TurnFailure, continuing: boolean, extra?: Partial<RunChatOptions>): Promise<ChatResult> {
    const signal = turn.signal;
    // A continued answer streams in place of the cut one: the history before it is what it follows.
    const before = continuing ? history.slice(0, -1) : history;
    // A render failure ends the turn: the answer keeps what it shows, the host hears of it once.
    turn.onFail = (error) => {
      safely(() => state.fail(error), undefined);
      this.touch(state.item);
      this.error = error;
      this.emit({ type: 'error', error, text: safely(() => answerText(state.item), '') });
    };
    try {
      const run = runChat({ ...this.options.runOptions(history, signal), ...(extra ?? (continuing ? { continueAnswer: true } : {})) });
      signal.addEventListener('abort', () => run.abort(), { once: true });
      for await (const event of run) {
        if (turn.error) {
          // The answer is no longer rendered: text still arriving joins its plain text, the history
          // still hears of the run, and the end says how the turn really ended.
          if (event.type === 'text') safely(() => state.apply(event), false);
          this.toHistory(event, before);
          if (event.type === 'end') this.emit({ ...event, finishReason: 'error', error: turn.error });
          continue;
        }
        try {
          const notice = this.noticeAfter(event);
          if (notice !== this.notice) {
            this.notice = notice;
            this.host.requestUpdate();
          }
          if (state.apply(event)) this.touch(state.item);
        } catch (cause) {
          turn.fail(cause);
          this.toHistory(event, before);
          if (event.type === 'end') this.emit({ ...event, finishReason: 'error', error: turn.error! });
          continue;
        }
        if (event.type === 'error' && !event.retrying) {
          this.error = event.error;
          this.host.requestUpdate();
        }
        if (event.type === 'tool-start') this.toolClock.start();
        if (event.type === 'fallback') this.noteFallback(state.item, event);
        // Said once as the model starts to reason; its streaming text is never a live region.
        if (event.type === 'reasoning' && !this.announcement) this.announcement = this.options.strings().thinking;
        this.toHistory(event, before);
        this.emit(event);
      }
      const result = await run.result;
      return turn.error ? { ...result, finishReason: 'error', error: turn.error } : result;
    } catch (cause) {
      // The engine promises not to throw; should it, the turn still ends cleanly with what arrived.
      const text = safely(() => answerText(state.item), '');
      const result = crashedResult(history, text, cause);
      safely(() => state.apply({ type: 'error', error: result.error!, text }), false);
      this.error = result.error;
      return result;
    }
  }

  /** Says under the answer which model answered, and why the chosen one did not. */
  private noteFallback(answer: AssistantItem, event: Extract<ChatEvent, { type: 'fallback' }>): void {
    const { modelLabel, strings } = this.options;
    const reason = event.error.status ? String(event.error.status) : event.error.kind;
    const note = format(strings().fallbackUsed, { from: modelLabel(event.from), to: modelLabel(event.to), reason });
    answer.notices = [...(answer.notices ?? []), note];
    this.touch(answer);
  }

  /** What the stored history hears of the run's events. */
  private toHistory(event: ChatEvent, history: ChatMessage[]): void {
    const stored = this.options.history;
    if (event.type === 'start') stored.turnStarted(history);
    else if (event.type === 'text' || event.type === 'reasoning') stored.arrived(event);
    else if (event.type === 'step-end') stored.stepFinished(event.messages);
    else if (event.type === 'checkpoint') stored.checkpoint?.(event);
  }

  /** Showing `item` threw: the running turn ends with it; an answer shown earlier gets the banner. */
  renderFailed(item: AssistantItem, cause: unknown): void {
    if (this.current?.answer === item) return this.current.fail(cause);
    this.reportRenderError(renderError(cause), safely(() => answerText(item), ''));
  }

  /** An update of the element's template threw. */
  updateFailed(cause: unknown): void {
    if (this.current) return this.current.fail(cause);
    // Once per failing update: showing the banner re-renders, which may fail the same way; and not
    // again while the banner already says an answer could not be shown.
    if (this.updateFailing || this.error?.kind === 'render') return;
    this.updateFailing = true;
    this.reportRenderError(renderError(cause), '');
    void this.host.updateComplete.then(() => (this.updateFailing = false));
  }

  private reportRenderError(error: ChatError, text: string): void {
    this.error = error;
    this.emit({ type: 'error', error, text });
    this.host.requestUpdate();
  }

  private noticeAfter(event: ChatEvent): string {
    if (event.type === 'retry') return format(this.options.strings().retrying, { seconds: Math.max(1, Math.round(event.delayMs / 1000)) });
    if (event.type === 'error' && event.retrying) return this.options.strings().askingAgain;
    if (event.type === 'text' || event.type === 'object') return '';
    return this.notice;
  }

  private endAnswer(answer: AssistantItem, result: ChatResult): void {
    this.notice = '';
    if (result.error && result.finishReason !== 'aborted') this.error = result.error;
    // A turn that failed before any content leaves no empty bubble; the banner says what happened.
    const empty = answer.segments.length === 0 && !answer.object?.state.value;
    if (empty && answer.status !== 'done') this.items = this.items.filter((item) => item !== answer);
    else this.touch(answer);
    // The smoother eases the last characters in after the stream ends: once everything received is on
    // screen, the answer is announced (as the reader will hear it) and `stream-chat-rendered` follows `end`.
    const shown = answer.segments.flatMap((s) => (s.kind === 'text' ? [s.body.shown] : []));
    void Promise.all(shown)
      .then(() => this.host.updateComplete)
      .then(() => {
        if (answer.status === 'done' && this.items.includes(answer)) {
          this.announcement = this.options.spokenText(answer) || this.options.strings().answerReady;
          this.host.requestUpdate();
        }
        const detail: RenderedDetail = { message: result.message, finishReason: result.finishReason };
        this.host.dispatchEvent(new CustomEvent('stream-chat-rendered', { detail, bubbles: true, composed: true }));
      });
  }

  /** A tool waiting for approval: the user's decision. */
  decide(call: ToolCallState, approved: boolean): void {
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

  /** Marks an item changed so the list re-renders it (and only it). */
  touch(item: Item): void {
    item.version++;
    this.host.requestUpdate();
  }

  dismissError(): void {
    this.error = undefined;
    this.host.requestUpdate();
  }

  /** A problem found outside a turn's stream (the page's setup): the banner and a `stream-chat-error`. */
  reportProblem(error: ChatError): void {
    this.error = error;
    this.emit({ type: 'error', error, text: '' });
    this.host.requestUpdate();
  }

  private setBusy(busy: boolean): void {
    this.busy = busy;
    this.host.toggleAttribute('busy', busy);
    this.host.requestUpdate();
  }


  private emit(event: ChatEvent): void {
    this.host.dispatchEvent(new CustomEvent(`stream-chat-${event.type}`, { detail: event, bubbles: true, composed: true }));
  }

  private refused(message: string): ChatResult {
    return refusedResult(this.messages, message);
  }

  /** Runs a call into the history; a failure is reported as a storage error and the chat goes on. */
  private async guard(run: () => void | Promise<void>): Promise<void> {
    try {
      await run();
    } catch (cause) {
      const message = cause instanceof Error ? cause.message : String(cause);
      const error: ChatError = { kind: 'storage', message, retryable: false, cause };
      this.host.dispatchEvent(new CustomEvent('stream-chat-storage-error', { detail: error, bubbles: true, composed: true }));
    }
  }
}

/** Lets go of an answer's rendering (the bodies keep their text and can be attached again). */
function releaseBodies(item: Item): void {
  if (item.kind === 'assistant') for (const segment of item.segments) if (segment.kind === 'text') segment.body.dispose();
}
