/** What the drop-in scripts expose as `window.StreamChat`: see standalone.ts. */
import './define.js';

export { StreamChat } from './ui/stream-chat.js';
export type { ChatMode, ChatTheme, SendDetail, StorageKind, SystemPrompt } from './ui/stream-chat.js';
export type { Strings } from './ui/strings.js';
export { defaultStrings } from './ui/strings.js';
// The engine's code loads with the first run, as for the element.
export { runChatLazy as runChat } from './core/lazy-engine.js';
export { streamText, collect } from './core/stream-helpers.js';
export type * from './core/events.js';
export type * from './core/messages.js';
export type * from './core/options.js';
export { HistoryStore } from './store/history-store.js';
export type { ConversationRecord, MessageRecord } from './store/records.js';
// Loaded on first use: the drop-in's first load carries no import validation or file encoding.
export { exportJSON, exportMarkdown, importJSON } from './store/export-part.js';
export { createKeyStore, type KeyStore } from './store/key-store.js';
