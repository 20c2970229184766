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
 * Parts are in turn grouped in `<div class="md-group">` wrappers of GROUP_SIZE parts, and a finished group
 * (GROUP_DONE_CLASS), not each of its parts, is what is skipped while off screen; only in the growing group are the finished
 * parts skipped one by one. Why: Chromium's style update costs time in the number of elements that have
 * `content-visibility: auto` in the document, whichever of them change (measured on a small page,
 * appending one part of 16 blocks: a frame took 17 ms next to 300 parts and 65 ms next to 3,000 with one
 * such element per part; 5 and 10 ms with one per group of 32 parts, the container holding 94 groups).
 * A 1 MB answer has about 430 parts, 5 MB about 2,200; so at most GROUP_SIZE - 1 parts have it besides
 * the groups. (3,000 elements that had it and lost it cost a frame little; 3,000 that keep it, tens of ms.)
 *
 * Parts are numbered by walking the blocks that are not blank space in order, so a one-shot render and a
 * stream group the same blocks together; a part exists only if some block in it shows something (a run of
 * link definitions shows nothing).
 */
import type { Token } from 'marked';

export const PART_SIZE = 32;
export const PART_CHARS = 8 * 1024;
export const PART_CLASS = 'md-part';
export const GROUP_SIZE = 32;
export const GROUP_CLASS = 'md-group';
/**
 * A group another one follows: final, skipped while off screen (markdown-styles.ts). A class set when the
 * next group starts, not `:not(:last-child)`: a rule that asks which group is last makes Chromium restyle
 * the whole previous group, thousands of elements, when one is appended, where a class restyles only the
 * group itself. Not on every group from its start either: the growing one, skippable, made each frame
 * cost more (a 1 MB answer took about a third longer to show).
 */
export const GROUP_DONE_CLASS = 'md-group-done';

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

/** Groups tokens by part, for a one-shot render: element i holds the tokens of part i. */
export function groupByPart(tokens: readonly Token[]): Token[][] {
  const parts: Token[][] = [];
  partsOf(tokens).forEach((part, i) => (parts[part] ??= []).push(tokens[i]));
  return Array.from(parts, (part) => part ?? []);
}

/** The HTML of a one-shot render from the HTML of each part (in part order): parts and groups wrapped. */
export function wrapParts(partHtmls: readonly string[]): string {
  const groups: string[] = [];
  for (let start = 0; start < partHtmls.length; start += GROUP_SIZE) {
    const group = partHtmls
      .slice(start, start + GROUP_SIZE)
      .map((part) => (part ? `<div class="${PART_CLASS}">${part}</div>` : ''))
      .join('');
    if (group) groups.push(group);
  }
  return groups
    .map((group, i) => `<div class="${i < groups.length - 1 ? `${GROUP_CLASS} ${GROUP_DONE_CLASS}` : GROUP_CLASS}">${group}</div>`)
    .join('');
}

/** The part and group wrappers of one container, created as blocks arrive and removed when they empty. */
export class PartList {
  private readonly container: HTMLElement;
  private readonly parts = new Map<number, HTMLElement>();
  private readonly groups = new Map<number, HTMLElement>();

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
      this.group(Math.floor(index / GROUP_SIZE)).appendChild(part);
    }
    for (const node of nodes) part.appendChild(node);
  }

  /** Group `index`, created after the others if new. */
  private group(index: number): HTMLElement {
    let group = this.groups.get(index);
    if (!group) {
      [...this.groups.values()].at(-1)?.classList.add(GROUP_DONE_CLASS);
      group = document.createElement('div');
      group.className = GROUP_CLASS;
      this.groups.set(index, group);
      this.container.appendChild(group);
    }
    return group;
  }

  /** Removes parts and groups left empty by removed blocks (only the last ones can be). */
  prune(): void {
    for (const [index, part] of this.parts) {
      if (!part.hasChildNodes()) {
        part.remove();
        this.parts.delete(index);
      }
    }
    let removed = false;
    for (const [index, group] of this.groups) {
      if (!group.hasChildNodes()) {
        group.remove();
        this.groups.delete(index);
        removed = true;
      }
    }
    if (removed) [...this.groups.values()].at(-1)?.classList.remove(GROUP_DONE_CLASS);
  }

  clear(): void {
    for (const group of this.groups.values()) group.remove();
    this.groups.clear();
    this.parts.clear();
  }
}
