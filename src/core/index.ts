export { runChat } from './run-chat.js';
export { streamText, collect } from './stream-helpers.js';
export type * from './events.js';
export type * from './messages.js';
export type * from './options.js';
