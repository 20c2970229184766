/**
 * What rendered markdown does when clicked, by event delegation on its container (so a block rendered again
 * needs no rewiring): a code block's copy button copies its code; a remote image's placeholder loads it.
 * It also highlights, in place, code blocks rendered while their grammar was still downloading, and
 * typesets formulas once KaTeX is there (math-typeset.ts).
 *
 * MarkdownStream attaches this to its container. For a fragment from renderMarkdown(), call it on the
 * element you insert the fragment into.
 */
import { resolveMarkdownOptions, type MarkdownOptions, type ResolvedMarkdownOptions } from './markdown-options.js';
import { onHighlighterChange } from './highlight.js';
import { highlightPendingCode } from './highlight-pending.js';
import { remoteImageUrl } from './sanitize.js';
import { onMathReady, typesetPendingMath } from './math-typeset.js';
import { containerSignals, renderFences } from './fence-renderers.js';

/** How long the copy button says "Copied". */
const COPIED_MS = 1500;

/** Wires copy buttons and image placeholders inside `container`; returns a function that unwires them. */
export function attachMarkdownBehavior(
  container: HTMLElement,
  options: MarkdownOptions | ResolvedMarkdownOptions = {},
): () => void {
  const resolved = 'imageAllowed' in options ? options : resolveMarkdownOptions(options);
  const onClick = (event: MouseEvent) => {
    const target = event.target as Element | null;
    const button = target?.closest?.('button');
    if (!button || !container.contains(button)) return;
    if (button.classList.contains('md-copy')) void copyCode(button, resolved);
    else if (button.classList.contains('md-image')) loadImage(button, resolved);
  };
  container.addEventListener('click', onClick);
  const stopHighlighting = onHighlighterChange(() => highlightPendingCode(container));
  const stopTypesetting = onMathReady(() => typesetPendingMath(container));
  typesetPendingMath(container);
  const attached = new AbortController();
  containerSignals.set(container, attached.signal);
  renderFences(container, resolved);
  return () => {
    attached.abort(new Error('the answer is no longer shown'));
    container.removeEventListener('click', onClick);
    stopHighlighting();
    stopTypesetting();
  };
}

async function copyCode(button: HTMLButtonElement, options: ResolvedMarkdownOptions): Promise<void> {
  const code = button.closest('.md-code')?.querySelector('pre code');
  if (!code) return;
  const text = code.textContent ?? '';
  let copied = false;
  try {
    await navigator.clipboard.writeText(text);
    copied = true;
  } catch {
    copied = copyWithSelection(button, text); // no Clipboard API (insecure context) or no permission
  }
  if (!copied) return;
  // The name changes too, so a screen reader on the button hears the confirmation.
  const { copy, copyLabel, copied: done } = options.strings;
  button.textContent = done;
  button.setAttribute('aria-label', done);
  setTimeout(() => {
    button.textContent = copy;
    button.setAttribute('aria-label', copyLabel);
  }, COPIED_MS);
}

/** The pre-Clipboard-API way: select the text in a hidden textarea and ask the browser to copy. */
function copyWithSelection(button: HTMLButtonElement, text: string): boolean {
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.cssText = 'position:fixed;top:0;left:0;opacity:0;pointer-events:none';
  button.after(area);
  area.select();
  let ok = false;
  try {
    ok = document.execCommand('copy');
  } catch {
    ok = false;
  }
  area.remove();
  button.focus();
  return ok;
}

function loadImage(button: HTMLButtonElement, options: ResolvedMarkdownOptions): void {
  const url = remoteImageUrl(button.dataset.src);
  if (!url) return;
  // Remembered so the image stays loaded if its block is rendered again while the answer streams.
  options.loadedImages.add(url.href);
  const img = document.createElement('img');
  img.alt = button.dataset.alt ?? '';
  if (button.title) img.title = button.title;
  img.referrerPolicy = 'no-referrer';
  img.src = url.href;
  button.replaceWith(img);
}
