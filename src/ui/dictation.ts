/**
 * Dictation (`voice`): a microphone button in the composer where the browser can transcribe speech
 * (`SpeechRecognition`, prefixed `webkitSpeechRecognition` in Chrome and Safari); where it cannot, no
 * button. Words show in the message box as they are recognised, the user edits them and sends; sending
 * stops it. A refused microphone, silence or an unreachable speech service is said in plain words above
 * the composer and as `stream-chat-voice-error`. The recogniser is driven by a part loaded on first use.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { lazyPart } from '../core/index.js';
import type { DictationSession, RecognitionClass } from './dictation-session.js';
import { format, type Strings } from './strings.js';

export const dictationPart = lazyPart('dictation', () => import('./dictation-session.js'));

/** The browser's speech recogniser, or undefined where there is none (Firefox, most WebViews). */
export function recognitionClass(): RecognitionClass | undefined {
  const w = globalThis as { SpeechRecognition?: RecognitionClass; webkitSpeechRecognition?: RecognitionClass };
  return w.SpeechRecognition ?? w.webkitSpeechRecognition;
}

/** Detail of `stream-chat-voice-error`. */
export interface VoiceErrorDetail {
  /** `dictation` (the microphone button) or `read-aloud`. */
  source: 'dictation' | 'read-aloud';
  /** The browser's error code (`not-allowed`, `no-speech`, `network`, `synthesis-failed`…). */
  error: string;
  /** What the widget showed. */
  message: string;
}

export interface DictationOptions {
  /** The message box's text, and a way to set it. */
  text(): string;
  show(text: string): void;
  /** The language spoken (the element's `lang`), or empty for the browser's default. */
  lang(): string;
  strings(): Strings;
}

export class Dictation implements ReactiveController {
  /** True from the click until the recogniser stops. */
  listening = false;
  /** Why the last dictation stopped early, or empty. */
  notice = '';
  #session?: DictationSession;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: DictationOptions,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.stop();
  }

  get available(): boolean {
    return recognitionClass() !== undefined;
  }

  prefetch(): void {
    dictationPart.prefetch();
  }

  /** The microphone button: starts listening, or stops and keeps the words being recognised. */
  async toggle(): Promise<void> {
    if (this.listening) return this.#session ? this.#session.finish() : this.stop();
    const Recognition = recognitionClass();
    if (!Recognition) return;
    this.#set(true, '');
    let part: typeof import('./dictation-session.js');
    try {
      part = await dictationPart.load();
    } catch (error) {
      return this.#fail('part', (error as Error).message);
    }
    if (!this.listening) return; // stopped while the part was loading
    const { text, show, lang } = this.options;
    this.#session = part.startDictation(
      Recognition,
      {
        text,
        show,
        failed: (code) => this.#fail(code),
        ended: () => {
          this.#session = undefined;
          this.#set(false, this.notice);
        },
      },
      lang(),
    );
  }

  /** Stops at once (the message is being sent): nothing more reaches the box. */
  stop(): void {
    this.#session?.abort();
    this.#session = undefined;
    if (this.listening || this.notice) this.#set(false, '');
  }

  /** The user typed in the box: while listening, their text is kept and new words follow it. */
  edited(text: string): void {
    this.#session?.edited(text);
  }

  #fail(code: string, message = this.#message(code)): void {
    this.#session = undefined;
    this.#set(false, message);
    const detail: VoiceErrorDetail = { source: 'dictation', error: code, message };
    this.host.dispatchEvent(new CustomEvent('stream-chat-voice-error', { detail, bubbles: true, composed: true }));
  }

  #message(code: string): string {
    const s = this.options.strings();
    if (code === 'not-allowed' || code === 'service-not-allowed') return s.dictationDenied;
    if (code === 'no-speech') return s.dictationNoSpeech;
    if (code === 'network') return s.dictationNetwork;
    if (code === 'audio-capture') return s.dictationNoMicrophone;
    return format(s.dictationFailed, { error: code });
  }

  #set(listening: boolean, notice: string): void {
    this.listening = listening;
    this.notice = notice;
    this.host.requestUpdate();
  }
}
