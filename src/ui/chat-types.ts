/** Public types of the element's options, and the attribute converters they need. */
import type { ChatMessage } from '../core/index.js';

export type ChatMode = 'inline' | 'popup';
export type ChatTheme = 'light' | 'dark' | 'auto';
export type StorageKind = 'indexeddb' | 'memory' | 'none';
export type SystemPrompt = string | ((context: any) => string | Promise<string>);

/** Detail of the cancelable `stream-chat-send` event. */
export interface SendDetail {
  /** The user's text; a listener may not change it (cancel and call `send()` instead). */
  text: string;
  /** The history before this message. */
  messages: ChatMessage[];
}

/** `starter-prompts="A|B"` or a JSON array. */
export const promptsConverter = {
  fromAttribute(value: string | null): string[] {
    if (!value) return [];
    if (value.trim().startsWith('[')) {
      try {
        const parsed: unknown = JSON.parse(value);
        if (Array.isArray(parsed)) return parsed.map(String);
      } catch {
        /* fall through: treat as a plain list */
      }
    }
    return value.split('|').map((s) => s.trim()).filter(Boolean);
  },
};
