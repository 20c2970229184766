/**
 * A build plugin for the drop-in (`vite build --mode dropin` and `--mode bundle`): the element's CSS
 * without its comments and layout whitespace. The CSS lives in template literals (Lit's css`...`, and
 * the plain-text sheets of the render layer, `*-styles.ts`), which the minifier leaves as written: about
 * a third of their characters were indentation, line breaks and comments, shipped in every first load.
 *
 * Only whitespace and comments go: runs of whitespace become one space, and the space next to `{ } ; , >`,
 * inside parentheses' edges and after a property's colon goes (`calc(a + b)` keeps its spaces). A space before a colon stays (`a :hover` is not `a:hover`), and
 * `${...}` parts of a literal are kept as written. Quoted strings in the CSS (`content: '▍'`) hold no
 * runs of spaces or comment marks, so they are unchanged.
 */
import type { Plugin } from 'vite';

/** Source files whose template literals are CSS: css`...` anywhere, and every literal of a styles file. */
const STYLES_FILE = /[\\/]src[\\/].*styles\.ts$/;
const SOURCE_FILE = /[\\/]src[\\/].*\.ts$/;

export function compactCss(): Plugin {
  return {
    name: 'stream-chat-compact-css',
    enforce: 'pre',
    transform(code, id) {
      const out = compactCssLiterals(code, id);
      return out === code ? null : { code: out, map: null };
    },
  };
}

/** The source with its CSS literals compacted (unchanged if it has none). */
export function compactCssLiterals(code: string, id: string): string {
  if (!SOURCE_FILE.test(id)) return code;
  const whole = STYLES_FILE.test(id);
  if (!whole && !code.includes('css`')) return code;
  const literal = whole ? /(=\s*(?:css)?)`([^`]*)`/g : /(css)`([^`]*)`/g;
  return code.replace(literal, (_, head: string, body: string) => `${head}\`${compact(body)}\``);
}

export function compact(css: string): string {
  return css
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};,>])\s*/g, '$1')
    .replace(/\(\s+/g, '(')
    .replace(/\s+\)/g, ')')
    .replace(/:\s+/g, ':')
    .replace(/;}/g, '}')
    .trim();
}
