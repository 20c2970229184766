/**
 * The markdown pipeline as one lazily loaded part (marked, DOMPurify, the incremental renderer): the
 * element loads it when the first message must be shown (markdown-loader.ts), not at page load.
 */
export { MarkdownStream } from './markdown-stream.js';
export { renderMarkdown } from './markdown.js';
export { attachMarkdownBehavior } from './markdown-behavior.js';
export { loadHighlighter } from './highlight.js';
export { spokenText, SPOKEN_LIMIT } from './spoken-text.js';
// Its CSS comes with it: the element adopts it when the part arrives (ui/part-styles.ts).
export { markdownStyles } from './markdown-styles.js';
