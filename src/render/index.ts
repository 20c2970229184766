/** The render layer: streamed text to sanitized DOM. */
export { Smoother, type SmootherOptions, type ReleaseCallback } from './smoother.js';
export { defaultFrameClock, type FrameClock } from './frame-clock.js';
export { instantRelease } from './instant-release.js';
export { MarkdownStream } from './markdown-stream.js';
export { SmoothMarkdown, type SmoothMarkdownOptions } from './smooth-markdown.js';
export { renderMarkdown } from './markdown.js';
export { attachMarkdownBehavior } from './markdown-behavior.js';
export { defaultMarkdownStrings, type MarkdownOptions, type MarkdownStrings } from './markdown-options.js';
export { markdownStyles } from './markdown-styles.js';
export { ObjectView, labelFor, defaultObjectViewStrings, type ObjectViewState, type ObjectViewStrings, type RenderObject } from './object-view.js';
export { objectViewStyles } from './object-view-styles.js';
