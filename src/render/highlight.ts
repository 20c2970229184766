/**
 * Syntax highlighting with highlight.js core, loaded lazily: the core when the first closed code fence
 * needs it, and each grammar the first time a fence names it (highlight-languages.ts). No auto-detection:
 * it runs every grammar on the text, which is slow and guesses wrong on short snippets; unlabelled code
 * stays plain.
 *
 * Rendering stays synchronous: `highlightCode` returns null while the grammar is on its way (and starts
 * the download); the code is shown plain and marked pending, and listeners (`onHighlighterChange`) are
 * told when the grammar arrives, so a stream can highlight its pending blocks in place.
 */
import type { HLJSApi } from 'highlight.js';
import { lazyPart, type LazyPart } from '../core/index.js';
import { GRAMMARS, grammarName } from './highlight-languages.js';

/** Class of a code element whose highlighting waits on a grammar being downloaded. */
export const HIGHLIGHT_PENDING_CLASS = 'md-highlight-pending';

const core = lazyPart<HLJSApi>('highlight.js', () => import('highlight.js/lib/core').then((m) => m.default));
const grammars = new Map<string, LazyPart<void>>();
/** Grammars whose download failed: their code stays plain (loadHighlighter() may try again). */
const failed = new Set<string>();
const listeners = new Set<(language: string) => void>();

function grammarPart(name: string): LazyPart<void> {
  let part = grammars.get(name);
  if (!part) {
    part = lazyPart(`highlight.js ${name}`, async () => {
      const [hljs, grammar] = await Promise.all([core.load(), GRAMMARS[name]()]);
      hljs.registerLanguage(name, grammar.default);
    });
    grammars.set(name, part);
  }
  return part;
}

/** Loads the grammars (and the core); resolves true if all arrived. Rendering never needs to wait on this. */
export async function loadHighlighter(languages: readonly string[] = []): Promise<boolean> {
  const names = languages.map(grammarName).filter((name): name is string => !!name);
  const results = await Promise.allSettled([core.load(), ...names.map(requestGrammar)]);
  return results.every((r) => r.status === 'fulfilled' && r.value !== false);
}

/** Downloads in flight, by grammar: each code block that asks while one is on its way waits for the same. */
const requests = new Map<string, Promise<boolean>>();

/**
 * Loads a grammar and tells the listeners once when it arrives (or fails). Once, not once per caller: a
 * burst renders dozens of blocks of a language before its grammar is there, and each telling highlights
 * what is pending, all in the task the download ended in.
 */
function requestGrammar(name: string): Promise<boolean> {
  const part = grammarPart(name);
  if (part.loaded !== undefined) return Promise.resolve(true);
  let request = requests.get(name);
  if (!request) {
    failed.delete(name);
    request = part.load().then(
      () => (requests.delete(name), notify(name), true),
      () => (requests.delete(name), failed.add(name), notify(name), false),
    );
    requests.set(name, request);
  }
  return request;
}

function notify(name: string): void {
  for (const listener of listeners) listener(name);
}

/** Calls `listener` with a grammar's name each time one arrives or fails; returns the unsubscribe. */
export function onHighlighterChange(listener: (language: string) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Whether code in `language` will be highlightable once a download ends (it is neither ready nor failed). */
export function highlightPending(language: string): boolean {
  const name = grammarName(language);
  return !!name && !core.loaded?.getLanguage(name) && !failed.has(name);
}

/**
 * Highlighted HTML for `code` (hljs output: escaped text and <span class="hljs-…">), or null: unknown
 * language, or its grammar is not loaded yet (the download starts; see highlightPending()).
 */
export function highlightCode(code: string, language: string): string | null {
  const name = grammarName(language);
  if (!name) return null;
  const hljs = core.loaded;
  if (hljs?.getLanguage(name)) return hljs.highlight(code, { language: name, ignoreIllegals: true }).value;
  if (!failed.has(name)) void requestGrammar(name);
  return null;
}
