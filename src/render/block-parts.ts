/**
 * Top-level blocks are grouped in `<div class="md-part">` wrappers of PART_SIZE blocks. Why: when a block is
 * appended, the browser lays out its parent again, visiting every child; with a few thousand blocks side
 * by side that visit costs milliseconds per frame and makes a long answer's layout quadratic. In parts, a
 * frame touches the parts (a few dozen) and the blocks of the last one. The wrappers have no box styling,
 * so margins collapse through them and the page looks the same.
 *
 * Parts are numbered by the index of the block among the blocks that are not blank space, so a one-shot
 * render and a stream group the same blocks together; a part exists only if some block in it shows
 * something (a run of link definitions shows nothing).
 */
import type { Token } from 'marked';

export const PART_SIZE = 32;
export const PART_CLASS = 'md-part';

/** The part of each token, given how many non-space blocks come before the first one. */
export function partsOf(tokens: readonly Token[], before = 0): number[] {
  let index = before;
  return tokens.map((token) => {
    const part = Math.floor(index / PART_SIZE);
    if (token.type !== 'space') index++;
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
