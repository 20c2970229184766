/**
 * Math in markdown: `$…$` and `\(…\)` inline, `$$…$$` and `\[…\]` displayed (on their own lines, or
 * inside a paragraph). A marked extension of our own rather than `marked-katex-extension`: that one
 * imports KaTeX (75 KB gzip) into the renderer, and the renderer is on every first answer's path.
 *
 * The renderer only marks the formula (`<span class="md-math md-math-pending">` holding its source, as
 * escaped text); math-typeset.ts typesets marked formulas once the KaTeX part is there. So a formula is
 * readable as source at once, and the HTML that goes through the sanitizer holds no KaTeX markup.
 *
 * Dollars follow pandoc's rule, so prices stay prose ("$5 and $10"): the opening `$` is not followed by
 * a space, the closing `$` is not preceded by a space nor followed by a digit, and an inline formula
 * stays on one line. A formula still open while the answer streams is simply not matched yet: it shows
 * as source until its closing delimiter arrives. Display math holds no blank line (TeX refuses one too),
 * so a paragraph the stream froze before the closing `$$` is the same paragraph in a one-shot render.
 */
import type { TokenizerAndRendererExtension, Tokens } from 'marked';

/** Class of a formula's element; with MATH_PENDING_CLASS while it shows its source. */
export const MATH_CLASS = 'md-math';
export const MATH_PENDING_CLASS = 'md-math-pending';

/** A formula longer than this is left as text: KaTeX's cost grows with it, and no answer needs more. */
const MAX_FORMULA = 8000;

interface MathToken extends Tokens.Generic {
  text: string;
}

// Display: `$$…$$` / `\[…\]` with no blank line inside; inline: `\(…\)`, and pandoc's `$…$` (without a
// backtick: a code span that starts inside it wins, as code spans do in markdown).
const DISPLAY_DOLLARS = /^\$\$((?:\\[^\n]|[^\\$]|\$(?!\$))+?)\$\$/;
const DISPLAY_BRACKETS = /^\\\[((?:\\(?!\])[^]|[^\\])+?)\\\]/;
const INLINE_PARENS = /^\\\(((?:\\(?!\))[^]|[^\\])+?)\\\)/;
const INLINE_DOLLAR = /^\$(?![\s$])((?:\\[^\n]|[^\\$\n`])*?(?:\\[^\n]|[^\\$\s`]))\$(?!\d)/;
const BLANK_LINE = /\n[ \t]*\n/;

function matchMath(src: string): RegExpExecArray | null {
  const match = DISPLAY_DOLLARS.exec(src) ?? DISPLAY_BRACKETS.exec(src) ?? INLINE_PARENS.exec(src) ?? INLINE_DOLLAR.exec(src);
  return match && match[0].length <= MAX_FORMULA && !BLANK_LINE.test(match[1]) ? match : null;
}

/** The element a formula's source is shown in (math-typeset.ts reads the delimiters back from it). */
function pendingMath(raw: string): string {
  const source = raw.trim().replace(/[&<>]/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<span class="${MATH_CLASS} ${MATH_PENDING_CLASS}">${source}</span>`;
}

const inlineMath: TokenizerAndRendererExtension = {
  name: 'math',
  level: 'inline',
  start: (src) => src.search(/\$|\\[([]/),
  tokenizer(src): MathToken | undefined {
    const match = matchMath(src);
    if (match) return { type: 'math', raw: match[0], text: match[1] };
  },
  renderer: (token) => pendingMath(token.raw),
};

const blockMath: TokenizerAndRendererExtension = {
  name: 'mathBlock',
  level: 'block',
  tokenizer(src): MathToken | undefined {
    const match = /^ {0,3}(?=\$\$|\\\[)/.exec(src) && matchMath(src.trimStart());
    if (!match) return;
    const rest = /^[ \t]*(?:\n|$)/.exec(src.slice(src.indexOf(match[0]) + match[0].length));
    if (!rest) return; // text after the formula on its line: a paragraph holding display math
    return { type: 'mathBlock', raw: src.slice(0, src.indexOf(match[0]) + match[0].length + rest[0].length), text: match[1] };
  },
  renderer: (token) => `<div class="md-math-block">${pendingMath(token.raw)}</div>\n`,
};

export const mathExtensions = [blockMath, inlineMath];
