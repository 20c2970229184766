/**
 * The element as a site owner drops it in: streamed markdown, stop, regenerate, edit, copy, and
 * starter prompts, against whatever backend the settings point to.
 */
import { demoChat, type DemoSection } from '../section.js';

const section: DemoSection = {
  id: 'basics',
  title: 'Chat: streaming markdown, stop, regenerate, edit',
  order: 10,
  placement: 'hero',
  chapter: 'Try it',
  description:
    'Enter sends, Shift+Enter adds a line. While an answer streams, the square button (or Escape) stops it and keeps what arrived; scroll up and the view stays put, with a “Jump to latest” button. Under each message: copy it, edit your question and resend, or regenerate the last answer.',
  mount(container, settings) {
    const chat = demoChat(settings, 'Assistant');
    chat.setAttribute('show-usage', '');
    chat.welcome = 'Hi! Ask me anything, or start with one of these:';
    chat.starterPrompts = [
      'Explain how HTTP caching works, with a table',
      'Write a long guide to TypeScript generics with code samples',
      'Give me a checklist for launching a website',
    ];
    chat.prices = { [settings.model]: { input: 0.15, output: 0.6 } };
    const log = document.createElement('p');
    log.style.cssText = 'margin:0;font-size:0.85rem;opacity:0.8';
    log.textContent = 'Events from the element appear here.';
    for (const type of ['send', 'start', 'end', 'error']) {
      chat.addEventListener(`stream-chat-${type}`, (event) => {
        const detail = (event as CustomEvent).detail;
        const extra =
          type === 'end' ? ` (${detail.finishReason}, ${Math.round(detail.durationMs)} ms)` : type === 'error' ? ` (${detail.error.kind})` : '';
        log.textContent = `Last event: stream-chat-${type}${extra}`;
      });
    }
    container.append(chat, log);
  },
};

export default section;
