/**
 * Growing a list or a table in place. While the last block of a streaming answer is a long list or table,
 * re-rendering it whole on every frame is quadratic (a 300-item list costs seconds). Items and rows that
 * did not change keep their elements; only the changed tail of the list (usually its last item) or of the
 * table body is rendered and swapped in, into the same <ul>/<ol>/<table>, so the DOM ends up exactly as
 * a full render would make it.
 */
import type { Token, Tokens } from 'marked';

/** Renders tokens to sanitized top-level nodes (the stream's own pipeline). */
export type RenderNodes = (tokens: Token[]) => Node[];

/**
 * Updates `root` (the element rendered for `before`) to show `after`. Returns false when the change is not
 * a growth it can apply in place (different kind, list became loose, header changed…): render it whole then.
 */
export function patchBlock(root: Node | undefined, before: Token, after: Token, render: RenderNodes): boolean {
  if (!(root instanceof Element) || before.type !== after.type) return false;
  if (after.type === 'list') return patchList(root, before as Tokens.List, after as Tokens.List, render);
  if (after.type === 'table') return patchTable(root, before as Tokens.Table, after as Tokens.Table, render);
  return false;
}

/** Index of the first entry that differs, comparing with `same`. */
function firstChange<T>(before: readonly T[], after: readonly T[], same: (a: T, b: T) => boolean): number {
  let i = 0;
  while (i < before.length && i < after.length && same(before[i], after[i])) i++;
  return i;
}

/** marked renders a list as "<ul>\n" then "<li>…</li>\n" per item: children are "\n", then (li, "\n") pairs. */
function patchList(root: Element, before: Tokens.List, after: Tokens.List, render: RenderNodes): boolean {
  if (before.ordered !== after.ordered || before.start !== after.start || before.loose !== after.loose) return false;
  if (root.localName !== (after.ordered ? 'ol' : 'ul') || root.childNodes.length !== 1 + 2 * before.items.length) return false;
  const from = firstChange(before.items, after.items, (a, b) => a.raw === b.raw);
  const rest = after.items.slice(from);
  let fresh: Element | undefined;
  if (rest.length) {
    fresh = render([{ ...after, items: rest }])[0] as Element | undefined;
    if (!fresh || fresh.localName !== root.localName || fresh.childNodes.length !== 1 + 2 * rest.length) return false;
  }
  while (root.childNodes.length > 1 + 2 * from) root.lastChild!.remove();
  if (fresh) root.append(...Array.from(fresh.childNodes).slice(1));
  return true;
}

const cellsText = (cells: Tokens.TableCell[]) => cells.map((cell) => cell.text).join('\u0000');

/** A table renders as "\n", thead, "\n", then tbody (only when there are rows) holding (tr, "\n") pairs. */
function patchTable(root: Element, before: Tokens.Table, after: Tokens.Table, render: RenderNodes): boolean {
  if (cellsText(before.header) !== cellsText(after.header) || before.align.join() !== after.align.join()) return false;
  if (!before.rows.length || !after.rows.length || root.localName !== 'table') return false;
  const body = root.lastChild;
  if (!(body instanceof Element) || body.localName !== 'tbody' || body.childNodes.length !== 2 * before.rows.length) return false;
  const from = firstChange(before.rows, after.rows, (a, b) => cellsText(a) === cellsText(b));
  const rest = after.rows.slice(from);
  let freshBody: Element | undefined;
  if (rest.length) {
    const fresh = render([{ ...after, rows: rest }])[0] as Element | undefined;
    freshBody = fresh?.lastElementChild ?? undefined;
    if (!freshBody || freshBody.localName !== 'tbody' || freshBody.childNodes.length !== 2 * rest.length) return false;
  }
  while (body.childNodes.length > 2 * from) body.lastChild!.remove();
  if (freshBody) body.append(...Array.from(freshBody.childNodes));
  return true;
}
