/**
 * Popup mode: a launcher button in the corner of the page opens the chat panel; Escape closes it and
 * gives focus back to the launcher. Full screen on a phone.
 */
import { applySettings, type DemoSection } from '../section.js';

const section: DemoSection = {
  id: 'popup',
  title: 'Popup mode with a launcher',
  order: 75,
  chapter: 'Popup',
  description:
    '<code>mode="popup"</code> puts a round launcher in the bottom corner of this page (the end side: left in right-to-left pages). It is keyboard-operable, Escape closes the panel and focus returns to the launcher, and on a small screen the panel takes the whole screen. The buttons below call <code>open()</code> and <code>close()</code>.',
  mount(container, settings) {
    // One popup per page: a remount replaces the previous one.
    document.querySelectorAll('stream-chat[data-demo-popup]').forEach((old) => old.remove());
    const chat = document.createElement('stream-chat');
    chat.dataset.demoPopup = '';
    chat.setAttribute('mode', 'popup');
    chat.setAttribute('storage', 'memory');
    chat.setAttribute('heading', 'Help');
    applySettings(chat, settings);
    chat.welcome = 'Hello! How can we help?';
    chat.starterPrompts = ['How do I reset my password?', 'What are your opening hours?'];
    const bar = document.createElement('div');
    bar.style.cssText = 'display:flex;gap:0.5rem;align-items:center';
    const open = document.createElement('button');
    open.type = 'button';
    open.textContent = 'open()';
    open.addEventListener('click', () => chat.open());
    const close = document.createElement('button');
    close.type = 'button';
    close.textContent = 'close()';
    close.addEventListener('click', () => chat.close());
    const state = document.createElement('span');
    state.textContent = 'closed';
    chat.addEventListener('stream-chat-open', () => (state.textContent = 'open'));
    chat.addEventListener('stream-chat-close', () => (state.textContent = 'closed'));
    bar.append(open, close, state);
    container.append(bar);
    document.body.append(chat);
  },
};

export default section;
