/** Registers `<stream-chat>`, unless something already did (the script may be loaded twice). */
import { StreamChat } from './ui/stream-chat.js';

export const TAG_NAME = 'stream-chat';

if (!customElements.get(TAG_NAME)) customElements.define(TAG_NAME, StreamChat);

declare global {
  interface HTMLElementTagNameMap {
    'stream-chat': StreamChat;
  }
}
