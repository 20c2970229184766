/**
 * Versions: edit a question or regenerate an answer and the earlier one stays, behind `‹ 1 / 2 ›`.
 * Kept in IndexedDB under this section's own storage key, so a reload shows the version that was shown.
 */
import { applySettings, type DemoSection } from '../section.js';

const section: DemoSection = {
  id: 'versions',
  title: 'Edit and regenerate keep every version',
  chapter: 'History',
  order: 61,
  description:
    'Edit a question (the pencil) or regenerate an answer: the earlier version stays, and the message shows <code>‹ 2 / 2 ›</code>. Flip back and the whole conversation that followed that version comes back; the next message you send continues the version on screen, and the model is sent only that one. Versions are stored with the conversation (reload, another tab, the JSON export); each switch fires <code>stream-chat-branch</code>.',
  mount(container, settings) {
    const chat = document.createElement('stream-chat');
    chat.setAttribute('storage-key', 'demo-versions');
    chat.setAttribute('heading', 'Keeps every version');
    applySettings(chat, settings);
    // `vary`: the dev model answers a question asked again with another answer, as a real model does.
    if (settings.usingDevModel) chat.setAttribute('model', 'dev;rate=400;vary');
    (chat as HTMLElement & { starterPrompts: string[] }).starterPrompts = ['What is a web component?', 'How do JavaScript promises work?'];

    const log = document.createElement('p');
    log.setAttribute('role', 'status');
    log.style.cssText = 'margin:0;font-size:0.85rem;opacity:0.8';
    log.textContent = 'Switch a version to see its stream-chat-branch event here.';
    chat.addEventListener('stream-chat-branch', (event) => {
      const { messageId, index, count } = (event as CustomEvent<{ messageId: string; index: number; count: number }>).detail;
      log.textContent = `stream-chat-branch: message ${messageId}, version ${index + 1} of ${count}`;
    });
    container.append(chat, log);
  },
};

export default section;
