/** Registers `<stream-chat>`, unless something already did (the script may be loaded twice). */
import { StreamChat } from './ui/stream-chat.js';

export const TAG_NAME = 'stream-chat';

// The literal (not TAG_NAME) lets the manifest analyzer see which tag the class gets.
if (!customElements.get(TAG_NAME)) customElements.define('stream-chat', StreamChat);

declare global {
  interface HTMLElementTagNameMap {
    'stream-chat': StreamChat;
  }
}
