/** The package entry: the element (defined on import) and the headless engine. */
import './define.js';

export { StreamChat } from './ui/stream-chat.js';
export type { ChatMode, ChatTheme, SendDetail, StorageKind, SystemPrompt } from './ui/stream-chat.js';
export type { Strings } from './ui/strings.js';
export type { RenderedDetail, StreamChatEventMap, StreamChatEventName } from './ui/event-map.js';
export { defaultStrings } from './ui/strings.js';
export * from './core/index.js';
// History for hosts that back up, migrate or pre-fill conversations, and the opt-in key store.
export { HistoryStore } from './store/history-store.js';
export type { ConversationRecord, MessageRecord } from './store/records.js';
export { exportJSON, exportMarkdown, importJSON } from './store/export.js';
export { createKeyStore, type KeyStore } from './store/key-store.js';
