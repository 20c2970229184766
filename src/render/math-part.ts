/**
 * KaTeX, as a part loaded the first time a formula is shown (math-typeset.ts). It typesets the formulas
 * math-syntax.ts marked, in place, and brings KaTeX's styles: its rules into the shadow root (or the
 * document) showing the formula, its font faces into the document, where the browser reads them.
 *
 * Untrusted input, so: `trust: false` (no `\href`, `\url`, `\includegraphics`, `\htmlClass`…), sizes and
 * macro expansion bounded, and the output through the rich sanitizer all the same. A formula KaTeX
 * refuses keeps its source, marked `md-math-error` with KaTeX's reason as its title.
 */
import katex from 'katex';
import { KATEX_CSS, KATEX_FONTS } from './katex-styles.js';
import { MATH_PENDING_CLASS } from './math-syntax.js';

/** The pacing of typesetting while a text streams comes with KaTeX: before it arrives there is none to pace. */
export { MathQueue } from './math-queue.js';
import { sanitizeRichEach } from './rich-sanitize.js';

const OPTIONS = {
  throwOnError: true,
  trust: false,
  strict: 'ignore',
  // Largest size (em) of a rule or space: a `\rule{1e6em}{1e6em}` would cover the page.
  maxSize: 20,
  // Macro expansions per formula: `\def\a{\a\a}` would never end.
  maxExpand: 500,
  output: 'htmlAndMathml',
} as const;

const DELIMITERS: [open: string, close: string, display: boolean][] = [
  ['$$', '$$', true],
  ['\\[', '\\]', true],
  ['\\(', '\\)', false],
  ['$', '$', false],
];

/** Display math scrolls rather than widening the answer; a refused formula reads as code. */
const OWN_CSS =
  '.md-math-block{margin:.75em 0;overflow-x:auto;overflow-y:hidden}.md .katex-display{overflow-x:auto;overflow-y:hidden}' +
  '.md-math-error{font-family:var(--stream-chat-code-font,ui-monospace,monospace);font-size:.9em;text-decoration:underline wavy rgba(207,34,46,.6)}';

let sheet: CSSStyleSheet | undefined;
let fontsAdded = false;

/** Typesets the marked formulas (elements holding their source, delimiters included). */
export function typeset(elements: Iterable<HTMLElement>): void {
  const typesetElements: HTMLElement[] = [];
  const typesetHtml: string[] = [];
  for (const element of elements) {
    addStyles(element.getRootNode());
    element.classList.remove(MATH_PENDING_CLASS);
    const source = element.textContent ?? '';
    const delimiters = DELIMITERS.find(([o, c]) => source.length > o.length + c.length && source.startsWith(o) && source.endsWith(c));
    if (!delimiters) continue;
    const [open, close, displayMode] = delimiters;
    try {
      typesetHtml.push(katex.renderToString(source.slice(open.length, -close.length), { ...OPTIONS, displayMode }));
      typesetElements.push(element);
    } catch (error) {
      element.classList.add('md-math-error');
      element.title = error instanceof Error ? error.message : String(error);
    }
  }
  // One sanitizer pass for all of them (see sanitizeRichEach).
  sanitizeRichEach(typesetHtml).forEach((fragment, i) => typesetElements[i].replaceChildren(fragment));
}

/** KaTeX's rules where the formula is shown, its fonts in the document; once each. */
export function addStyles(root: Node): void {
  if (!(root instanceof ShadowRoot || root instanceof Document)) return; // not on a page yet
  sheet ??= new CSSStyleSheet();
  if (!sheet.cssRules.length) sheet.replaceSync(KATEX_CSS + OWN_CSS);
  if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  if (fontsAdded) return;
  fontsAdded = true;
  const faces = new CSSStyleSheet();
  // font-display swap: a formula is readable in a fallback font while its font downloads.
  faces.replaceSync(
    KATEX_FONTS.map(
      ([family, style, weight, url]) =>
        `@font-face{font-family:${family};font-style:${style};font-weight:${weight};font-display:swap;src:url("${url.href}") format("woff2")}`,
    ).join('\n'),
  );
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, faces];
}
