/**
 * Incremental markdown: text arrives in pieces, the container shows it rendered, and the cost stays linear
 * in the length of the answer.
 *
 * The text is a run of blocks (paragraphs, lists, tables, code…). Blocks proven final (block-boundary.ts)
 * are rendered once and their DOM is kept: the same nodes stay in place for the rest of the stream, so a
 * reader's text selection or a half-clicked copy button is never destroyed. Only the open tail — from the end
 * of the last final block — is lexed and rendered again, at most once per frame, and even there a block
 * whose source did not change keeps its nodes. Code is highlighted once its fence closes.
 *
 * The container belongs to the stream: it holds exactly the rendered blocks (grouped in parts, see
 * block-parts.ts), and after finish() its DOM is the same as renderMarkdown(text) however the text was split.
 */
import { attachMarkdownBehavior } from './markdown-behavior.js';
import { finalTokenCount } from './block-boundary.js';
import { patchBlock } from './block-patch.js';
import { advancePart, firstPart, PartList, partsOf, type PartCursor } from './block-parts.js';
import { defaultFrameClock, type FrameClock } from './frame-clock.js';
import { resolveMarkdownOptions, type MarkdownOptions, type ResolvedMarkdownOptions } from './markdown-options.js';
import { collectDefinitions, isClosedCode, lexMarkdown, renderTokens, type Links } from './markdown-renderer.js';
import { normalizeNewlines } from './markdown.js';
import { limitNesting, NestingGuard, nestingNotice } from './nesting-guard.js';
import { sanitizeBlocks } from './sanitize.js';
import { lexTail } from './tail-lexer.js';
import { MATH_PENDING_CLASS } from './math-syntax.js';
import type { MathQueue } from './math-queue.js';
import { mathPart, typesetPendingMath } from './math-typeset.js';
import { RENDER_PENDING_CLASS, renderFences } from './fence-renderers.js';
import type { Token, Tokens } from 'marked';

/** Longest open paragraph rendered again per frame (see cutLongParagraph). */
export const LONG_PARAGRAPH = 16 * 1024;
/** An open paragraph at least this long is also cut when rendering it took longer than SLOW_RENDER_MS. */
const CUTTABLE_PARAGRAPH = 2048;
const SLOW_RENDER_MS = 16;
/**
 * Formulas are typeset until a render has taken this long (then at least a few per frame, see
 * math-queue.ts); the rest wait for the next frame. A formula typeset costs the frame more again in
 * style, layout and paint, after the render.
 */
const MATH_UNTIL_MS = 8;

interface Block {
  /** The block's source while it is in the tail; '' once frozen (see `start`). */
  raw: string;
  /**
   * Where a frozen block's source starts and ends in the stream's text. A frozen block keeps no string of
   * its own: a slice would keep alive the whole copy of the text it was cut from, one per frame.
   */
  start?: number;
  end?: number;
  nodes: Node[];
  /** The lexed token, kept while the block is in the tail (a list or table there is patched, not redrawn). */
  token?: Token;
  /** Rendered with its code highlighted (a closed fence, or anything not at the live end of the text). */
  highlighted: boolean;
}

export class MarkdownStream {
  private readonly options: ResolvedMarkdownOptions;
  private readonly clock: FrameClock;
  private readonly detach: () => void;
  /**
   * Everything appended (as the parser sees it), kept only when the owner does not hold the text
   * (`textSoFar`): otherwise a 5 MB answer would be held once more here, besides its DOM.
   */
  private source: string | undefined;
  private readonly textSoFar?: () => string;
  /** How much has been appended (the length of `source`, kept or not). */
  private length = 0;
  private guard = new NestingGuard();
  /** The note after the last block when nesting was cut (added by finish()). */
  private notice?: HTMLElement;
  private readonly container: HTMLElement;
  /** A trailing "\r" held until we know whether "\n" follows (marked reads "\r\n" as one line break). */
  private carriageReturn = false;
  private frozen: Block[] = [];
  /** Offset in `source` where the frozen blocks end and the tail starts. */
  private frozenEnd = 0;
  /**
   * `source` from `frozenEnd` on, kept apart: slicing the whole text each frame would copy all of it
   * (a string built by appending is flattened on every slice).
   */
  private tailSource = '';
  /** Link definitions inside the frozen blocks (first definition of a label wins, as in marked). */
  private frozenLinks: Links = Object.create(null);
  /** Every definition used by the last render, as label -> "href\ntitle", to notice changes. */
  private renderedLinks = new Map<string, string>();
  private tail: Block[] = [];
  /** Where the first block of the tail goes (the parts, see block-parts.ts). */
  private frozenParts: PartCursor = firstPart();
  private readonly parts: PartList;
  private frame = 0;
  /**
   * Nodes rendered by this render that hold a formula to typeset (math-typeset.ts): only they are searched,
   * not the whole answer, which would make every frame with a formula cost more as the answer grows.
   */
  private mathNodes: Node[] = [];
  /**
   * Formulas rendered and not typeset yet (math-queue.ts, which comes with KaTeX's part: until KaTeX is
   * there, there is nothing to pace), and the frame asked for to typeset more.
   */
  private math: MathQueue | undefined;
  private mathFrame = 0;
  private disposed = false;

  constructor(container: HTMLElement, options: MarkdownOptions = {}) {
    this.options = resolveMarkdownOptions(options);
    this.clock = options.clock ?? defaultFrameClock;
    this.textSoFar = options.textSoFar;
    this.source = this.textSoFar ? undefined : '';
    this.container = container;
    this.parts = new PartList(container);
    this.detach = attachMarkdownBehavior(container, this.options);
  }

  /** True once nesting beyond the limit was shown flattened or as text (nesting-guard.ts). */
  get nestingLimited(): boolean {
    return this.guard.limited;
  }

  /** All text received so far (deep nesting cut as shown). */
  get text(): string {
    return this.appended() + (this.carriageReturn ? '\r' : '');
  }

  /** The source appended so far, kept or read back from the owner's text. */
  private appended(): string {
    if (this.source !== undefined) return this.source;
    return limitNesting(normalizeNewlines(this.textSoFar!())).text.slice(0, this.length);
  }

  /** Adds text; the container updates on the next frame (several appends in one frame cost one render). */
  append(text: string): void {
    if (!text) return;
    if (this.carriageReturn) text = '\r' + text;
    this.carriageReturn = text.endsWith('\r');
    if (this.carriageReturn) text = text.slice(0, -1);
    const piece = this.guard.push(normalizeNewlines(text));
    if (this.source !== undefined) this.source += piece;
    this.length += piece.length;
    this.tailSource += piece;
    if (!this.frame) this.frame = this.clock.requestFrame(() => this.onFrame());
  }

  /**
   * Renders what has arrived now instead of on the next frame. Call it right after append() inside a
   * frame callback (a Smoother's release): the render lands in the frame that released the text, not one
   * frame later.
   */
  flush(): void {
    this.cancelFrame();
    this.render(false);
  }

  /** The text is complete: renders now, highlighting any code still plain. */
  finish(): void {
    this.cancelFrame();
    if (this.carriageReturn) {
      this.carriageReturn = false;
      if (this.source !== undefined) this.source += '\n';
      this.length++;
      this.tailSource += '\n';
    }
    this.render(true);
    if (this.guard.limited) {
      this.notice ??= nestingNotice(this.options.strings.nestingLimited);
      this.container.appendChild(this.notice);
    }
  }

  /** Replaces the whole text and renders it at once, complete (history, an edited message). */
  setText(text: string): void {
    this.cancelFrame();
    this.parts.clear();
    this.frozen = [];
    this.frozenParts = firstPart();
    this.tail = [];
    this.frozenEnd = 0;
    this.frozenLinks = Object.create(null);
    this.renderedLinks = new Map();
    this.source = this.textSoFar ? undefined : '';
    this.length = 0;
    this.tailSource = '';
    this.guard = new NestingGuard();
    this.carriageReturn = false;
    this.append(text);
    this.finish();
  }

  /** Stops pending work and removes the container's listeners (the rendered DOM stays). */
  dispose(): void {
    this.cancelFrame();
    if (this.mathFrame) this.clock.cancelFrame(this.mathFrame);
    this.mathFrame = 0;
    this.disposed = true;
    this.detach();
  }

  private onFrame(): void {
    this.frame = 0;
    this.render(false);
  }

  private cancelFrame(): void {
    if (this.frame) this.clock.cancelFrame(this.frame);
    this.frame = 0;
  }

  /** Lexes the tail, re-renders what changed, freezes what became final. `complete`: the text is whole. */
  private render(complete: boolean): void {
    const started = performance.now();
    // Blocks go after the others; the note, if any, comes back at finish().
    this.notice?.remove();
    const src = this.tailSource;
    const tokens = lexTail(src, this.tail[0]?.token, this.frozenLinks, (links) => !this.linksDiffer(linkValues(links)));
    const linksChanged = this.updateLinks(tokens.links);
    // Code is highlighted once its fence closes; the live last block stays plain until then.
    const highlights = tokens.map(
      (token, i) => complete || i < tokens.length - 1 || token.type !== 'code' || isClosedCode(token as Tokens.Code),
    );
    const kept = linksChanged ? 0 : this.keepTail(tokens, highlights);
    for (const block of this.tail.slice(kept)) for (const node of block.nodes) node.parentNode?.removeChild(node);

    const fresh = tokens.slice(kept);
    const htmls = fresh.map((token, i) => renderTokens([token], this.options, highlights[kept + i]));
    const nodes = sanitizeBlocks(htmls, this.options.imageAllowed);
    const parts = partsOf(tokens, this.frozenParts);
    nodes.forEach((list, i) => this.parts.append(parts[kept + i], list));
    this.parts.prune();
    const blocks = this.tail.slice(0, kept);
    fresh.forEach((token, i) => blocks.push({ raw: token.raw, nodes: nodes[i], highlighted: highlights[kept + i], token }));

    const final = finalTokenCount(tokens, src);
    let frozenLength = 0;
    for (let i = 0; i < final; i++) {
      collectDefinitions(tokens[i], this.frozenLinks);
      advancePart(this.frozenParts, tokens[i]);
      frozenLength += tokens[i].raw.length;
      this.freeze(blocks[i]);
    }
    if (frozenLength) this.tailSource = src.slice(frozenLength);
    this.tail = blocks.slice(final);
    htmls.forEach((html, i) => html.includes(MATH_PENDING_CLASS) && this.mathNodes.push(...nodes[i]));
    if (this.mathNodes.length) {
      const part = mathPart.loaded;
      // Without KaTeX yet: starts its download; on arrival the container typesets every formula it holds.
      if (!part) typesetPendingMath(this.mathNodes);
      else (this.math ??= new part.MathQueue(this.container)).add(this.mathNodes);
      this.mathNodes = [];
    }
    this.typesetMath(complete, started);
    if (htmls.some((html) => html.includes(RENDER_PENDING_CLASS))) renderFences(this.container, this.options);
    if (!complete) this.cutLongParagraph(performance.now() - started > SLOW_RENDER_MS);
  }

  /**
   * Typesets the formulas waiting (math-queue.ts): all of them once the text is complete, else those that
   * fit in this render's time, the rest in the next frame. That frame is asked for after the current
   * frame's callbacks (a microtask): a Smoother that releases text in the next frame asked for it first, so
   * its render comes first, cancels this request and typesets within its own time; one frame's budget is
   * not spent twice.
   */
  private typesetMath(complete: boolean, started: number): void {
    if (this.mathFrame) this.clock.cancelFrame(this.mathFrame);
    this.mathFrame = 0;
    const math = this.math;
    if (!math?.size) return;
    if (complete) math.drain();
    else if (math.run(started + MATH_UNTIL_MS)) {
      queueMicrotask(() => {
        if (math.size && !this.mathFrame && !this.disposed) this.mathFrame = this.clock.requestFrame(() => this.typesetMath(false, performance.now()));
      });
    }
  }

  /**
   * An open paragraph is lexed and rendered again on every frame, so one that never ends (a 1 MB line,
   * `*a**a**a…` with no blank line) would cost the square of its length. Past LONG_PARAGRAPH characters
   * it is frozen as shown and the text after it starts a new paragraph: each frame's work stays bounded,
   * at the price of a paragraph break every LONG_PARAGRAPH characters (and of an inline span open across
   * it showing its markers). Only while streaming: a whole text (finish, setText) renders as one.
   */
  private cutLongParagraph(slow: boolean): void {
    const block = this.tail[0];
    if (this.tail.length !== 1 || block.token?.type !== 'paragraph') return;
    if (block.raw.length < (slow ? CUTTABLE_PARAGRAPH : LONG_PARAGRAPH)) return;
    if (this.frozenEnd + block.raw.length !== this.length || !block.nodes.length) return;
    advancePart(this.frozenParts, { type: 'paragraph', raw: block.raw });
    this.tailSource = this.tailSource.slice(block.raw.length);
    this.freeze(block);
    this.tail = [];
  }

  /** A block proven final: its nodes stay as they are; it keeps only where its source was. */
  private freeze(block: Block): void {
    block.token = undefined; // never patched again, and the tokens would only hold memory
    block.start = this.frozenEnd;
    block.end = this.frozenEnd + block.raw.length;
    block.raw = '';
    this.frozenEnd = block.end;
    this.frozen.push(block);
  }

  /** A frozen block's source, from `source` (the whole appended text; rarely needed, see updateLinks). */
  private frozenRaw(block: Block, source: string): string {
    return source.slice(block.start, block.end);
  }

  /**
   * How many of the tail's blocks stay as they are: those matching the new tokens one for one, plus the
   * first that changed if it is a list or table that only grew (patched in place; block-patch.ts).
   */
  private keepTail(tokens: Token[], highlights: boolean[]): number {
    let kept = 0;
    const same = (i: number) => this.tail[i].raw === tokens[i].raw && this.tail[i].highlighted === highlights[i];
    while (kept < this.tail.length && kept < tokens.length && same(kept)) kept++;
    if (kept === this.tail.length || kept === tokens.length) return kept;
    const block = this.tail[kept];
    const token = tokens[kept];
    const highlight = highlights[kept];
    let math = false;
    const render = (parts: Token[]) => {
      const html = renderTokens(parts, this.options, highlight);
      math ||= html.includes(MATH_PENDING_CLASS);
      return sanitizeBlocks([html], this.options.imageAllowed)[0];
    };
    if (block.token && block.highlighted === highlight && patchBlock(block.nodes[0], block.token, token, render)) {
      if (math) this.mathNodes.push(block.nodes[0]); // the new items or rows were moved into it
      block.raw = token.raw;
      block.token = token;
      kept++;
    }
    return kept;
  }

  /** Labels defined, redefined or gone since the last render. */
  private changedLabels(now: Map<string, string>): string[] {
    const changed: string[] = [];
    for (const [label, value] of now) if (this.renderedLinks.get(label) !== value) changed.push(label);
    for (const label of this.renderedLinks.keys()) if (!now.has(label)) changed.push(label);
    return changed;
  }

  private linksDiffer(now: Map<string, string>): boolean {
    return this.changedLabels(now).length > 0;
  }

  /**
   * Notes the link definitions now known. When one appears, changes or goes away, frozen blocks that may
   * use it are rendered again (a reference link resolves against definitions further down) and the caller
   * re-renders its tail. Returns whether anything changed.
   */
  private updateLinks(links: Links): boolean {
    const now = linkValues(links);
    const changed = this.changedLabels(now);
    this.renderedLinks = now;
    if (!changed.length) return false;
    if (!this.frozen.length) return true;
    const source = this.appended();
    const mentions = (block: Block) => {
      const raw = this.frozenRaw(block, source).toLowerCase().replace(/\s+/g, ' ');
      return changed.some((label) => raw.includes(label));
    };
    const stale = this.frozen.filter(mentions);
    if (stale.length) {
      const htmls = stale.map((block) => renderTokens(lexMarkdown(this.frozenRaw(block, source), links).filter((t) => t.type !== 'space'), this.options, true));
      const fresh = sanitizeBlocks(htmls, this.options.imageAllowed);
      htmls.forEach((html, i) => html.includes(MATH_PENDING_CLASS) && this.mathNodes.push(...fresh[i]));
      stale.forEach((block, i) => {
        const anchor = block.nodes[0];
        if (!anchor) return; // a definition or blank line: nothing on screen
        for (const node of fresh[i]) anchor.parentNode?.insertBefore(node, anchor);
        for (const node of block.nodes) node.parentNode?.removeChild(node);
        block.nodes = fresh[i];
      });
    }
    return true;
  }
}

/** Link definitions as label -> "href\ntitle", to compare them between renders. */
function linkValues(links: Links): Map<string, string> {
  const values = new Map<string, string>();
  for (const label in links) values.set(label, `${links[label].href}\n${links[label].title ?? ''}`);
  return values;
}
