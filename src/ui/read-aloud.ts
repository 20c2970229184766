/**
 * Read aloud (`read-aloud`): a button on each finished answer that speaks it with the browser's speech
 * synthesis and, pressed again, stops. Reading stops when the user sends (a turn starts), stops the
 * answer, reads another answer, or the answer leaves the screen. A failure is said above the composer and
 * as `stream-chat-voice-error`. The speaking itself is a part loaded on first use (speech-output.ts).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { lazyPart } from '../core/index.js';
import type { VoiceErrorDetail } from './dictation.js';
import { format, type Strings } from './strings.js';
import { answerText, type AssistantItem, type Item } from './view-model.js';

export const speechPart = lazyPart('read aloud', () => import('./speech-output.js'));

/** True where the browser can speak (every current browser; not in some WebViews). */
export const canSpeak = (): boolean => typeof speechSynthesis !== 'undefined' && typeof SpeechSynthesisUtterance !== 'undefined';

export interface ReadAloudOptions {
  /** Where the answers are rendered (the element's shadow root). */
  root(): ParentNode;
  /** The transcript's items: an answer no longer among them stops being read. */
  items(): readonly Item[];
  lang(): string;
  strings(): Strings;
}

export class ReadAloud implements ReactiveController {
  /** The answer being read, if any. */
  speaking?: AssistantItem;
  /** Why reading failed, or empty. */
  notice = '';
  #cancel?: () => void;
  /** Bumped by every start and stop: a reading that was superseded while its part loaded never starts. */
  #ticket = 0;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: ReadAloudOptions,
  ) {
    host.addController(this);
    // Every turn starts with the engine's `start` event: a send, an edit, a regenerate, a continue.
    host.addEventListener('stream-chat-start', () => this.stop());
  }

  hostDisconnected(): void {
    this.stop();
  }

  hostUpdated(): void {
    if (this.speaking && !this.options.items().includes(this.speaking)) this.stop();
  }

  prefetch(): void {
    speechPart.prefetch();
  }

  /** The answer's button: reads it (stopping any other), or stops reading it. */
  async toggle(item: AssistantItem): Promise<void> {
    if (this.speaking === item) return this.stop();
    this.stop();
    const ticket = this.#ticket;
    this.notice = '';
    this.#show(item);
    let part: typeof import('./speech-output.js');
    try {
      part = await speechPart.load();
    } catch (error) {
      return this.#fail(ticket, 'part', (error as Error).message);
    }
    if (ticket !== this.#ticket) return;
    const article = this.options.root().querySelector(`[data-key="${item.key}"]`);
    const bodies = article ? [...article.querySelectorAll(':scope > .markdown, :scope > .object')] : [];
    const text = part.readableText(bodies, answerText(item));
    this.#cancel = part.speak(text, this.options.lang(), (error) => {
      if (ticket !== this.#ticket) return;
      this.#cancel = undefined;
      if (error) this.#fail(ticket, error);
      else this.#show(undefined);
    });
  }

  /** Stops reading, and clears the last failure's notice (nothing else happens when nothing is being read). */
  stop(): void {
    this.#ticket++;
    this.#cancel?.();
    this.#cancel = undefined;
    if (this.notice) {
      this.notice = '';
      this.host.requestUpdate();
    }
    this.#show(undefined);
  }

  #fail(ticket: number, error: string, message = format(this.options.strings().readAloudFailed, { error })): void {
    if (ticket !== this.#ticket) return;
    this.notice = message;
    this.#show(undefined);
    this.host.requestUpdate();
    const detail: VoiceErrorDetail = { source: 'read-aloud', error, message };
    this.host.dispatchEvent(new CustomEvent('stream-chat-voice-error', { detail, bubbles: true, composed: true }));
  }

  /** Marks which answer is being read; both bubbles re-render. */
  #show(item: AssistantItem | undefined): void {
    const was = this.speaking;
    if (was === item) return;
    this.speaking = item;
    if (was) was.version++;
    if (item) item.version++;
    this.host.requestUpdate();
  }
}
