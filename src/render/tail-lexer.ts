/**
 * Lexing the open tail when it starts with a long list or table, without lexing all of it again on every
 * frame (which makes a 400-row table quadratic). The items or rows before the last known one cannot change:
 *
 * - A GFM table is a header line, a delimiter line, then one row per line, each independent of the others.
 *   Lexing the header, the delimiter and the text from the last known row on gives the same tokens for
 *   everything after.
 * - A list item's content depends only on its own marker and indentation; what items share is whether the
 *   list is loose (a blank line between items, or inside one). Lexing from the last known item on gives
 *   the same items, as long as looseness is the same on both sides (otherwise: the full lex).
 *
 * The result is stitched back into the token list a full lex would give; null means "lex the whole tail".
 */
import type { Token, Tokens, TokensList } from 'marked';
import { collectDefinitions, lexMarkdown, type Links } from './markdown-renderer.js';

const cellsText = (cells: Tokens.TableCell[]) => cells.map((cell) => cell.text).join('\u0000');

/**
 * Tokens for the open tail `src`, whose first token at the last render was `previous`, reusing its items
 * or rows when possible. `reusable(links)` must say whether the link definitions are still those the
 * previous token was lexed with: the kept items' links were resolved then.
 */
export function lexTail(
  src: string,
  previous: Token | undefined,
  links: Links,
  reusable: (links: Links) => boolean,
): TokensList {
  const shortcut = lexGrowingTable(src, previous, links) ?? lexGrowingList(src, previous, links);
  return shortcut && reusable(shortcut.links) ? shortcut : lexMarkdown(src, links);
}

function stitch(first: Token, tokens: TokensList): TokensList {
  const list = [first, ...tokens.slice(1)] as TokensList;
  list.links = tokens.links;
  return list;
}

/** A table with rows: lexed again from its last row. */
function lexGrowingTable(src: string, previous: Token | undefined, links: Links): TokensList | null {
  if (previous?.type !== 'table') return null;
  const table = previous as Tokens.Table;
  if (table.rows.length < 2) return null;
  const lines = table.raw.split('\n');
  const kept = table.rows.length - 1; // the last row may still be growing
  if (lines.length < 2 + table.rows.length) return null;
  const rowStart = lines.slice(0, 2 + kept).reduce((sum, line) => sum + line.length + 1, 0);
  if (!src.startsWith(table.raw.slice(0, rowStart))) return null;
  const prefix = `${lines[0]}\n${lines[1]}\n`;
  const tokens = lexMarkdown(prefix + src.slice(rowStart), links);
  const first = tokens[0] as Tokens.Table | undefined;
  if (first?.type !== 'table' || !first.raw.startsWith(prefix)) return null;
  if (cellsText(first.header) !== cellsText(table.header) || first.align.join() !== table.align.join()) return null;
  const whole: Tokens.Table = {
    ...first,
    raw: src.slice(0, rowStart) + first.raw.slice(prefix.length),
    rows: [...table.rows.slice(0, kept), ...first.rows],
  };
  return stitch(whole, tokens);
}

/** marked's test for an item that ends with a blank line (then, if another item follows, the list is loose). */
const ENDS_WITH_BLANK_LINE = /\n[ \t]*\n[ \t]*$/;
const looseOnItsOwn = (item: Tokens.ListItem) =>
  item.tokens.some((token) => token.type === 'space' && /\n.*\n/.test(token.raw));

/** A list with several items: lexed again from its last item. */
function lexGrowingList(src: string, previous: Token | undefined, links: Links): TokensList | null {
  if (previous?.type !== 'list') return null;
  const list = previous as Tokens.List;
  const kept = list.items.length - 1; // the last item may still be growing
  if (kept < 1) return null;
  const itemStart = list.items.slice(0, kept).reduce((sum, item) => sum + item.raw.length, 0);
  if (!src.startsWith(list.raw.slice(0, itemStart))) return null;
  // Definitions inside the kept items still count (they come first, so they win as in a full lex).
  const known: Links = Object.assign(Object.create(null), links);
  for (const item of list.items.slice(0, kept)) for (const token of item.tokens) collectDefinitions(token, known);
  const tokens = lexMarkdown(src.slice(itemStart), known);
  const first = tokens[0] as Tokens.List | undefined;
  if (first?.type !== 'list' || first.ordered !== list.ordered) return null;
  // Looseness of the kept items (with the item after each), which the new items cannot undo.
  const keptLoose = list.items.slice(0, kept).some((item) => ENDS_WITH_BLANK_LINE.test(item.raw) || looseOnItsOwn(item));
  const loose = keptLoose || first.loose;
  if (loose !== first.loose || loose !== list.loose) return null;
  const whole: Tokens.List = {
    ...first,
    raw: src.slice(0, itemStart) + first.raw,
    start: list.start,
    loose,
    items: [...list.items.slice(0, kept), ...first.items],
  };
  return stitch(whole, tokens);
}
