/**
 * The messages' templates as one lazily loaded part (the bubbles, tool call cards, the usage and progress
 * lines): the element loads it when the first message must be shown (conversation-view-loader.ts),
 * together with the markdown part, not at page load.
 */
export { renderAssistantMessage, renderUserMessage } from './message-view.js';
