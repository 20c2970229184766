/**
 * Top-level blocks are grouped in `<div class="md-part">` wrappers of PART_SIZE blocks. Why: when a block is
 * appended, the browser lays out its parent again, visiting every child; with a few thousand blocks side
 * by side that visit costs milliseconds per frame and makes a long answer's layout quadratic. In parts, a
 * frame touches the parts (a few dozen) and the blocks of the last one. The wrappers have no box styling,
 * so margins collapse through them and the page looks the same.
 *
 * A part also ends once its blocks hold PART_CHARS characters of source: a few huge blocks (a long line cut
 * while streaming, a big table) would otherwise stay in the last part, which is laid out and painted again
 * on every frame, while the finished parts before it are skipped when off screen (markdown-styles.ts).
 *
 * Parts are numbered by walking the blocks that are not blank space in order, so a one-shot render and a
 * stream group the same blocks together; a part exists only if some block in it shows something (a run of
 * link definitions shows nothing).
 */
import type { Token } from 'marked';

export const PART_SIZE = 32;
export const PART_CHARS = 8 * 1024;
export const PART_CLASS = 'md-part';

/** Where the next block goes: its part, and how many blocks and characters that part holds already. */
export interface PartCursor {
  part: number;
  blocks: number;
  chars: number;
}

export const firstPart = (): PartCursor => ({ part: 0, blocks: 0, chars: 0 });

/** Moves `cursor` past one block (blank space stays in the part of the block after it). */
export function advancePart(cursor: PartCursor, token: Pick<Token, 'type' | 'raw'>): void {
  if (token.type === 'space') return;
  cursor.blocks++;
  cursor.chars += token.raw.length;
  if (cursor.blocks >= PART_SIZE || cursor.chars >= PART_CHARS) {
    cursor.part++;
    cursor.blocks = 0;
    cursor.chars = 0;
  }
}

/** The part of each token, the first one going where `from` points (`from` is left as it is). */
export function partsOf(tokens: readonly Token[], from: PartCursor = firstPart()): number[] {
  const cursor = { ...from };
  return tokens.map((token) => {
    const part = cursor.part;
    advancePart(cursor, token);
    return part;
  });
}

/** Groups tokens by part, for a one-shot render. */
export function groupByPart(tokens: readonly Token[]): Token[][] {
  const groups: Token[][] = [];
  partsOf(tokens).forEach((part, i) => (groups[part] ??= []).push(tokens[i]));
  return groups.filter(Boolean);
}

/** The part wrappers of one container, created as blocks arrive and removed when they empty. */
export class PartList {
  private readonly container: HTMLElement;
  private readonly parts = new Map<number, HTMLElement>();

  constructor(container: HTMLElement) {
    this.container = container;
  }

  /** Appends a block's nodes at the end of part `index` (created after the others if new). */
  append(index: number, nodes: readonly Node[]): void {
    if (!nodes.length) return;
    let part = this.parts.get(index);
    if (!part) {
      part = document.createElement('div');
      part.className = PART_CLASS;
      this.parts.set(index, part);
      this.container.appendChild(part);
    }
    for (const node of nodes) part.appendChild(node);
  }

  /** Removes parts left empty by removed blocks (only the last parts can be). */
  prune(): void {
    for (const [index, part] of this.parts) {
      if (!part.hasChildNodes()) {
        part.remove();
        this.parts.delete(index);
      }
    }
  }

  clear(): void {
    for (const part of this.parts.values()) part.remove();
    this.parts.clear();
  }
}
