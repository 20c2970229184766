/** Registers `<stream-chat>`, unless something already did (the script may be loaded twice). */
import { StreamChat } from './ui/stream-chat.js';
import type { StreamChatEventMap } from './ui/event-map.js';

export const TAG_NAME = 'stream-chat';

// The literal (not TAG_NAME) lets the manifest analyzer see which tag the class gets.
if (!customElements.get(TAG_NAME)) customElements.define('stream-chat', StreamChat);

declare global {
  interface HTMLElementTagNameMap {
    'stream-chat': StreamChat;
  }
  // The events bubble and are composed: a listener on an ancestor, the document or the window gets them too.
  interface HTMLElementEventMap extends StreamChatEventMap {}
  interface DocumentEventMap extends StreamChatEventMap {}
  interface WindowEventMap extends StreamChatEventMap {}
}
