/**
 * Code blocks rendered while their grammar was downloading carry HIGHLIGHT_PENDING_CLASS. When the grammar
 * arrives they are highlighted in place (the same element, so a selection or a focused copy button
 * survives), ending exactly as if they had been rendered highlighted: `<code class="hljs language-x">`.
 */
import { HIGHLIGHT_PENDING_CLASS, highlightCode, highlightPending } from './highlight.js';
import { sanitizeToFragment } from './sanitize.js';

const LANGUAGE_PREFIX = 'language-';

/**
 * A grammar can arrive when a long answer already holds dozens of its blocks (a burst rendered while it
 * downloaded): they are highlighted a few milliseconds at a time, each slice in a task of its own.
 */
const SLICE_MS = 8;

export function highlightPendingCode(root: ParentNode): void {
  const started = performance.now();
  for (const code of root.querySelectorAll<HTMLElement>(`code.${HIGHLIGHT_PENDING_CLASS}`)) {
    if (performance.now() - started > SLICE_MS) {
      setTimeout(() => highlightPendingCode(root), 0);
      return;
    }
    const language = [...code.classList].find((name) => name.startsWith(LANGUAGE_PREFIX))?.slice(LANGUAGE_PREFIX.length) ?? '';
    if (highlightPending(language)) continue; // another grammar arrived; this one is still on its way
    code.classList.remove(HIGHLIGHT_PENDING_CLASS);
    const html = highlightCode(code.textContent ?? '', language);
    if (html === null) continue; // the grammar failed to load: the code stays plain
    // hljs output is escaped text in <span class="hljs-…">; it goes through the sanitizer like every render.
    code.replaceChildren(sanitizeToFragment(html, () => false));
    code.className = `hljs ${code.className}`;
  }
}
