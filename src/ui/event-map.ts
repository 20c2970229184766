/**
 * The DOM events of `<stream-chat>` by name, with their `detail`: what `addEventListener` (and every
 * framework typing generated from the manifest) knows of each `stream-chat-…` event.
 */
import type { ChatError, ChatEvent } from '../core/events.js';
import type { SendDetail } from './chat-types.js';

/** `stream-chat-<type>` for every engine event: the detail is the engine's event itself. */
export type EngineEventMap = {
  [Type in ChatEvent['type'] as `stream-chat-${Type}`]: CustomEvent<Extract<ChatEvent, { type: Type }>>;
};

/** Every event the element fires, by name. */
export interface StreamChatEventMap extends EngineEventMap {
  /** Before a user message is sent; cancelable. */
  'stream-chat-send': CustomEvent<SendDetail>;
  /** The history could not be read or written. */
  'stream-chat-storage-error': CustomEvent<ChatError>;
  /** Popup mode: the panel opened. */
  'stream-chat-open': CustomEvent<undefined>;
  /** Popup mode: the panel closed. */
  'stream-chat-close': CustomEvent<undefined>;
}

export type StreamChatEventName = keyof StreamChatEventMap;
