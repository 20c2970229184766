/** The package entry: the element (defined on import) and the headless engine. */
import './define.js';

export { StreamChat } from './ui/stream-chat.js';
export type { ChatMode, ChatTheme, SendDetail, StorageKind, SystemPrompt } from './ui/stream-chat.js';
export type { Strings } from './ui/strings.js';
export { defaultStrings } from './ui/strings.js';
export * from './core/index.js';
