/**
 * Which leading blocks of a partly received markdown text are final: whatever text arrives later, lexing
 * the whole text will produce them unchanged. The stream renders those once and keeps their DOM.
 *
 * A block is final when what follows it proves it closed. The proof used here is a later block whose first
 * line is complete: the lexer only ends a block on the evidence of the line after it (a list ends at an
 * unindented line, a table at a line that starts another block, a fence at its closing line, a blockquote
 * at a line that is not a lazy continuation), and a complete line cannot change its meaning. Until then,
 * "- a\n\nfoo" may still become "- a\n\n  foo" (a second paragraph of the item), "foo\n#" may become
 * "foo\n#x" (a longer paragraph), "```" may become "``` x" (not a fence).
 *
 * Paragraphs and link definitions also need a blank line after them: the lexer glues an indented code line,
 * a definition or a second paragraph onto a paragraph just before it, and a definition's title may run on
 * to the next lines ("[a]: /u\n'x" then "\ny'").
 */
import type { Token } from 'marked';

const NEEDS_BLANK_LINE = new Set(['paragraph', 'text', 'def', 'html']);

/**
 * How many of `tokens` (the lexer's output for `src`, in order) are final. Returns 0 when in doubt,
 * including when the tokens' raw text does not tile `src` exactly (offsets would be wrong).
 */
export function finalTokenCount(tokens: readonly Token[], src: string): number {
  const starts: number[] = [];
  let offset = 0;
  for (const token of tokens) {
    if (!src.startsWith(token.raw, offset)) break;
    starts.push(offset);
    offset += token.raw.length;
  }
  // Only tokens whose offsets are trustworthy can be frozen: starts.length of them.
  for (let u = starts.length - 1; u > 0; u--) {
    const proof = tokens[u];
    if (proof.type === 'space') continue;
    if (src.indexOf('\n', starts[u]) < 0) continue; // its first line may still change
    let previous = u - 1;
    let blankLine = false;
    while (previous >= 0 && tokens[previous].type === 'space') {
      blankLine = true;
      previous--;
    }
    if (previous < 0) continue;
    const before = tokens[previous];
    if (NEEDS_BLANK_LINE.has(before.type) && !blankLine && !/\n[ \t]*\n$/.test(before.raw)) continue;
    return u;
  }
  return 0;
}
