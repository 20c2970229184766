/**
 * Resume after reload: a <stream-chat resumable> on the Responses API, whose answers run as background
 * responses on the server. Reloading mid-answer brings the answer back and it goes on streaming into
 * the same bubble; Stop cancels it on the server.
 */
import { applySettings, type DemoSection } from '../section.js';

const STORAGE_KEY = 'demo-resume';
const ID = 'resume-after-reload';

const section: DemoSection = {
  id: ID,
  title: 'Resume an answer after a reload',
  order: 61,
  chapter: 'History',
  description:
    'With <code>resumable</code> and <code>provider="openai-responses"</code> each answer runs as a background response on the server (<code>background: true</code>), which goes on writing when the page goes away. The chat stores where the answer is (the response id and the last event’s sequence number) with its text; ask for something long, press <em>Reload the page</em> while it streams, and the answer comes back and goes on in the same bubble, nothing repeated or lost. Stop cancels the response on the server. In two tabs, one reads it on and the other follows.',
  mount(container, settings) {
    const chat = document.createElement('stream-chat');
    chat.setAttribute('storage-key', STORAGE_KEY);
    chat.setAttribute('heading', 'Goes on after a reload');
    applySettings(chat, settings);
    // Background mode is the Responses API's: the dev model implements it (and is slow enough to reload mid-answer).
    if (settings.usingDevModel) {
      chat.setAttribute('provider', 'openai-responses');
      chat.setAttribute('model', 'dev;rate=70;words=600');
    }
    chat.toggleAttribute('resumable', true);
    (chat as HTMLElement & { starterPrompts: string[] }).starterPrompts = ['Write a long story about a lighthouse keeper', 'Explain how HTTP caching works, in depth'];

    const bar = document.createElement('div');
    bar.setAttribute('role', 'group');
    bar.setAttribute('aria-label', 'Try resuming');
    bar.style.cssText = 'display:flex;flex-wrap:wrap;gap:0.5rem;align-items:center';
    const reload = document.createElement('button');
    reload.type = 'button';
    reload.textContent = 'Reload the page';
    reload.addEventListener('click', () => {
      location.hash = ID;
      location.reload();
    });
    const status = document.createElement('p');
    status.setAttribute('role', 'status');
    status.style.cssText = 'margin:0;font-size:0.85rem;opacity:0.8';
    if (!settings.usingDevModel && settings.provider !== 'openai-responses') {
      status.textContent = 'Resuming needs provider "openai-responses" (set it in Settings); with other providers a reload leaves the answer interrupted.';
    }
    chat.addEventListener('stream-chat-checkpoint', (event) => {
      const { responseId, sequence } = (event as CustomEvent<{ responseId: string; sequence: number }>).detail;
      status.textContent = `stream-chat-checkpoint: ${responseId.slice(0, 16)}… at event ${sequence}`;
    });
    chat.addEventListener('stream-chat-end', () => (status.textContent = ''));
    bar.append(reload, status);
    container.append(chat, bar);
  },
};

export default section;
