/**
 * The render layer: streamed text to sanitized DOM. Knows no element; the element (src/ui) wires it.
 *
 * - `Smoother` (pure logic, injected clock): deltas in, at most one release per animation frame out (one every
 *   ~48 ms at a reading pace), at a rate that drains any backlog in ~drainMs; never cuts a grapheme; instant under reduced motion or a hidden tab.
 * - `MarkdownStream`: incremental markdown into a container it owns. Final blocks are rendered once and kept;
 *   only the open tail is redrawn, at most once per frame (a growing list or table is patched in place).
 *   After finish() the DOM equals renderMarkdown(text).
 * - `SmoothMarkdown`: the two wired together, as one answer's text body uses them.
 * - `renderMarkdown()`: one-shot, sanitized fragment (history, tests).
 * - `attachMarkdownBehavior()`: copy buttons and click-to-load images for a container filled by
 *   renderMarkdown() (MarkdownStream attaches it to its own container).
 * - `markdownStyles`: CSS text for `.md` containers (code blocks, tables, task lists, highlighting).
 * - `ObjectView`: live view of a structured-output value while it streams (object-view.ts).
 *
 * - `markdownPart`: the markdown pipeline (MarkdownStream, renderMarkdown, marked, DOMPurify) as a lazily
 *   loaded part; the element reaches it only through this, so a page that shows the element does not
 *   download it before a message must be shown. Code blocks highlight once their grammar arrives
 *   (highlight.ts: highlight.js core and each language load on demand; `loadHighlighter()` preloads).
 *
 * Every rendered byte goes through a private DOMPurify instance (sanitize.ts): http(s)/mailto links only,
 * opened in a new tab with rel="noopener noreferrer"; remote images are click-to-load placeholders unless
 * their origin is in `allowedImageOrigins`; raw HTML in the markdown is shown as text.
 */
export { Smoother, type SmootherOptions, type ReleaseCallback } from './smoother.js';
export { prepareGraphemeBoundaries } from './grapheme-boundary.js';
export { defaultFrameClock, type FrameClock } from './frame-clock.js';
export { instantRelease } from './instant-release.js';
export { MarkdownStream } from './markdown-stream.js';
export { SmoothMarkdown, type SmoothMarkdownOptions } from './smooth-markdown.js';
export { renderMarkdown } from './markdown.js';
export { attachMarkdownBehavior } from './markdown-behavior.js';
export { loadHighlighter } from './highlight.js';
export { markdownPart, plainTextPart, type MarkdownPart } from './markdown-loader.js';
export { objectViewPart, type ObjectViewPart } from './object-view-loader.js';
export { defaultMarkdownStrings, type MarkdownOptions, type MarkdownStrings } from './markdown-options.js';
export { markdownStyles } from './markdown-styles.js';
export { ObjectView, labelFor, defaultObjectViewStrings, type ObjectViewState, type ObjectViewStrings, type RenderObject } from './object-view.js';
export { objectViewStyles } from './object-view-styles.js';
export type { FenceRenderer, FenceRenderers, RendererErrorDetail } from './fence-renderers.js';
export { sanitizerProblems, TRUSTED_TYPES_REFUSED } from './sanitizer-problems.js';
export { httpUrl } from './http-url.js';
