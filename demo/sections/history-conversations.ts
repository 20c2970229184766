/**
 * History that survives a reload: a <stream-chat> keeping its conversations in IndexedDB under its own
 * storage key, with the conversations list (new, switch, rename, delete, export, import) and a reload
 * button to try it mid-answer.
 */
import { applySettings, type DemoSection } from '../section.js';

/** Its own namespace, so this demo's history never mixes with a site's own `<stream-chat>`. */
const STORAGE_KEY = 'demo-history';

const section: DemoSection = {
  id: 'history',
  title: 'History: survives a reload, shared across tabs',
  order: 60,
  chapter: 'History',
  description:
    'This chat keeps every conversation in IndexedDB (one record per message; the answer is saved about once a second while it streams). Ask for something long, then press <em>Reload the page</em> while it streams: the chat is back, the partial answer marked interrupted, with Continue and Regenerate. Open the page in a second tab: the list follows, and a conversation answering in one tab is not written to by the other. “Conversations” lists, renames, deletes, exports (JSON or Markdown) and imports them.',
  mount(container, settings) {
    const chat = document.createElement('stream-chat');
    chat.setAttribute('storage-key', STORAGE_KEY);
    chat.setAttribute('heading', 'Remembers everything');
    applySettings(chat, settings);
    // Slow enough to reload in the middle of an answer.
    if (settings.usingDevModel) chat.setAttribute('model', 'dev;rate=80;words=500');
    (chat as HTMLElement & { starterPrompts: string[] }).starterPrompts = [
      'Write a long guide to sourdough baking',
      'Explain how IndexedDB transactions work',
    ];

    const bar = document.createElement('div');
    bar.setAttribute('role', 'group');
    bar.setAttribute('aria-label', 'Try the history');
    bar.style.cssText = 'display:flex;flex-wrap:wrap;gap:0.5rem;align-items:center';
    const reload = document.createElement('button');
    reload.type = 'button';
    reload.textContent = 'Reload the page';
    reload.addEventListener('click', () => {
      location.hash = 'history';
      location.reload();
    });
    const tab = document.createElement('a');
    tab.href = `${location.pathname}#history`;
    tab.target = '_blank';
    tab.rel = 'noopener';
    tab.textContent = 'Open this page in another tab';
    const status = document.createElement('p');
    status.setAttribute('role', 'status');
    status.style.cssText = 'margin:0;font-size:0.85rem;opacity:0.8';
    chat.addEventListener('stream-chat-storage-error', (event) => {
      status.textContent = `stream-chat-storage-error: ${(event as CustomEvent<{ message: string }>).detail.message}`;
    });
    bar.append(reload, tab, status);
    container.append(chat, bar);
  },
};

export default section;
