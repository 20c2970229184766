/**
 * Speaking an answer (`read-aloud`), loaded on first use (see read-aloud.ts): the answer as the words a
 * reader sees, without markdown syntax, code blocks or buttons, spoken with the browser's speech
 * synthesis in sentence-sized utterances (Chrome stops a single long utterance after about 15 s).
 */

/** Skipped when reading: code blocks, the code toolbar, buttons, icons, what screen readers skip. */
const SKIP = 'pre, button, svg, img, .md-code-bar, .md-render-notice, .katex-html, [aria-hidden="true"]';
const BLOCKS = /^(p|div|blockquote|ul|ol|li|table|tr|h[1-6]|hr|dl|dt|dd|section|figure|figcaption|details|summary)$/;
/** Longest utterance, in characters. */
const MAX_UTTERANCE = 200;

/** What a listener should hear of the answer's rendered containers; `fallback` (markdown source) when nothing is rendered. */
export function readableText(containers: readonly Element[], fallback: string): string {
  const rendered = containers.filter((c) => c.childElementCount > 0);
  const text = rendered.length ? rendered.map(walk).join('\n') : stripMarkdown(containers.map((c) => c.textContent ?? '').join('\n') || fallback);
  return text
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
}

function walk(node: Node): string {
  if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
  if (!(node instanceof Element) || node.matches(SKIP)) return '';
  let inner = '';
  for (const child of node.childNodes) inner += walk(child);
  return BLOCKS.test(node.localName) ? `\n${inner}\n` : node.localName === 'br' ? '\n' : inner;
}

/** Markdown source as plain words: no fenced code, no emphasis, heading or list markers; links as their text. */
export function stripMarkdown(markdown: string): string {
  return markdown
    .replace(/^(`{3,}|~{3,})[^\n]*\n[\s\S]*?(\n\1[^\n]*|$)/gm, '')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^\s{0,3}(#{1,6}\s+|>\s?|[-*+]\s+|\d+[.)]\s+)/gm, '')
    .replace(/(\*\*|__|\*|_|~~|`)(?=\S)([^\n]*?\S)\1/g, '$2')
    .replace(/^\s*([-*_]\s*){3,}$/gm, '');
}

/** The text in utterances of at most MAX_UTTERANCE characters, cut between sentences, else between words. */
export function utterances(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split('\n')) {
    let current = '';
    for (const sentence of line.match(/[^.!?…。！？]+[.!?…。！？]*\s*/g) ?? []) {
      for (const piece of sentence.length > MAX_UTTERANCE ? sentence.match(new RegExp(`.{1,${MAX_UTTERANCE}}(\\s|$)|\\S+`, 'g'))! : [sentence]) {
        if (current && current.length + piece.length > MAX_UTTERANCE) {
          out.push(current.trim());
          current = '';
        }
        current += piece;
      }
    }
    if (current.trim()) out.push(current.trim());
  }
  return out;
}

/**
 * Speaks `text` (anything speaking already is cancelled first). `done` is called once: when the last
 * utterance ends, or with the synthesiser's error code when it fails; not after the returned cancel.
 */
export function speak(text: string, lang: string, done: (error?: string) => void): () => void {
  const synth = speechSynthesis;
  const parts = utterances(text);
  let over = false;
  const finish = (error?: string) => {
    if (over) return;
    over = true;
    done(error);
  };
  synth.cancel();
  if (!parts.length) {
    queueMicrotask(() => finish());
    return () => (over = true);
  }
  parts.forEach((part, i) => {
    const utterance = new SpeechSynthesisUtterance(part);
    if (lang) utterance.lang = lang;
    utterance.addEventListener('error', (event) => {
      // Cancelled (by a stop, or by another answer being read): not a failure.
      if (event.error === 'interrupted' || event.error === 'canceled') return finish();
      if (!over) synth.cancel(); // the rest of this answer would fail the same way
      finish(event.error);
    });
    if (i === parts.length - 1) utterance.addEventListener('end', () => finish());
    synth.speak(utterance);
  });
  return () => {
    if (over) return;
    over = true;
    synth.cancel();
  };
}
