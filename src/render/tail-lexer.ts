/**
 * Lexing a growing table without lexing all of it again. A GFM table is a header line, a delimiter line,
 * then one row per line, each row independent of the others; so when the open tail starts with a table
 * that already had rows, the rows before the last one cannot change. Lexing the header, the delimiter and
 * the text from the last known row on gives the same tokens for everything after, at a cost that does not
 * grow with the table. The result is stitched back into the token list a full lex would give.
 */
import type { Token, Tokens, TokensList } from 'marked';
import { lexMarkdown, type Links } from './markdown-renderer.js';

const cellsText = (cells: Tokens.TableCell[]) => cells.map((cell) => cell.text).join('\u0000');

/**
 * Tokens for `src` (the open tail) when `previous` (its first token at the last render) is a table with
 * rows and `src` still starts with it; null when this shortcut does not apply (then lex the whole tail).
 */
export function lexGrowingTable(src: string, previous: Token | undefined, links: Links): TokensList | null {
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
  const list = [whole, ...tokens.slice(1)] as TokensList;
  list.links = tokens.links;
  return list;
}
