/**
 * Attachments: the paperclip, paste and drop; previews; images shrunk in the browser; the dev model
 * says which files it received, so what was sent is visible.
 */
import { applySettings, type DemoSection } from '../section.js';

const section: DemoSection = {
  id: 'attachments',
  title: 'Attachments: images, PDFs and text files',
  order: 45,
  description:
    '<code>accept="image/*,.pdf,.txt,.md,.csv,.json"</code> adds a paperclip; you can also paste a screenshot or drop files on the message box. Images are shrunk to 2048 px a side before they are sent, text files go inline with their names, PDFs as file parts. The dev model answers with what it received (names, types, sizes). Files are kept in IndexedDB with the conversation.',
  mount(container, settings) {
    const chat = document.createElement('stream-chat');
    chat.setAttribute('accept', 'image/*,.pdf,.txt,.md,.csv,.json');
    chat.setAttribute('storage-key', 'demo-attachments');
    chat.welcome = 'Attach an image, a PDF or a text file, then send.';
    applySettings(chat, settings);
    container.append(chat);
  },
};

export default section;
