/**
 * One dictation: the browser's speech recogniser, continuous, with interim results, writing into the
 * message box. Loaded on first use (see dictation.ts). Each result event carries every result of the
 * session so far: the final ones are kept, the interim ones replaced as the recogniser revises them, and
 * the box shows what was there before, then all of them. When the user edits the box meanwhile, their
 * text becomes the new start and only what is said from then on is added to it.
 */

/** The part of the Web Speech API's recogniser used here (TypeScript's DOM library does not declare it). */
export interface Recognition extends EventTarget {
  continuous: boolean;
  interimResults: boolean;
  lang: string;
  start(): void;
  stop(): void;
  abort(): void;
}

export type RecognitionClass = new () => Recognition;

interface RecognitionResults {
  readonly length: number;
  readonly [index: number]: { readonly isFinal: boolean; readonly length: number; readonly [alternative: number]: { transcript: string } };
}

export interface DictationBox {
  /** The message box's text now. */
  text(): string;
  /** Shows `text` in the box (interim words included). */
  show(text: string): void;
  /** The recogniser failed: `code` is its error (`not-allowed`, `no-speech`, `network`, `audio-capture`…). */
  failed(code: string): void;
  /** The recogniser stopped listening (after `finish()`, or by itself after a silence). */
  ended(): void;
}

export interface DictationSession {
  /** Stops listening; words being recognised still arrive, then `ended`. */
  finish(): void;
  /** Stops at once: nothing more reaches the box. */
  abort(): void;
  /** The user edited the box: their text is the new start. */
  edited(text: string): void;
}

export function startDictation(Recognition: RecognitionClass, box: DictationBox, lang: string): DictationSession {
  const recognition = new Recognition();
  recognition.continuous = true;
  recognition.interimResults = true;
  if (lang) recognition.lang = lang;
  const listeners = new AbortController();
  let start = box.text();
  /** Results before this index were shown before the user's edit; only later ones are added. */
  let from = 0;
  let seen = 0;
  const done = () => listeners.abort();
  const on = (type: string, listener: (event: any) => void) => recognition.addEventListener(type, listener, { signal: listeners.signal });
  on('result', (event: { results: RecognitionResults }) => {
    seen = event.results.length;
    const said = transcript(event.results, from);
    box.show(said ? `${start}${start && !/\s$/.test(start) ? ' ' : ''}${said}` : start);
  });
  on('error', (event: { error?: string }) => {
    if (event.error === 'aborted') return;
    done();
    recognition.abort();
    box.failed(event.error || 'unknown');
  });
  on('end', () => {
    done();
    box.ended();
  });
  try {
    recognition.start();
  } catch (error) {
    done();
    box.failed(error instanceof Error ? error.name : 'start');
  }
  return {
    finish: () => recognition.stop(),
    abort: () => {
      if (listeners.signal.aborted) return;
      done();
      recognition.abort();
    },
    edited: (text) => {
      start = text;
      from = seen;
    },
  };
}

/** The words of results `from` on, as one line (recognisers differ in the spaces between results). */
export function transcript(results: RecognitionResults, from = 0): string {
  const words: string[] = [];
  for (let i = from; i < results.length; i++) words.push(results[i][0]?.transcript ?? '');
  return words.join(' ').replace(/\s+/g, ' ').trim();
}
