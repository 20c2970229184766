/**
 * The messages' templates as one lazily loaded part (the bubbles, tool call cards, the usage and progress
 * lines, and their CSS): the element loads it when the first message must be shown (conversation-view-loader.ts),
 * together with the markdown part, not at page load.
 */
export { renderAssistantMessage, renderUserMessage } from './message-view.js';
// Their CSS comes with them: the element adopts it when the part arrives (part-styles.ts).
export { messageStyles } from './message-styles.js';
