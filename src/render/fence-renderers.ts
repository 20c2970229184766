/**
 * Fence renderers (the element's `renderers`): a function per fence language that turns a closed code
 * block into a node, a diagram library for ```mermaid, say. The renderer marks such blocks
 * (`md-render-pending`) once their fence closes; this file runs the functions, from a part loaded the
 * first time a marked block is shown (fence-renderer-part.ts), so a page without renderers pays nothing.
 *
 * Each run gets an AbortSignal, aborted after RENDERER_TIMEOUT_MS, when the container is detached (the
 * answer left the screen: element removed, another conversation shown) or the block was replaced. What
 * it returns goes through the rich sanitizer (rich-sanitize.ts: SVG and HTML, nothing that runs or
 * loads). A renderer that throws, rejects or times out leaves the code block, with a notice, and the
 * container fires `stream-chat-renderer-error` (bubbles, composed).
 */
import { lazyPart } from '../core/index.js';
import type { ResolvedMarkdownOptions } from './markdown-options.js';

/** `(code, { signal }) => Node | Promise<Node>`: a closed fence's code to what is shown instead. */
export type FenceRenderer = (code: string, context: { signal: AbortSignal }) => Node | Promise<Node>;
export type FenceRenderers = Readonly<Record<string, FenceRenderer>>;

/** Detail of `stream-chat-renderer-error`. */
export interface RendererErrorDetail {
  /** The fence's language (the key in `renderers`). */
  language: string;
  /** Why: what the renderer threw, or that it took too long. */
  message: string;
}

/** Class of a closed fence waiting for its renderer. */
export const RENDER_PENDING_CLASS = 'md-render-pending';

export const fenceRendererPart = lazyPart('fence renderers', () => import('./fence-renderer-part.js'));

/** Each attached container's signal: aborted when it is detached (markdown-behavior.ts). */
export const containerSignals = new WeakMap<Element, AbortSignal>();

/** Runs the renderers of the blocks waiting in `container` (loading the part first if needed). */
export function renderFences(container: HTMLElement, options: ResolvedMarkdownOptions): void {
  const { renderers, strings } = options;
  if (!renderers || !container.querySelector(`.${RENDER_PENDING_CLASS}`)) return;
  fenceRendererPart.load().then(
    (part) => part.runRenderers(container, renderers, strings.rendererFailed, containerSignals.get(container)),
    () => {}, // the code blocks stay as they are
  );
}
